#include "tests/emulator/v5_query.h"

#include <algorithm>
#include <array>
#include <charconv>

namespace pdc::emulator::v5 {
namespace {

constexpr std::array<FilterBase, 7> kProspectFilters = {{
    {"id", FilterKind::kNumber, ""},
    {"userId", FilterKind::kNumber, ""},
    {"assignedToId", FilterKind::kNumber, ""},
    {"createdAt", FilterKind::kTime, "created_at"},
    {"updatedAt", FilterKind::kTime, "updated_at"},
    {"lastActivityAt", FilterKind::kTime, "last_activity_at"},
    {"email", FilterKind::kEmail, ""},
}};

constexpr std::array<SortKey, 4> kProspectSorts = {SortKey::kId, SortKey::kCreatedAt,
                                                   SortKey::kUpdatedAt, SortKey::kLastActivityAt};

struct Suffix {
  std::string_view text;
  Filter::Op op;
};

constexpr std::array<Suffix, 5> kNumberSuffixes = {{
    {"", Filter::Op::kEqual},
    {"GreaterThan", Filter::Op::kGreater},
    {"GreaterThanOrEqualTo", Filter::Op::kGreaterOrEqual},
    {"LessThan", Filter::Op::kLess},
    {"LessThanOrEqualTo", Filter::Op::kLessOrEqual},
}};
constexpr std::array<Suffix, 5> kTimeSuffixes = {{
    {"", Filter::Op::kEqual},
    {"After", Filter::Op::kGreater},
    {"AfterOrEqualTo", Filter::Op::kGreaterOrEqual},
    {"Before", Filter::Op::kLess},
    {"BeforeOrEqualTo", Filter::Op::kLessOrEqual},
}};

constexpr int kMaxFilteredFields = 3;
constexpr int kMaxLimit = 1000;
constexpr int kMaxOffset = 2000;

bool ParseInteger(std::string_view text, long long& out) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
  return !text.empty() && error == std::errc() && end == text.data() + text.size();
}

// The base and operator a parameter name denotes; nullopt when it is no filter.
std::optional<std::pair<const FilterBase*, Filter::Op>> IdentifyFilter(const QuerySchema& schema,
                                                                       std::string_view name) {
  for (const auto& base : schema.filters) {
    if (!name.starts_with(base.field)) continue;
    const std::string_view rest = name.substr(base.field.size());
    if (base.kind == FilterKind::kEmail) {
      if (rest.empty()) return std::pair{&base, Filter::Op::kEqual};
      continue;
    }
    const auto& suffixes = base.kind == FilterKind::kNumber ? kNumberSuffixes : kTimeSuffixes;
    for (const auto& s : suffixes) {
      if (rest == s.text) return std::pair{&base, s.op};
    }
  }
  return std::nullopt;
}

}  // namespace

const QuerySchema& ProspectQuerySchema() {
  static const QuerySchema schema{"prospects", kProspectFilters, kProspectSorts, true};
  return schema;
}

bool Satisfies(const Filter& filter, long long value) {
  const long long operand = filter.number;
  switch (filter.op) {
    case Filter::Op::kEqual:
      return value == operand;
    case Filter::Op::kGreater:
      return value > operand;
    case Filter::Op::kGreaterOrEqual:
      return value >= operand;
    case Filter::Op::kLess:
      return value < operand;
    case Filter::Op::kLessOrEqual:
      return value <= operand;
  }
  return false;
}

std::optional<Failure> ParseFilters(const Params& params, const BusinessUnit& unit,
                                    const QuerySchema& schema, QuerySpec& out) {
  std::vector<std::string_view> fields;
  for (const auto& [name, value] : params) {
    const auto identified = IdentifyFilter(schema, name);
    if (!identified) return InvalidParameter(name, "The parameter is not supported.");
    if (std::find(fields.begin(), fields.end(), identified->first->field) == fields.end()) {
      fields.push_back(identified->first->field);
    }
  }
  if (static_cast<int>(fields.size()) > kMaxFilteredFields) return Failure{209, 400, ""};
  out.filters.clear();
  for (const auto& [name, value] : params) {
    const auto [base, op] = *IdentifyFilter(schema, name);
    Filter filter{base, op, 0, ""};
    if (base->kind == FilterKind::kNumber && !ParseInteger(value, filter.number)) {
      return InvalidParameter(name, "Expected an integer.");
    }
    if (base->kind == FilterKind::kTime) {
      const std::optional<long long> epoch = unit.ParseTime(value);
      if (!epoch) {
        return InvalidParameter(name,
                                "Expected an ISO 8601 datetime such as 2024-01-01T00:00:00-07:00 "
                                "(a '+' offset must be sent as %2B).");
      }
      filter.number = *epoch;
    }
    if (base->kind == FilterKind::kEmail) filter.text = value;
    out.filters.push_back(std::move(filter));
  }
  out.filter_params = params;
  return std::nullopt;
}

std::optional<Failure> ParseDeleted(std::string_view text, QuerySpec& out) {
  out.deleted_text = std::string(text);
  if (text == "false") {
    out.deleted = DeletedMode::kActive;
  } else if (text == "true") {
    out.deleted = DeletedMode::kDeleted;
  } else if (text == "all") {
    out.deleted = DeletedMode::kAll;
  } else {
    return InvalidParameter("deleted", "It must be true, false or all.");
  }
  return std::nullopt;
}

std::optional<Failure> ParseQueryParams(const Params& query, const BusinessUnit& unit,
                                        const QuerySchema& schema, QuerySpec& out) {
  Params filters;
  std::optional<Failure> failure;
  std::string order_by;
  for (const auto& [name, value] : query) {
    long long number = 0;
    if (name == "fields") continue;
    if (name == "limit") {
      if (!ParseInteger(value, number) || number < 1 || number > kMaxLimit) {
        return InvalidParameter(name, "It must be an integer from 1 to 1000.");
      }
      out.limit = static_cast<int>(number);
    } else if (name == "offset") {
      if (!ParseInteger(value, number) || number < 0 || number > kMaxOffset) {
        return InvalidParameter(name, "It must be an integer from 0 to 2000.");
      }
      out.offset = static_cast<int>(number);
    } else if (name == "orderBy") {
      order_by = value;
    } else if (name == "deleted" && schema.deleted) {
      if ((failure = ParseDeleted(value, out))) return failure;
    } else if (IdentifyFilter(schema, name)) {
      filters.emplace_back(name, value);
    } else {
      return InvalidParameter(name, "The parameter is not supported.");
    }
  }
  if ((failure = ParseOrderBy(order_by, schema, out))) return failure;
  return ParseFilters(filters, unit, schema, out);
}

bool Matches(const QuerySpec& spec, const BusinessUnit& unit, const Prospect& prospect) {
  if (spec.deleted == DeletedMode::kActive && prospect.deleted) return false;
  if (spec.deleted == DeletedMode::kDeleted && !prospect.deleted) return false;
  for (const Filter& filter : spec.filters) {
    switch (filter.base->kind) {
      case FilterKind::kEmail:
        if (!SameEmail(unit, prospect.Get("email"), filter.text)) return false;
        break;
      case FilterKind::kTime: {
        const std::string stored(filter.base->stored);
        if (prospect.Get(stored).empty()) return false;
        if (!Satisfies(filter, prospect.Epoch(stored))) return false;
        break;
      }
      case FilterKind::kNumber: {
        std::optional<long long> value = prospect.id;
        if (filter.base->field != "id") value = prospect.assigned_user;
        if (!value || !Satisfies(filter, *value)) return false;
        break;
      }
    }
  }
  return true;
}

}  // namespace pdc::emulator::v5
