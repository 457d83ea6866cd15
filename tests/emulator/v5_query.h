// The parameters of a v5 collection query (pardot-api.md §7.1) and how they select and order
// prospects. A collection (prospects, visitor activities) names what it accepts in a QuerySchema;
// the parsing is shared, the selection and the order keys are each record type's. A page token
// (v5_token.h) stores the same parameters as sent and re-parses them, so a continued query
// applies exactly the first request's rules.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tests/emulator/http.h"
#include "tests/emulator/store.h"
#include "tests/emulator/v5_common.h"

namespace pdc::emulator::v5 {

enum class DeletedMode { kActive, kDeleted, kAll };  // deleted=false (default), true, all
enum class SortKey { kId, kCreatedAt, kUpdatedAt, kLastActivityAt };
enum class FilterKind { kNumber, kTime, kEmail };

// A filterable field: its name plus an operator suffix (numbers: GreaterThan, GreaterThanOrEqualTo,
// LessThan, LessThanOrEqualTo; datetimes: After, AfterOrEqualTo, Before, BeforeOrEqualTo; emails:
// none) names a filter parameter.
struct FilterBase {
  std::string_view field;
  FilterKind kind;
  std::string_view stored;  // the stored value a datetime filter reads, e.g. "created_at"
};

// What one collection's query accepts.
struct QuerySchema {
  std::string_view path;  // the collection in the URL: "prospects"
  std::span<const FilterBase> filters;
  std::span<const SortKey> sortable;
  bool deleted;  // whether the `deleted` parameter exists (the object has a recycle bin)
};

// Prospects: filters id, userId, assignedToId (numbers), createdAt, updatedAt, lastActivityAt,
// email; sortable id, createdAt, updatedAt, lastActivityAt (the fields that carry filters;
// UNCONFIRMED whether Pardot sorts by more); `deleted` accepted.
const QuerySchema& ProspectQuerySchema();

struct OrderTerm {
  SortKey key;
  bool descending = false;
};

// One filter parameter, e.g. updatedAtAfterOrEqualTo=2024-01-01T00:00:00-07:00.
struct Filter {
  enum class Op { kEqual, kGreater, kGreaterOrEqual, kLess, kLessOrEqual };
  const FilterBase* base = nullptr;  // in the schema's table
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
// (0–2000, deprecated), deleted (when the schema has it). `fields` is checked elsewhere; anything
// else → 51. Filters on more than 3 fields → 209. Every failure is HTTP 400.
std::optional<Failure> ParseQueryParams(const Params& query, const BusinessUnit& unit,
                                        const QuerySchema& schema, QuerySpec& out);

// Parts of ParseQueryParams, also used to restore a spec from a page token.
std::optional<Failure> ParseFilters(const Params& params, const BusinessUnit& unit,
                                    const QuerySchema& schema, QuerySpec& out);
std::optional<Failure> ParseOrderBy(std::string_view text, const QuerySchema& schema,
                                    QuerySpec& out);
std::optional<Failure> ParseDeleted(std::string_view text, QuerySpec& out);

// Whether `value` passes a number or datetime filter.
bool Satisfies(const Filter& filter, long long value);

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
