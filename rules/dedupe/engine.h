// Finding duplicates in a set of cleaned prospects: match keys, blocking passes, the decision on
// every candidate pair, then clusters. The pieces are rules/dedupe/{blocking,decision,clusters};
// this puts them in the order a run uses them, in parallel where it pays.
//
// Match keys come from the cleaned record: names, company, title, street and city folded
// (rules/match_key.h); the email key from `email_key_field` when a rule derived it (the `email`
// rule's key_to), else the address lower-cased, with any plus tag cut, and none for a role
// mailbox (info@, sales@: colleagues share it); the phone as written when it is E.164, else its
// digits; the country upper-cased.
//
// Blocking passes, each capped: the email key; the phone's last eight digits (so that a number
// written nationally, its country unknown, meets its E.164 form), leaving out numbers shared by
// more than `max_shared_phone` prospects (switchboards); the corporate email domain + first
// initial + Double Metaphone of the last name (free and disposable domains never block); the
// company key's first five characters + first initial + phonetic last name; the first name +
// phonetic last name + city; the CRM contact id; the CRM lead id. The company and name+city
// passes also key each prospect with its two names in sorted order (names typed into each
// other's fields meet) and with a nickname's formal name (FormalName: Mandy blocks as Amanda
// too); the company pass also with the whole first name and the last name's first two letters
// (most typos in the last name keep them). A prospect joins the block of each of its keys. On
// generated prospects that is about 1.1 times the candidate pairs of the straight keys alone,
// at 100,000 prospects as at a million.
//
// Match keys also say whether a name was typed in a script other than Latin (other_script). A
// whole name typed into the first name with the last name blank gives its last word to the last
// name ("ashley bailey", "" -> "ashley", "bailey").
//
// With a decision that keeps distinct CRM records apart (keep_distinct_crm), matches are joined
// strongest first (one CRM record, then the groups in their order), and a join that would put
// two prospects on one email address synced to different CRM leads or contacts into one cluster
// (each matched to a third member, say) is refused: the third member stays with the first.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rules/dedupe/blocking.h"
#include "rules/dedupe/clusters.h"
#include "rules/dedupe/decision.h"
#include "rules/email_domains.h"
#include "rules/record.h"
#include "rules/status.h"

namespace pdc::dedupe {

// The blocking passes by name, in the order above.
std::span<const std::string_view> BlockingPassNames();
inline constexpr std::size_t kBlockingPasses = 8;

// One record's keys for one blocking pass: none when the record has no key for the pass, several
// when it joins several blocks (its names in both orders, a nickname's formal name); and the
// `secondary` key that splits an over-cap block ("" when the pass has none).
struct PassKey {
  std::vector<std::string> keys;
  std::string secondary;
};
using PassKeySet = std::array<PassKey, kBlockingPasses>;

// The blocking keys of the prospect whose match keys are `keys`, one per pass in
// BlockingPassNames() order: the one definition FindDuplicates blocks on and `explain` shows.
// `domains` tells free and disposable email domains, which never block (its data must be loaded:
// LoadEmailData(kEmailClasses)). Filling the same `out` again reuses its strings' capacity.
// `rare_names` is the decision's DecisionRule::rare_name_bounds(): a prospect joins the rare_name
// pass by its names and country when a namesake is no likelier than `names`, and by its names,
// country and job title when a namesake with that title is no likelier than `titled` (0: no key
// of that kind).
void PassKeys(const MatchKeys& keys, const DomainFactsCache& domains,
              const DecisionRule::RareNameBounds& rare_names, PassKeySet& out);

struct DedupeOptions {
  DecisionRule decision = DecisionRule::StandardContact(false);
  std::vector<std::string> passes;  // the passes to run, by name; empty: all
  std::size_t block_cap = kDefaultBlockCap;
  std::size_t max_shared_phone = kDefaultSwitchboardLimit;
  std::size_t max_cluster = 25;
  std::string email_key_field = "email_key";
};

// A pair the decision accepted, with the group that held and the passes that paired it.
struct MatchedPair {
  std::uint32_t first, second;
  int group;
  std::uint32_t passes;
};

struct DedupeResult {
  std::vector<MatchKeys> keys;  // by record index
  BlockingResult blocking;      // candidate pairs, pass statistics, skipped blocks
  std::vector<MatchedPair> matches;
  Clustering clustering;
  std::size_t vetoed = 0;         // pairs a country or CRM veto kept apart
  std::size_t crm_conflicts = 0;  // matches not joined: they would join distinct CRM records
};

// The match keys of one cleaned prospect.
MatchKeys BuildMatchKeys(const Record& record, FieldId email_key_field);

// The duplicates among `records` (in any order; record indexes index `records`). An unknown
// pass name is InvalidArgument.
Result<DedupeResult> FindDuplicates(std::span<const Record* const> records,
                                    const DedupeOptions& options);
Result<DedupeResult> FindDuplicates(std::span<const Record> records, const DedupeOptions& options);
// The same from match keys built already (BuildMatchKeys, with the options' email_key_field), one
// per record, and each record's creation time and prospect id for the cluster order (views that
// must outlive the call): for a caller that does not hold the records.
Result<DedupeResult> FindDuplicates(std::vector<MatchKeys> keys, std::span<const MemberKey> members,
                                    const DedupeOptions& options);
// A record's member key (views into the record).
MemberKey MemberKeyOf(const Record& record);

}  // namespace pdc::dedupe
