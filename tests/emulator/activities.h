// Visitor activities of the emulated units (pardot-api.md §4.4): the related-asset fields, and
// generation from the emulator's seed, so that the same seed and prospects give the same
// activities on every run. The caller holds `unit.mutex` when the server is running.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "tests/emulator/store.h"

namespace pdc::emulator {

// A related asset id of an activity, under its v3/v4 and v5 names. An activity shows only the
// assets it has (the object field reference: "This node will only appear if ...").
struct ActivityAsset {
  std::string_view snake;  // v3/v4 element, e.g. "email_id"
  std::string_view camel;  // v5 field, e.g. "emailId"
  long long VisitorActivity::*member;
};

// In the order v3/v4 shows them (email_id, list_email_id, email_template_id as in fixture
// v3v4_prospect_read_full_multivalue_lists.xml, then the object field reference's order).
std::span<const ActivityAsset> ActivityAssets();

// The ids of a prospect's activities, ascending (empty when it has none).
const std::vector<long long>& ActivityIdsOf(const BusinessUnit& unit, long long prospect_id);

// Whether the emulator can generate activities of this type id.
bool KnownActivityType(int type);

// The start-up history: for every prospect of the unit, between 0 and 2 × `per_prospect`
// activities (uniformly, so `per_prospect` on average; 0 gives none), each placed up to 30 days
// after the prospect's created_at but never after `now`. Ids follow creation time (ties by
// prospect id, then by the order drawn), after any ids the unit already used. Returns how many
// were added.
std::size_t GenerateActivityHistory(BusinessUnit& unit, int per_prospect, std::uint64_t seed,
                                    long long now);

// Run-time additions: exactly `count` activities for each of `prospect_ids`, all stamped `now`,
// of type `type` when given (KnownActivityType) or drawn from the usual mix. Draws continue each
// prospect's sequence, so the same calls after the same start give the same activities. Returns
// the new ids, ascending.
std::vector<long long> AddActivities(BusinessUnit& unit, const std::vector<long long>& prospect_ids,
                                     int count, std::optional<int> type, std::uint64_t seed,
                                     long long now);

}  // namespace pdc::emulator
