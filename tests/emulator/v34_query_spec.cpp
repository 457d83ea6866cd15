#include "tests/emulator/v34_query_spec.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>

#include "tests/emulator/fields.h"

namespace pdc::emulator {
namespace {

// The prospect search criteria (§3.1); the result-set names are CheckQueryParams's.
constexpr std::string_view kKnown[] = {"assigned",
                                       "assigned_to_user",
                                       "created_after",
                                       "created_before",
                                       "updated_after",
                                       "updated_before",
                                       "last_activity_after",
                                       "last_activity_before",
                                       "last_activity_never",
                                       "deleted",
                                       "grade_equal_to",
                                       "grade_greater_than",
                                       "grade_less_than",
                                       "score_equal_to",
                                       "score_greater_than",
                                       "score_less_than",
                                       "id_greater_than",
                                       "id_less_than",
                                       "is_starred",
                                       "list_id",
                                       "new"};

constexpr std::string_view kResultSet[] = {
    "limit", "offset", "sort_by", "sort_order", "fields", "output", "format",
    // Legacy credentials travel in the form body (§2.2); they are not search criteria.
    "api_key", "user_key"};

std::string Trim(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  return std::string(text.substr(begin, text.find_last_not_of(" \t") - begin + 1));
}

V34Failure ParseFields(const V34Call& call, const std::string& text, QuerySpec& spec) {
  std::vector<std::string> fields = SplitParamList(text);
  for (const std::string& name : fields) {
    const FieldDef* def = FindSnake(name);
    if ((def == nullptr || def->snake.empty()) && call.unit.FindCustom(name) == nullptr) {
      return {5, "Invalid query parameters: unknown field " + name};
    }
  }
  spec.fields = std::move(fields);
  return {};
}

V34Failure ParseSort(const V34Call& call, QuerySpec& spec) {
  if (const auto by = call.Param("sort_by")) {
    if (*by == "created_at") {
      spec.sort = SortKey::kCreatedAt;
    } else if (*by == "id") {
      spec.sort = SortKey::kId;
    } else if (*by == "last_activity_at") {
      spec.sort = SortKey::kLastActivityAt;
    } else if (*by == "updated_at") {
      spec.sort = SortKey::kUpdatedAt;
    } else {
      return {19, {}};
    }
  }
  spec.ascending = spec.sort == SortKey::kId;
  return ParseSortOrder(call, spec.ascending);
}

V34Failure ParseBool(const V34Call& call, std::string_view name, int code,
                     std::optional<bool>& out) {
  const auto text = call.Param(name);
  if (!text) return {};
  out = ParseWordBool(*text);
  return out ? V34Failure{} : V34Failure{code, {}};
}

// score_* (value, range, combination codes 29/30/31) or grade_* (32/33/34).
V34Failure ParseBounds(const V34Call& call, std::string_view prefix, int first_code,
                       NumberBounds& bounds) {
  const bool grade = prefix == "grade";
  std::optional<long long>* slots[] = {&bounds.equal, &bounds.greater, &bounds.less};
  const char* suffixes[] = {"_equal_to", "_greater_than", "_less_than"};
  for (int i = 0; i < 3; ++i) {
    const auto text = call.Param(std::string(prefix) + suffixes[i]);
    if (!text) continue;
    *slots[i] = grade ? GradeRank(*text) : ParseInteger(*text);
    if (!*slots[i]) return {first_code, {}};
  }
  if (bounds.equal && (bounds.greater || bounds.less)) return {first_code + 2, {}};
  if (bounds.greater && bounds.less && *bounds.greater >= *bounds.less) {
    return {first_code + 1, {}};
  }
  return {};
}

V34Failure ParseAssignment(const V34Call& call, QuerySpec& spec) {
  if (auto failure = ParseBool(call, "assigned", 26, spec.assigned)) return failure;
  const auto user = call.Param("assigned_to_user");
  if (!user) return {};
  const auto id = ParseInteger(*user);
  for (const User& candidate : call.unit.users) {
    if (id ? candidate.id == *id : candidate.email == *user) {
      spec.assigned_to_user = candidate.id;
      return {};
    }
  }
  return {id ? 10 : 11, {}};
}

V34Failure ParseBasics(const V34Call& call, QuerySpec& spec) {
  if (auto failure = CheckQueryParams(call, kKnown)) return failure;
  if (const auto output = call.Param("output")) {
    const auto parsed = ParseV34Output(*output);
    if (!parsed) return {5, {}};
    spec.output = *parsed;
  }
  if (const auto fields = call.Param("fields")) {
    if (auto failure = ParseFields(call, *fields, spec)) return failure;
  }
  const bool uncapped = spec.output == V34Output::kMobile;
  if (auto failure = ParseLimitOffset(call, uncapped, spec.limit, spec.offset)) return failure;
  return ParseSort(call, spec);
}

}  // namespace

std::vector<std::string> SplitParamList(std::string_view text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    std::string item = Trim(text.substr(start, comma - start));
    if (!item.empty()) items.push_back(std::move(item));
    start = comma + 1;
  }
  return items;
}

V34Failure CheckQueryParams(const V34Call& call, std::span<const std::string_view> known) {
  for (const auto& [name, value] : call.params) {
    if (std::find(known.begin(), known.end(), name) == known.end() &&
        std::find(std::begin(kResultSet), std::end(kResultSet), name) == std::end(kResultSet)) {
      return {5, {}};
    }
  }
  return {};
}

V34Failure ParseLimitOffset(const V34Call& call, bool uncapped, long long& limit,
                            long long& offset) {
  if (const auto text = call.Param("limit")) {
    const auto parsed = ParseInteger(*text);
    const long long cap = uncapped ? 1LL << 62 : 200;
    if (!parsed || *parsed < 1 || *parsed > cap) return {23, {}};
    limit = *parsed;
  }
  if (const auto text = call.Param("offset")) {
    const auto parsed = ParseInteger(*text);
    if (!parsed || *parsed < 0) return {21, {}};
    offset = *parsed;
  }
  return {};
}

V34Failure ParseSortOrder(const V34Call& call, bool& ascending) {
  if (const auto order = call.Param("sort_order")) {
    if (*order != "ascending" && *order != "descending") return {20, {}};
    ascending = *order == "ascending";
  }
  return {};
}

V34Failure ParseIdBounds(const V34Call& call, std::optional<long long>& greater,
                         std::optional<long long>& less) {
  for (const bool is_greater : {true, false}) {
    const auto text = call.Param(is_greater ? "id_greater_than" : "id_less_than");
    if (!text) continue;
    const auto id = ParseInteger(*text);
    if (!id) return {16, {}};
    (is_greater ? greater : less) = id;
  }
  if (greater && less && *greater >= *less) return {17, {}};
  return {};
}

V34Failure ParseTimeBounds(const V34Call& call, std::string_view prefix, TimeBounds& bounds) {
  for (const bool after : {true, false}) {
    const auto text = call.Param(std::string(prefix) + (after ? "_after" : "_before"));
    if (!text) continue;
    const auto when = ResolveV34Time(call.unit, call.now, *text);
    if (!when) return {7, {}};
    (after ? bounds.after : bounds.before) = when;
  }
  if (bounds.after && bounds.before && *bounds.after > *bounds.before) return {8, {}};
  return {};
}

bool WithinTimes(const TimeBounds& bounds, long long epoch) {
  if (bounds.after && !(epoch > *bounds.after)) return false;
  if (bounds.before && !(epoch < *bounds.before)) return false;
  return true;
}

TreeNode V34ResultNode(std::optional<long long> total, std::vector<TreeNode> rows) {
  TreeNode result = TreeNode::Parent("result");
  if (total) result.Add(TreeNode::Number("total_results", std::to_string(*total)));
  for (TreeNode& row : rows) result.Add(std::move(row));
  return result;
}

V34Failure ParseQuerySpec(const V34Call& call, QuerySpec& spec) {
  if (auto failure = ParseBasics(call, spec)) return failure;
  if (auto failure = ParseIdBounds(call, spec.id_greater, spec.id_less)) return failure;
  std::optional<bool> deleted;
  if (auto failure = ParseBool(call, "deleted", 27, deleted)) return failure;
  spec.deleted = deleted.value_or(false);
  if (auto failure = ParseTimeBounds(call, "created", spec.created)) return failure;
  if (auto failure = ParseTimeBounds(call, "updated", spec.updated)) return failure;
  if (auto failure = ParseTimeBounds(call, "last_activity", spec.last_activity)) return failure;
  std::optional<bool> never;
  if (auto failure = ParseBool(call, "last_activity_never", 5, never)) return failure;
  spec.last_activity_never = never.value_or(false);
  if (auto failure = ParseAssignment(call, spec)) return failure;
  if (auto failure = ParseBool(call, "is_starred", 25, spec.starred)) return failure;
  if (auto failure = ParseBool(call, "new", 28, spec.is_new)) return failure;
  if (const auto text = call.Param("list_id")) {
    spec.list_id = ParseInteger(*text);
    if (!spec.list_id || *spec.list_id <= 0) return {55, {}};
  }
  if (auto failure = ParseBounds(call, "score", 29, spec.score)) return failure;
  return ParseBounds(call, "grade", 32, spec.grade);
}

std::optional<long long> ResolveV34Time(const BusinessUnit& unit, long long now,
                                        std::string_view text) {
  using namespace std::chrono;
  const bool keyword = text == "today" || text == "yesterday" || text == "last_7_days" ||
                       text == "this_month" || text == "last_month";
  if (!keyword) return unit.ParseTime(text);
  int y = 0;
  unsigned m = 0, d = 0;
  const std::string local = unit.LocalTime(now);
  if (std::sscanf(local.c_str(), "%d-%u-%u", &y, &m, &d) != 3) return std::nullopt;
  year_month_day date{year{y}, month{m}, day{d}};
  if (text == "yesterday") date = sys_days(date) - days{1};
  if (text == "last_7_days") date = sys_days(date) - days{7};
  if (text == "this_month") date = date.year() / date.month() / 1;
  if (text == "last_month") date = (date.year() / date.month() / 1) - months{1};
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return unit.ParseTime(buffer);
}

std::optional<long long> GradeRank(std::string_view grade) {
  static constexpr std::array<std::string_view, 13> kGrades = {
      "F", "D-", "D", "D+", "C-", "C", "C+", "B-", "B", "B+", "A-", "A", "A+"};
  const auto it = std::find(kGrades.begin(), kGrades.end(), grade);
  if (it == kGrades.end()) return std::nullopt;
  return it - kGrades.begin();
}

}  // namespace pdc::emulator
