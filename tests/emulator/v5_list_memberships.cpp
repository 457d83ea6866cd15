// /api/v5/objects/list-memberships (Salesforce "List Membership Object", v5): a prospect's
// membership of a static list. A membership is the same ListMembership (store.h) that v3/v4
// `list_<id>=1` writes, from the same id space, so either API version sees what the other wrote.
//
// Paths and verbs:
//   GET    list-memberships        query (200): listId and prospectId filters (equality, both
//                                  optional), orderBy id ascending, limit, nextPageToken
//   POST   list-memberships        create (201 + Location; 204 without `fields`, as prospects)
//   GET    list-memberships/<id>   read (200)
//   DELETE list-memberships/<id>   delete (204)
// Another verb on a known path → 405 with 60; an id that is not a positive integer, or no such
// membership → 404 with 109. Properties: id, listId, prospectId, optedOut, createdAt, updatedAt.
//
// Decisions on UNCONFIRMED points:
// * Memberships of recycle-bin prospects are not found, as their prospects are not.
// * The query orders by id ascending only (orderBy absent, "id" or "id ASC"); other orders → 51.
// * A create for a prospect already on the list → 400 with 62 ("Conflicting Update"): the
//   catalogue has no "record already exists" code outside email (9 and 54 name the address), and
//   62 says that the request collides with the record as it stands.
// * A create and a delete are writes to the prospect: its updatedAt is stamped and the unit's
//   write log records "list_<listId>", as for v3/v4 `list_<id>=1` and `list_<id>=0`.
#include <algorithm>
#include <array>
#include <charconv>

#include "tests/emulator/v5_body.h"
#include "tests/emulator/v5_fields.h"
#include "tests/emulator/v5_page.h"

namespace pdc::emulator {
namespace v5 {
namespace {

namespace json = boost::json;

constexpr std::string_view kObject = "list-memberships";
constexpr std::array<std::string_view, 6> kFields = {"id",       "listId",    "prospectId",
                                                     "optedOut", "createdAt", "updatedAt"};
constexpr int kMaxLimit = 1000;

HttpResponse NotFound() { return V5Error(109, 404); }

// A membership and the prospect and list it joins.
struct Located {
  Prospect* prospect = nullptr;
  long long list_id = 0;
  ListMembership* membership = nullptr;
};

std::optional<Located> Locate(BusinessUnit& unit, long long id) {
  for (auto& [prospect_id, prospect] : unit.prospects) {
    if (prospect.deleted) continue;
    for (auto& [list_id, membership] : prospect.lists) {
      if (membership.id == id) return Located{&prospect, list_id, &membership};
    }
  }
  return std::nullopt;
}

std::optional<Failure> ParseFields(const HttpRequest& request, std::vector<std::string>& out) {
  return ParseFieldNames(
      Param(request.query, "fields"),
      [](std::string_view name) {
        return std::find(kFields.begin(), kFields.end(), name) != kFields.end();
      },
      out);
}

std::string Render(const BusinessUnit& unit, const Located& at,
                   const std::vector<std::string>& fields) {
  const auto time = [&](long long epoch) -> json::value {
    if (epoch == 0) return nullptr;
    return json::string(unit.IsoTime(epoch));
  };
  json::object record;
  for (const std::string& name : fields) {
    if (name == "id") {
      record[name] = at.membership->id;
    } else if (name == "listId") {
      record[name] = at.list_id;
    } else if (name == "prospectId") {
      record[name] = at.prospect->id;
    } else if (name == "optedOut") {
      record[name] = at.membership->did_opt_out;
    } else if (name == "createdAt") {
      record[name] = time(at.membership->created_at);
    } else {
      record[name] = time(at.membership->updated_at);
    }
  }
  return json::serialize(record);
}

// The filters of a query: listId and prospectId, equality on a positive integer.
struct MembershipFilter {
  std::optional<long long> list_id;
  std::optional<long long> prospect_id;
};

std::optional<Failure> ParseFilters(const Params& params, MembershipFilter& out) {
  for (const auto& [name, value] : params) {
    long long number = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (value.empty() || error != std::errc() || end != value.data() + value.size() ||
        number <= 0) {
      return InvalidParameter(name, "Expected a positive integer.");
    }
    (name == "listId" ? out.list_id : out.prospect_id) = number;
  }
  return std::nullopt;
}

bool IsIdOrder(std::string_view order_by) {
  return order_by.empty() || order_by == "id" || order_by == "id ASC" || order_by == "id asc";
}

// The parameters of a first query: fields (checked elsewhere), listId, prospectId, orderBy,
// limit; anything else → 51.
std::optional<Failure> ParseQuery(const Params& query, PageQuery& page, MembershipFilter& filter) {
  for (const auto& [name, value] : query) {
    if (name == "fields") continue;
    if (name == "listId" || name == "prospectId") {
      page.filters.emplace_back(name, value);
    } else if (name == "orderBy") {
      if (!IsIdOrder(value)) return InvalidParameter(name, "Only id ascending is supported.");
      page.order_by = value;
    } else if (name == "limit") {
      long long number = 0;
      const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
      if (value.empty() || error != std::errc() || end != value.data() + value.size() ||
          number < 1 || number > kMaxLimit) {
        return InvalidParameter(name, "It must be an integer from 1 to 1000.");
      }
      page.limit = static_cast<int>(number);
    } else {
      return InvalidParameter(name, "The parameter is not supported.");
    }
  }
  return ParseFilters(page.filters, filter);
}

HttpResponse QueryMemberships(const HttpRequest& request, BusinessUnit& unit, long long now,
                              const HandlerOptions& options) {
  std::vector<std::string> fields;
  if (auto failure = ParseFields(request, fields)) return failure->Response();
  PageQuery page;
  page.object = std::string(kObject);
  page.fields = fields;
  page.key_names = {"id"};
  MembershipFilter filter;
  if (const auto token = Param(request.query, "nextPageToken")) {
    if (auto failure = CheckTokenCompanions(request.query)) return failure->Response();
    const auto apply = [&](const PageToken& t) {
      const bool known = std::all_of(t.filters.begin(), t.filters.end(), [](const auto& kv) {
        return kv.first == "listId" || kv.first == "prospectId";
      });
      return known && IsIdOrder(t.order_by) && !t.deleted && !ParseFilters(t.filters, filter);
    };
    if (auto failure = RestorePage(*token, unit, now, apply, page)) return failure->Response();
  } else if (auto failure = ParseQuery(request.query, page, filter)) {
    return failure->Response();
  }

  const long long after = page.resume.empty() ? 0 : page.resume[0];
  std::vector<Located> rows;
  const auto visit = [&](Prospect& prospect) {
    if (prospect.deleted) return;
    for (auto& [list_id, membership] : prospect.lists) {
      if (membership.id <= after || (filter.list_id && list_id != *filter.list_id)) continue;
      rows.push_back({&prospect, list_id, &membership});
    }
  };
  if (filter.prospect_id) {
    if (Prospect* prospect = unit.Find(*filter.prospect_id)) visit(*prospect);
  } else {
    for (auto& [id, prospect] : unit.prospects) visit(prospect);
  }
  std::sort(rows.begin(), rows.end(),
            [](const Located& a, const Located& b) { return a.membership->id < b.membership->id; });
  std::vector<std::vector<long long>> keys;
  keys.reserve(rows.size());
  for (const Located& row : rows) keys.push_back({row.membership->id});
  return WritePage(request, unit, now, options, page, keys,
                   [&](std::size_t i) { return Render(unit, rows[i], fields); });
}

HttpResponse ReadMembership(const HttpRequest& request, BusinessUnit& unit, long long id) {
  std::vector<std::string> fields;
  if (auto failure = ParseFields(request, fields)) return failure->Response();
  const std::optional<Located> at = Locate(unit, id);
  if (!at) return NotFound();
  HttpResponse response;
  response.body = Render(unit, *at, fields);
  return response;
}

// A positive integer property (listId, prospectId): 153 when missing or null, else 154.
std::optional<Failure> PositiveId(const json::object& body, std::string_view name, long long& out) {
  const json::value* value = body.if_contains(name);
  if (value == nullptr || value->is_null()) return MissingProperty(name);
  if (value->is_int64() && value->as_int64() > 0) {
    out = value->as_int64();
    return std::nullopt;
  }
  return InvalidProperty(name, "Expected a positive integer.");
}

// {"listId":N,"prospectId":N,"optedOut":false}; optedOut is optional (false).
std::optional<Failure> ParseCreateBody(const HttpRequest& request, long long& list_id,
                                       long long& prospect_id, bool& opted_out) {
  json::object body;
  if (auto failure = ReadJsonObject(request, body)) return failure;
  for (const auto& member : body) {
    const std::string_view name = member.key();
    if (name != "listId" && name != "prospectId" && name != "optedOut") {
      return InvalidProperty(name, "The property is not supported.");
    }
  }
  if (auto failure = PositiveId(body, "listId", list_id)) return failure;
  if (auto failure = PositiveId(body, "prospectId", prospect_id)) return failure;
  const json::value* opted = body.if_contains("optedOut");
  if (opted != nullptr && !opted->is_null()) {
    if (!opted->is_bool()) return InvalidProperty("optedOut", "Expected true or false.");
    opted_out = opted->as_bool();
  }
  return std::nullopt;
}

HttpResponse CreateMembership(const HttpRequest& request, BusinessUnit& unit, long long now) {
  std::vector<std::string> fields;
  if (Param(request.query, "fields")) {
    if (auto failure = ParseFields(request, fields)) return failure->Response();
  }
  long long list_id = 0, prospect_id = 0;
  bool opted_out = false;
  if (auto failure = ParseCreateBody(request, list_id, prospect_id, opted_out)) {
    return failure->Response();
  }
  Prospect* prospect = unit.Find(prospect_id);
  if (prospect == nullptr) return NotFound();
  if (prospect->lists.contains(list_id)) {
    return V5Error(62, 400,
                   "Prospect " + std::to_string(prospect_id) + " is already a member of list " +
                       std::to_string(list_id));
  }
  ListMembership& membership = prospect->lists[list_id];
  membership.id = unit.next_list_membership_id++;
  membership.did_opt_out = opted_out;
  membership.created_at = now;
  membership.updated_at = now;
  unit.Touch(*prospect, now);
  unit.RecordWrite(prospect->id, {"list_" + std::to_string(list_id)});

  HttpResponse response;
  response.status = fields.empty() ? 204 : 201;
  if (!fields.empty()) response.body = Render(unit, {prospect, list_id, &membership}, fields);
  response.headers.emplace_back(
      "Location", CollectionUrl(request, unit, kObject) + "/" + std::to_string(membership.id));
  return response;
}

HttpResponse DeleteMembership(BusinessUnit& unit, long long id, long long now) {
  const std::optional<Located> at = Locate(unit, id);
  if (!at) return NotFound();
  at->prospect->lists.erase(at->list_id);
  unit.Touch(*at->prospect, now);
  unit.RecordWrite(at->prospect->id, {"list_" + std::to_string(at->list_id)});
  HttpResponse response;
  response.status = 204;
  return response;
}

}  // namespace
}  // namespace v5

HttpResponse HandleV5ListMemberships(const HttpRequest& request, BusinessUnit& unit,
                                     const std::vector<std::string>& segments, long long now,
                                     const HandlerOptions& options) {
  const std::string& method = request.method;
  if (segments.empty()) {
    if (method == "GET") return v5::QueryMemberships(request, unit, now, options);
    if (method == "POST") return v5::CreateMembership(request, unit, now);
    return v5::MethodNotAllowed();
  }
  const std::optional<long long> id = v5::ParseRecordId(segments[0]);
  if (!id || segments.size() > 1) return V5Error(109, 404);
  if (method == "GET") return v5::ReadMembership(request, unit, *id);
  if (method == "DELETE") return v5::DeleteMembership(unit, *id, now);
  return v5::MethodNotAllowed();
}

}  // namespace pdc::emulator
