// The dedupe decision on one pair in words and in JSON, for `explain` and for the pair and
// cluster tests of `test`: the group that held, the veto, and each compared field's level, the
// test that decided it (compare.h Basis) and its score. Pure functions; any thread.
#pragma once

#include <string>
#include <vector>

#include "rules/dedupe/decision.h"

namespace pdc {

// The veto that decided, with its reason: "country (the countries differ, ...)"; "" when none.
std::string VetoText(const dedupe::Verdict& verdict);

// The label of the group that held ("first_name+last_name+email"), "crm_record" when one CRM
// lead or contact id decided, "" when the pair did not match.
std::string HeldGroup(const dedupe::Verdict& verdict, const dedupe::DecisionRule& rule);

// One line: "match by first_name+last_name+email", "no match: veto country (...)",
// "no match: no group held".
std::string VerdictSummary(const dedupe::Verdict& verdict, const dedupe::DecisionRule& rule);

// The summary, then one line per compared field with both keys:
// `first_name: strong by nickname, score 1.00 ("bob" / "robert")`.
std::vector<std::string> VerdictLines(const dedupe::Verdict& verdict,
                                      const dedupe::DecisionRule& rule, const dedupe::MatchKeys& a,
                                      const dedupe::MatchKeys& b);

// Appends the members "fields":[{field, level, basis, score}...],"veto","identity","group"
// (null when absent) and "match" to a JSON object being written (no leading comma).
void AppendVerdictJson(std::string& out, const dedupe::Verdict& verdict,
                       const dedupe::DecisionRule& rule);

}  // namespace pdc
