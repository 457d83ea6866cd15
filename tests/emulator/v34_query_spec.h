// The parameters of a v3/v4 prospect query, checked (pardot-api.md §3.1, §3.2).
#pragma once

#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tests/emulator/v34_call.h"
#include "tests/emulator/v34_render.h"

namespace pdc::emulator {

// `*_after` / `*_before` bounds (exclusive), epoch seconds.
struct TimeBounds {
  std::optional<long long> after;
  std::optional<long long> before;
};

// `*_equal_to` / `*_greater_than` / `*_less_than` (exclusive); grades as ranks (F = 0 … A+ = 12).
struct NumberBounds {
  std::optional<long long> equal;
  std::optional<long long> greater;
  std::optional<long long> less;
};

enum class SortKey { kCreatedAt, kId, kLastActivityAt, kUpdatedAt };

struct QuerySpec {
  V34Output output = V34Output::kFull;
  std::optional<std::vector<std::string>> fields;
  long long limit = 200;
  long long offset = 0;
  SortKey sort = SortKey::kCreatedAt;
  bool ascending = false;
  std::optional<long long> id_greater;
  std::optional<long long> id_less;
  bool deleted = false;
  TimeBounds created, updated, last_activity;
  bool last_activity_never = false;
  std::optional<bool> assigned;
  std::optional<long long> assigned_to_user;
  std::optional<bool> starred;
  std::optional<bool> is_new;
  std::optional<long long> list_id;
  NumberBounds score, grade;
};

// Checks the query's parameters in this order, returning the first failure:
//  * any name the query does not know → 5. A mix of known and unknown names fails too
//    (UNCONFIRMED, §3.1): strictness turns a client's typo into an error instead of a silently
//    wider result;
//  * output (5), fields (an unknown field name → 5), limit (an integer 1–200, no upper bound
//    with output=mobile, else 23), offset (a non-negative integer, else 21);
//  * sort_by (created_at, id, last_activity_at, updated_at; else 19), sort_order (ascending,
//    descending; else 20). Without sort_by the order is created_at descending (UNCONFIRMED: the
//    docs give created_at's default direction but no default key); each key has the default
//    direction of §3.2; ties go by id in the same direction;
//  * id_greater_than / id_less_than (integers, else 16; greater ≥ less → 17), deleted (27);
//  * time bounds (7 for a bad value, 8 when after > before), last_activity_never (true/false,
//    else 5); assigned (26), assigned_to_user (unknown user id → 10, email → 11), is_starred
//    (25), new (28), list_id (55), score (29/30/31), grade (32/33/34).
V34Failure ParseQuerySpec(const V34Call& call, QuerySpec& spec);

// The pieces of ParseQuerySpec that other objects' queries (visitor activities) share. Each
// returns the first failure, with the codes given above:
//  * every parameter name is in `known` or one of the names every query takes (limit, offset,
//    sort_by, sort_order, output, format, fields, and the legacy credentials) → else 5;
//  * limit (1–200, or any positive number when `uncapped`) and offset;
//  * sort_order after the caller has set the default direction of its sort_by;
//  * id_greater_than / id_less_than;
//  * `prefix`_after / `prefix`_before.
V34Failure CheckQueryParams(const V34Call& call, std::span<const std::string_view> known);
V34Failure ParseLimitOffset(const V34Call& call, bool uncapped, long long& limit,
                            long long& offset);
V34Failure ParseSortOrder(const V34Call& call, bool& ascending);
V34Failure ParseIdBounds(const V34Call& call, std::optional<long long>& greater,
                         std::optional<long long>& less);
V34Failure ParseTimeBounds(const V34Call& call, std::string_view prefix, TimeBounds& bounds);
// A comma-separated parameter value (fields, id lists): items trimmed, empty ones dropped.
std::vector<std::string> SplitParamList(std::string_view text);
// Whether `epoch` lies within the bounds (exclusive; an absent bound does not limit).
bool WithinTimes(const TimeBounds& bounds, long long epoch);

// The <result> of a query page: <total_results> (unless `total` is nullopt, as for bulk output)
// and the rows.
TreeNode V34ResultNode(std::optional<long long> total, std::vector<TreeNode> rows);

// A `*_after` / `*_before` value: a point in time. The keywords are local midnights in the
// unit's zone, as PHP's strtotime gives them: today, yesterday, last_7_days (7 days before
// today), this_month (the 1st), last_month (the 1st of the previous month). Otherwise a date
// BusinessUnit::ParseTime understands, which covers the GNU date inputs clients send.
std::optional<long long> ResolveV34Time(const BusinessUnit& unit, long long now,
                                        std::string_view text);

// Orders query rows as sort_by / sort_order do: by `key(row)`, ties by id, both ascending or
// both descending; stable.
template <class Row, class Key>
void SortV34Rows(std::vector<const Row*>& rows, bool ascending, Key key) {
  std::stable_sort(rows.begin(), rows.end(), [&](const Row* a, const Row* b) {
    const long long ka = key(*a);
    const long long kb = key(*b);
    if (ka != kb) return ascending ? ka < kb : ka > kb;
    return ascending ? a->id < b->id : a->id > b->id;
  });
}

// A grade's rank (F = 0 … A+ = 12); nullopt for anything else ("A " from an unencoded '+').
std::optional<long long> GradeRank(std::string_view grade);

}  // namespace pdc::emulator
