// The parameters of a v5 prospect query (pardot-api.md §7.1) and how they select and order
// prospects. A page token (v5_token.h) stores the same parameters as sent and re-parses them, so
// a continued query applies exactly the first request's rules.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tests/emulator/http.h"
#include "tests/emulator/store.h"
#include "tests/emulator/v5_common.h"

namespace pdc::emulator::v5 {

enum class DeletedMode { kActive, kDeleted, kAll };  // deleted=false (default), true, all
enum class SortKey { kId, kCreatedAt, kUpdatedAt, kLastActivityAt };

struct OrderTerm {
  SortKey key;
  bool descending = false;
};

// One filter parameter, e.g. updatedAtAfterOrEqualTo=2024-01-01T00:00:00-07:00.
struct Filter {
  enum class Op { kEqual, kGreater, kGreaterOrEqual, kLess, kLessOrEqual };
  std::string field;  // id, createdAt, updatedAt, lastActivityAt, userId, assignedToId, email
  Op op = Op::kEqual;
  long long number = 0;  // an id, or epoch seconds for datetimes
  std::string text;      // email
};

struct QuerySpec {
  std::vector<Filter> filters;
  Params filter_params;          // the filter parameters as sent
  std::vector<OrderTerm> order;  // always ends at id (appended ASC as the tie-breaker)
  std::string order_by;          // orderBy as sent, "" when absent
  int limit = 200;
  int offset = 0;
  DeletedMode deleted = DeletedMode::kActive;
  std::optional<std::string> deleted_text;  // deleted as sent
};

// The parameters of a first query: filters, orderBy, limit (1–1000, default 200), offset
// (0–2000, deprecated), deleted. `fields` is checked elsewhere; anything else → 51. Filters on
// more than 3 fields → 209. Every failure is HTTP 400.
std::optional<Failure> ParseQueryParams(const Params& query, const BusinessUnit& unit,
                                        QuerySpec& out);

// Parts of ParseQueryParams, also used to restore a spec from a page token.
std::optional<Failure> ParseFilters(const Params& params, const BusinessUnit& unit, QuerySpec& out);
std::optional<Failure> ParseOrderBy(std::string_view text, QuerySpec& out);
std::optional<Failure> ParseDeleted(std::string_view text, QuerySpec& out);

// Whether the prospect passes the deleted mode and every filter (they are ANDed; a filter on an
// empty value never matches).
bool Matches(const QuerySpec& spec, const BusinessUnit& unit, const Prospect& prospect);

// The values of the order keys of a prospect, aligned with `spec.order` (timestamps as epoch
// seconds, 0 when empty so that empty sorts first ascending).
std::vector<long long> KeyValues(const QuerySpec& spec, const Prospect& prospect);
// <0, 0, >0 as `a` sorts before, with or after `b` under `spec.order`.
int CompareKeys(const QuerySpec& spec, const std::vector<long long>& a,
                const std::vector<long long>& b);

std::string_view SortKeyName(SortKey key);

}  // namespace pdc::emulator::v5
