// Dedupe settings: the `dedupe:` section of a config (rules/config.h DedupeSpec) turned into what
// the engine, survivorship and the run's dedupe stage use, with every mistake reported at its
// place in the file.
//
// Shared emails: only an account that allows several prospects with one email address (Pardot
// v4, or v5 on such a business unit) can hold the same address twice; elsewhere the policy has
// nothing to act on, and duplicates are one person under different addresses.
//   keep_distinct_crm  (default) prospects on one address that are synced to different CRM leads
//                      or contacts never match, and never end in one cluster through a third
//                      member (it joins the stronger match only).
//   merge              prospects on one address are matched like any others.
//   flag_only          they are matched, but a cluster in which two members share an address is
//                      only flagged: its losers get the loser flag, the survivor keeps its values
//                      and nobody is deleted.
// Losers: `flag` (default) sets `flag_field` (default `duplicate_of`, a custom field) on each
// loser to the survivor's prospect id and, with `flag_list`, puts it on that static list (the
// field `list_<id>`); `delete` deletes them (opt-in).
#pragma once

#include <string>
#include <vector>

#include "rules/config.h"
#include "rules/dedupe/engine.h"
#include "rules/dedupe/survivorship.h"

namespace pdc::dedupe {

enum class SharedEmailPolicy { kKeepDistinctCrm, kMerge, kFlagOnly };
enum class LoserAction { kFlag, kDelete };

std::string_view SharedEmailPolicyName(SharedEmailPolicy policy);

struct DedupeSettings {
  DedupeOptions engine;
  SurvivorshipConfig survivorship;
  SharedEmailPolicy shared_email = SharedEmailPolicy::kKeepDistinctCrm;
  LoserAction losers = LoserAction::kFlag;
  std::string flag_field = "duplicate_of";  // "" sets no field
  long long flag_list = 0;                  // 0: no list
};

// The settings of `spec`; every problem is appended to `errors` (with the spec's locations) and
// the result is then nullopt.
std::optional<DedupeSettings> BuildDedupeSettings(const DedupeSpec& spec,
                                                  std::vector<Diagnostic>& errors);

}  // namespace pdc::dedupe
