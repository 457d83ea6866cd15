// v3/v4 visitor activities: /api/visitorActivity/version/{3,4}/do/query and do/read/id/<id>
// (pardot/api-docs docs/kb/api-version-{3,4}/visitor-activities.md and the current v3/v4 pages).
// Auth, errors, limits, parameter parsing and rendering are the prospect handlers' (v34_call.h,
// v34_query_spec.h, v34_render.h).
//
// Element name: the docs' XML samples say <visitorActivity>, but recorded responses (fixtures
// v3v4_prospect_read_full_*.xml) and the clients that read queries (tap-pardot's
// "visitor_activity" key) use <visitor_activity>, so the emulator does too. One <result> row is a
// JSON object, several an array (the object-or-array rule, §4.3), as for prospects.
#include <algorithm>
#include <string_view>

#include "tests/emulator/activities.h"
#include "tests/emulator/errors.h"
#include "tests/emulator/v34_call.h"
#include "tests/emulator/v34_query_spec.h"

namespace pdc::emulator {
namespace {

// Search criteria of the docs. prospect_id, visitor_id and type take comma-separated lists (type
// per the docs; the id lists per the current pages, UNCONFIRMED for visitor_id).
constexpr std::string_view kCriteria[] = {
    "created_after", "created_before", "updated_after", "updated_before", "id_greater_than",
    "id_less_than",  "prospect_only",  "type",          "prospect_id",    "visitor_id",
    "campaign_id",   "email_id",       "form_id",       "file_id",        "landing_page_id"};

enum class SortBy { kCreatedAt, kId, kProspectId, kVisitorId };

struct ActivityQuery {
  V34Output output = V34Output::kFull;
  std::optional<std::vector<std::string>> fields;
  long long limit = 200;
  long long offset = 0;
  SortBy sort = SortBy::kId;
  bool ascending = true;
  std::optional<long long> id_greater, id_less;
  TimeBounds created, updated;
  bool prospect_only = false;
  std::vector<long long> prospects, visitors, types;  // empty: any
  // campaign_id, email_id, form_id, file_id, landing_page_id: the member and the id it must be.
  std::vector<std::pair<long long VisitorActivity::*, long long>> related;
};

// A comma-separated list of integers; a value that is not one → `code`.
V34Failure ParseIdList(const V34Call& call, std::string_view name, int code,
                       std::vector<long long>& out) {
  const auto text = call.Param(name);
  if (!text) return {};
  for (const std::string& item : SplitParamList(*text)) {
    const auto id = ParseInteger(item);
    if (!id) return {code, "Invalid value for " + std::string(name) + ": " + item};
    out.push_back(*id);
  }
  return {};
}

V34Failure ParseSortBy(const V34Call& call, ActivityQuery& q) {
  if (const auto by = call.Param("sort_by")) {
    if (*by == "created_at") {
      q.sort = SortBy::kCreatedAt;
    } else if (*by == "id") {
      q.sort = SortBy::kId;
    } else if (*by == "prospect_id") {
      q.sort = SortBy::kProspectId;
    } else if (*by == "visitor_id") {
      q.sort = SortBy::kVisitorId;
    } else {
      return {19, {}};
    }
  }
  q.ascending = q.sort == SortBy::kId;  // the others default to descending (docs)
  return ParseSortOrder(call, q.ascending);
}

V34Failure ParseActivityQuery(const V34Call& call, ActivityQuery& q) {
  if (auto failure = CheckQueryParams(call, kCriteria)) return failure;
  if (const auto output = call.Param("output")) {
    const auto parsed = ParseV34Output(*output);
    if (!parsed) return {5, {}};
    q.output = *parsed;
  }
  if (const auto text = call.Param("fields")) {
    q.fields = SplitParamList(*text);
    for (const std::string& name : *q.fields) {
      if (!IsActivityElement(name)) return {5, "Invalid query parameters: unknown field " + name};
    }
  }
  if (auto failure = ParseLimitOffset(call, false, q.limit, q.offset)) return failure;
  if (auto failure = ParseSortBy(call, q)) return failure;
  if (auto failure = ParseIdBounds(call, q.id_greater, q.id_less)) return failure;
  if (auto failure = ParseTimeBounds(call, "created", q.created)) return failure;
  if (auto failure = ParseTimeBounds(call, "updated", q.updated)) return failure;
  if (const auto text = call.Param("prospect_only")) {
    const auto flag = ParseWordBool(*text);
    if (!flag) return {5, "Invalid value for prospect_only: " + *text};
    q.prospect_only = *flag;
  }
  if (auto failure = ParseIdList(call, "prospect_id", 3, q.prospects)) return failure;
  if (auto failure = ParseIdList(call, "visitor_id", 24, q.visitors)) return failure;
  if (auto failure = ParseIdList(call, "type", 5, q.types)) return failure;
  std::vector<std::pair<std::string_view, long long VisitorActivity::*>> related = {
      {"campaign_id", &VisitorActivity::campaign_id}};
  for (const auto& asset : ActivityAssets()) related.emplace_back(asset.snake, asset.member);
  for (const auto& [name, member] : related) {
    if (std::find(std::begin(kCriteria), std::end(kCriteria), name) == std::end(kCriteria)) {
      continue;  // an asset the docs offer no filter for
    }
    const auto text = call.Param(name);
    if (!text) continue;
    const auto id = ParseInteger(*text);
    if (!id) return {name == "campaign_id" ? 38 : 16, {}};
    q.related.emplace_back(member, *id);
  }
  return {};
}

bool In(const std::vector<long long>& list, long long value) {
  return list.empty() || std::find(list.begin(), list.end(), value) != list.end();
}

bool Matches(const ActivityQuery& q, const VisitorActivity& a) {
  if (q.id_greater && !(a.id > *q.id_greater)) return false;
  if (q.id_less && !(a.id < *q.id_less)) return false;
  if (!WithinTimes(q.created, a.created_at) || !WithinTimes(q.updated, a.updated_at)) {
    return false;
  }
  if (q.prospect_only && a.prospect_id == 0) return false;
  if (!In(q.prospects, a.prospect_id) || !In(q.visitors, a.visitor_id) || !In(q.types, a.type)) {
    return false;
  }
  return std::all_of(q.related.begin(), q.related.end(),
                     [&](const auto& r) { return a.*r.first == r.second; });
}

long long SortValue(SortBy key, const VisitorActivity& a) {
  switch (key) {
    case SortBy::kCreatedAt:
      return a.created_at;
    case SortBy::kProspectId:
      return a.prospect_id;
    case SortBy::kVisitorId:
      return a.visitor_id;
    case SortBy::kId:
      break;
  }
  return a.id;
}

HttpResponse Query(V34Call& call) {
  ActivityQuery q;
  if (auto failure = ParseActivityQuery(call, q)) return V34Fail(call, failure);
  const bool bulk = q.output == V34Output::kBulk;
  std::vector<const VisitorActivity*> rows;
  const auto& all = call.unit.activities;
  if (bulk && q.sort == SortBy::kId && q.ascending) {
    // The keyset export's request: the map is in id order already, and bulk output has no
    // count, so the scan starts at the lower bound and stops once the page is full.
    const auto want = static_cast<std::size_t>(q.offset + q.limit);
    for (auto it = q.id_greater ? all.upper_bound(*q.id_greater) : all.begin();
         it != all.end() && rows.size() < want; ++it) {
      if (q.id_less && it->first >= *q.id_less) break;
      if (Matches(q, it->second)) rows.push_back(&it->second);
    }
  } else {
    for (const auto& [id, activity] : all) {
      if (Matches(q, activity)) rows.push_back(&activity);
    }
    SortV34Rows(rows, q.ascending, [&](const auto& a) { return SortValue(q.sort, a); });
  }
  const auto total = static_cast<long long>(rows.size());
  const long long first = std::min(q.offset, total);
  const long long last = std::min(total, first + q.limit);
  std::vector<TreeNode> page;
  for (long long i = first; i < last; ++i) {
    page.push_back(RenderActivity(call.unit, *rows[static_cast<std::size_t>(i)],
                                  q.fields ? &*q.fields : nullptr, false));
  }
  return RenderV34Ok(call.json,
                     {V34ResultNode(bulk ? std::nullopt : std::optional(total), std::move(page))});
}

// An id that is not an integer → 16; an unknown id → 16 as well (UNCONFIRMED: the error catalogue
// names no visitor-activity code).
HttpResponse Read(V34Call& call, const std::vector<std::string>& segments) {
  if (segments[1] != "id") return V34Fail(call, 2);
  const auto id = ParseInteger(segments[2]);
  const auto it = id ? call.unit.activities.find(*id) : call.unit.activities.end();
  if (it == call.unit.activities.end()) return V34Fail(call, 16);
  return RenderV34Ok(call.json, {RenderActivity(call.unit, it->second, nullptr, false)});
}

}  // namespace

// Unknown operation or extra segments → 2; read without id/<id> → 13; a verb other than GET or
// POST → 60 (as for prospects).
HttpResponse HandleV34VisitorActivity(const HttpRequest& request, BusinessUnit& unit, int version,
                                      const std::vector<std::string>& segments, long long now) {
  V34Call call{request, unit, version, now, request.FormParams(), WantsJson(request)};
  if (segments.empty() || (segments[0] != "query" && segments[0] != "read")) {
    return V34Fail(call, 2);
  }
  if (request.method != "GET" && request.method != "POST") return V34Fail(call, 60);
  if (segments[0] == "query") return segments.size() == 1 ? Query(call) : V34Fail(call, 2);
  if (segments.size() > 3) return V34Fail(call, 2);
  if (segments.size() < 3) return V34Fail(call, 13);
  return Read(call, segments);
}

}  // namespace pdc::emulator
