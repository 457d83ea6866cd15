// /api/v5/objects/visitor-activities (Salesforce's visitor-activity-v5 page: query and read, GET
// only), on the v5 conventions of the prospects (pardot-api.md §7): `fields` mandatory, the
// collection envelope, nextPageToken paging (v5_page.h).
//
//   GET visitor-activities?fields=…&…       query (200)
//   GET visitor-activities/<id>?fields=…     read (200); unknown id → 404 with 109
// Another verb → 405 with 60; deeper paths → 404 with 109.
//
// Filters: id and createdAt with the numeric and datetime operators (an unattributed public copy
// of Pardot's v5 object configuration marks both filterable and id, createdAt, updatedAt
// sortable); updatedAt, prospectId and type likewise, UNCONFIRMED (the docs' filter list could
// not be read). No `deleted` parameter: the same copy marks the object not archivable.
#include <algorithm>
#include <array>
#include <boost/json.hpp>

#include "tests/emulator/activities.h"
#include "tests/emulator/v5_fields.h"
#include "tests/emulator/v5_page.h"

namespace pdc::emulator {
namespace v5 {
namespace {

namespace json = boost::json;

constexpr std::array<FilterBase, 5> kFilters = {{
    {"id", FilterKind::kNumber, ""},
    {"prospectId", FilterKind::kNumber, ""},
    {"type", FilterKind::kNumber, ""},
    {"createdAt", FilterKind::kTime, ""},
    {"updatedAt", FilterKind::kTime, ""},
}};
constexpr std::array<SortKey, 3> kSorts = {SortKey::kId, SortKey::kCreatedAt, SortKey::kUpdatedAt};

const QuerySchema& Schema() {
  static const QuerySchema schema{"visitor-activities", kFilters, kSorts, false};
  return schema;
}

json::value IdOrNull(long long id) { return id == 0 ? json::value(nullptr) : json::value(id); }

// The record's value of a v5 field; nullopt when there is no such field.
std::optional<json::value> FieldValue(const BusinessUnit& unit, const VisitorActivity& a,
                                      std::string_view name) {
  if (name == "id") return json::value(a.id);
  if (name == "prospectId") return IdOrNull(a.prospect_id);
  if (name == "visitorId") return IdOrNull(a.visitor_id);
  if (name == "type") return json::value(a.type);
  if (name == "typeName") return json::value(json::string(a.type_name));
  if (name == "details") {
    return a.details.empty() ? json::value(nullptr) : json::value(json::string(a.details));
  }
  if (name == "campaignId") return IdOrNull(a.campaign_id);
  if (name == "createdAt") return json::value(json::string(unit.IsoTime(a.created_at)));
  if (name == "updatedAt") return json::value(json::string(unit.IsoTime(a.updated_at)));
  for (const auto& asset : ActivityAssets()) {
    if (name == asset.camel) return IdOrNull(a.*asset.member);
  }
  return std::nullopt;
}

// The fields besides the asset ids (ActivityAssets), as the v5 page names them.
constexpr std::string_view kFields[] = {"id",         "prospectId", "visitorId",
                                        "type",       "typeName",   "details",
                                        "campaignId", "createdAt",  "updatedAt"};

bool KnownField(std::string_view name) {
  if (std::find(std::begin(kFields), std::end(kFields), name) != std::end(kFields)) return true;
  const auto assets = ActivityAssets();
  return std::any_of(assets.begin(), assets.end(), [&](const auto& a) { return a.camel == name; });
}

std::string Render(const BusinessUnit& unit, const VisitorActivity& a,
                   const std::vector<std::string>& fields) {
  json::object record;
  for (const std::string& name : fields) record[name] = *FieldValue(unit, a, name);
  return json::serialize(record);
}

bool ActivityMatches(const QuerySpec& spec, const VisitorActivity& a) {
  for (const Filter& filter : spec.filters) {
    const std::string_view field = filter.base->field;
    const long long value = field == "id"           ? a.id
                            : field == "prospectId" ? a.prospect_id
                            : field == "type"       ? a.type
                            : field == "createdAt"  ? a.created_at
                                                    : a.updated_at;
    if (!Satisfies(filter, value)) return false;
  }
  return true;
}

std::vector<long long> ActivityKeys(const QuerySpec& spec, const VisitorActivity& a) {
  std::vector<long long> keys;
  for (const OrderTerm& term : spec.order) {
    keys.push_back(term.key == SortKey::kCreatedAt   ? a.created_at
                   : term.key == SortKey::kUpdatedAt ? a.updated_at
                                                     : a.id);
  }
  return keys;
}

}  // namespace
}  // namespace v5

HttpResponse HandleV5VisitorActivities(const HttpRequest& request, BusinessUnit& unit,
                                       const std::vector<std::string>& segments, long long now,
                                       const HandlerOptions& options) {
  if (segments.size() > 1) return V5Error(109, 404);
  if (request.method != "GET") return v5::MethodNotAllowed();
  std::vector<std::string> fields;
  if (auto failure = v5::ParseFieldNames(Param(request.query, "fields"), v5::KnownField, fields)) {
    return failure->Response();
  }
  if (segments.empty()) {
    const v5::PagedCollection<VisitorActivity> activities{
        v5::Schema(), unit.activities, v5::ActivityMatches, v5::ActivityKeys,
        [&](const VisitorActivity& a) { return v5::Render(unit, a, fields); }};
    return v5::QueryPage(request, unit, now, options, activities, fields);
  }
  const std::optional<long long> id = v5::ParseRecordId(segments[0]);
  const auto it = id ? unit.activities.find(*id) : unit.activities.end();
  if (it == unit.activities.end()) return V5Error(109, 404);
  HttpResponse response;
  response.body = v5::Render(unit, it->second, fields);
  return response;
}

}  // namespace pdc::emulator
