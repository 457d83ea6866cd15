// Survivorship: given one cluster of duplicate prospects, picks the master (the survivor), decides
// the surviving value of every field by a per-field rule, records where each value came from,
// and lists what must be written to the master and which members lose.
//
// Master selection: an ordered list of master rules; members are ranked by the first rule that
// separates them, then the next, and finally by the smallest numeric prospect id, so the choice
// never depends on the order of the cluster.
//   crm_synced            a member with a crm_contact_fid beats one with only a crm_lead_fid,
//                         which beats one with neither (the CRM record is the one people edit).
//   most_recent_activity  latest last_activity_at; a member without a parsable one uses its
//                         updated_at.
//   most_complete         most non-empty fields.
//   oldest_created        earliest created_at (keeps external ids stable).
// A member whose timestamp is missing or unparsable loses to any member with a parsable one.
// Timestamps are Pardot's "YYYY-MM-DD HH:MM:SS" or ISO 8601 ("YYYY-MM-DD[THH:MM[:SS[.f]]]" with an
// optional "Z", "±HH:MM", "±HHMM" or "±HH"); a time without a zone is read as UTC.
//
// Field rules (every field of any member except `id`):
//   master       the master's value when non-empty, else the most recent non-empty value (the
//                default for fields not configured).
//   most_recent  the non-empty value of the most recently updated member.
//   max, min     numeric when every non-empty value is a number (score), else by UTF-8 bytes,
//                which is code point order.
//   longest      most code points.
//   union        multi-value fields: the items of a Value::List, or of a text split on ';'
//                (items trimmed, empty items dropped), in rank order without repeats. The
//                result is a list when any member holds a list, else the items joined by ';'.
//                When no member adds an item the master keeps its value verbatim.
//   true_wins    true when any member is true ("true", "yes", "1", any case, or a JSON true);
//                else as `master`. Always the rule for opted_out, is_do_not_email and
//                is_do_not_call: a configuration that sets another rule on them is rejected.
// "Most recent" ranks members by updated_at, else last_activity_at (Pardot has no per-field
// timestamps); every remaining tie goes to the better-ranked member, so the master wins ties.
//
// Thread-safety: SurvivorshipConfig is immutable once built and may be shared between threads;
// Survive only reads its inputs and keeps its scratch space per thread. Cost: O(n log n) for the
// ranking plus O(total fields) to gather the values and about one copy of each surviving value;
// about 4 us for a cluster of 3 members with 21 fields each on one core.
//
// `changes` may name fields Pardot does not let clients write (created_at, crm_lead_fid, and
// opted_out in v4): skipping those is the writer's job, as for any rule's changes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/field_names.h"
#include "rules/record.h"
#include "rules/status.h"
#include "rules/value.h"

namespace pdc::dedupe {

enum class MasterRule { kCrmSynced, kMostRecentActivity, kMostComplete, kOldestCreated };
enum class FieldRule { kMaster, kMostRecent, kMax, kMin, kLongest, kUnion, kTrueWins };

// The configuration names ("crm_synced", "true_wins", ...), which also go into provenance.
std::string_view MasterRuleName(MasterRule rule);
std::string_view FieldRuleName(FieldRule rule);
// Every name, in enum order (for `pardot-clean schema`).
std::span<const std::string_view> MasterRuleNames();
std::span<const std::string_view> FieldRuleNames();
// The name provenance gives a master chosen by the final tie-break.
inline constexpr std::string_view kLowestIdTieBreak = "lowest_id";
// The name provenance gives a master an earlier run chose (see Survive's `previous_master`).
inline constexpr std::string_view kPreviousRun = "previous_run";

// True when a value is true as true_wins reads it: "true", "yes" or "1" in any case, or a JSON
// true.
bool IsTrue(const Value& value);

// True for the compliance fields whose rule is always true_wins.
bool IsComplianceField(FieldId field);

// Microseconds since 1970-01-01 UTC of a timestamp in one of the forms above; nullopt when the
// text is not one of them or names an impossible date or time.
std::optional<std::int64_t> ParseTimestamp(std::string_view text);

class SurvivorshipConfig {
 public:
  // Master rules [crm_synced, most_recent_activity, most_complete, oldest_created]; every field
  // `master` except the compliance fields.
  SurvivorshipConfig();

  // Builds a configuration from rule names. `master_rules` must be non-empty and without
  // repeats; `field_rules` maps a field name to a field rule name. Every problem is reported at
  // once, separated by "; ", with a did-you-mean for a misspelt rule name.
  static Result<SurvivorshipConfig> Parse(std::span<const std::string> master_rules,
                                          const std::map<std::string, std::string>& field_rules);

  const std::vector<MasterRule>& master_rules() const { return master_rules_; }
  // The rule for `field`: true_wins for a compliance field, the configured rule, else master.
  FieldRule RuleFor(FieldId field) const;

 private:
  std::vector<MasterRule> master_rules_;
  std::vector<std::pair<FieldId, FieldRule>> field_rules_;  // sorted by field id
};

// The surviving value of one field and where it came from.
struct SurvivingValue {
  FieldId field;
  Value value;
  std::size_t source;  // index in the cluster of the member whose value survived
  std::string source_id;
  FieldRule rule;
  // For a union that took items from a loser: every member that added an item, best-ranked
  // first (cluster indices). Empty otherwise: the value is the source's alone.
  std::vector<std::size_t> contributors;
  bool changed;  // differs from the master's current value
};

struct SurvivorshipResult {
  std::size_t master;  // index in the cluster
  std::string master_id;
  // The master rule that put the master ahead of the runner-up, or kLowestIdTieBreak.
  std::string_view decided_by;
  std::vector<std::size_t> losers;  // cluster indices, best-ranked first
  std::vector<std::string> loser_ids;
  // Every field any member has (except `id`): the master's fields in its order, then the others
  // in rank order of the member that first has them.
  std::vector<SurvivingValue> values;
  // What to write to the master: the fields whose surviving value differs from its current one.
  std::vector<Field> changes;
};

// Applies `config` to one cluster. InvalidArgument for fewer than two members, a member without
// a prospect id or an id that appears twice. A member's id is Record::id(), else its `id` field.
// The result refers to members by their index in `cluster` and copies every value it holds.
// `previous_master`, when given, is the member an earlier run made the survivor (its losers
// point at it): it stays the master whatever the master rules say now, so that a nightly job
// never swaps survivor and loser because its own writes made the loser look more recent. The
// other members are ranked as usual.
Result<SurvivorshipResult> Survive(std::span<const Record* const> cluster,
                                   const SurvivorshipConfig& config,
                                   std::optional<std::size_t> previous_master = std::nullopt);
Result<SurvivorshipResult> Survive(std::span<const Record> cluster,
                                   const SurvivorshipConfig& config);

}  // namespace pdc::dedupe
