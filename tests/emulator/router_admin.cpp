// The admin routes under /_emulator/: no authentication, no latency or faults, not counted.
//   GET  /_emulator/health         {"ok":true}
//   GET  /_emulator/stats          counters (stats.h)
//   POST /_emulator/stats/reset    zeroes them and empties the write logs
//   GET  /_emulator/state[?unit=]  every unit and all its prospects (see StateJson)
//   GET  /_emulator/writes[?unit=] the unit's write log (store.h WriteLog; see WritesJson):
//                                  {"prospects":{"<id>":[["email","first_name"],[]]},
//                                   "total_writes":N,"total_fields":M}
//   POST /_emulator/day[?unit=]    a new day: daily request counts back to 0
//   GET  /_emulator/faults         the fault settings (faults.h)
//   POST /_emulator/faults         replaces them (JSON object; missing keys → defaults) and
//                                  restarts the request numbering, so runs are reproducible
//   POST /_emulator/prospects[?unit=]  adds prospects (JSON array or JSON Lines; loader.h)
//   GET  /_emulator/activities[?unit=] the unit's visitor activities (see ActivitiesJson)
//   POST /_emulator/activities[?unit=] adds activities (activities.h AddActivities), stamped now:
//                                  {"count":N} gives N to every prospect not in the recycle bin,
//                                  {"count":N,"prospect_id":P} N to P; "type":T fixes the type
//                                  id. Answers {"added":K,"ids":[…]}
//   POST /_emulator/tokens/expire  every issued access token and api key expires now
// `unit` defaults to the first unit (all units for state).
#include <boost/json.hpp>
#include <charconv>

#include "tests/emulator/activities.h"
#include "tests/emulator/errors.h"
#include "tests/emulator/fields.h"
#include "tests/emulator/loader.h"
#include "tests/emulator/router.h"

namespace pdc::emulator {
namespace {

namespace json = boost::json;

HttpResponse JsonBody(int status, std::string body) {
  HttpResponse response;
  response.status = status;
  response.body = std::move(body);
  return response;
}

HttpResponse AdminError(int status, std::string_view message) {
  return JsonBody(status, "{\"error\":" + JsonQuote(message) + "}");
}

HttpResponse Ok() { return JsonBody(200, "{\"ok\":true}"); }

// {"units":[{"id","environment","ampsea","edition","daily_limit","timezone","requests_today",
//  "next_id","custom_fields":[{"field_id","name","type"}],"prospects":[{"id","deleted",
//  "assigned_user","values":{field: stored text},"multi":{field:[…]},
//  "local":{timestamp field: "YYYY-MM-DD HH:MM:SS" in the unit's zone},
//  "lists":[{"list_id","id","did_opt_in","did_opt_out","created_at","updated_at"}]}]}]}
// Stored values are as the handlers keep them: timestamps in epoch seconds, flags true/false.
std::string StateJson(Store& store, const BusinessUnit* only) {
  json::array units;
  for (const auto& unit : store.units()) {
    if (only != nullptr && unit.get() != only) continue;
    json::object u;
    u["id"] = unit->id;
    u["environment"] = unit->environment;
    u["ampsea"] = unit->ampsea;
    u["edition"] = unit->edition;
    u["daily_limit"] = unit->daily_limit;
    u["timezone"] = unit->timezone;
    u["requests_today"] = unit->requests_today.load();
    std::lock_guard lock(unit->mutex);
    u["next_id"] = unit->next_id;
    json::array fields;
    for (const auto& f : unit->custom_fields) {
      fields.push_back(json::object{{"field_id", f.field_id}, {"name", f.name}, {"type", f.type}});
    }
    u["custom_fields"] = std::move(fields);
    json::array prospects;
    prospects.reserve(unit->prospects.size());
    for (const auto& [id, p] : unit->prospects) {
      json::object o;
      o["id"] = id;
      o["deleted"] = p.deleted;
      o["assigned_user"] = p.assigned_user ? json::value(*p.assigned_user) : json::value(nullptr);
      json::object values, local;
      for (const auto& [field, value] : p.values) {
        values[field] = value;
        const FieldDef* def = FindSnake(field);
        long long epoch = 0;
        if (def != nullptr && def->type == FieldType::kTimestamp &&
            std::from_chars(value.data(), value.data() + value.size(), epoch).ec == std::errc()) {
          local[field] = unit->LocalTime(epoch);
        }
      }
      o["values"] = std::move(values);
      json::object multi;
      for (const auto& [field, items] : p.multi) {
        json::array a;
        for (const auto& item : items) a.push_back(json::string(item));
        multi[field] = std::move(a);
      }
      o["multi"] = std::move(multi);
      o["local"] = std::move(local);
      json::array lists;
      for (const auto& [list_id, m] : p.lists) {
        lists.push_back(json::object{{"list_id", list_id},
                                     {"id", m.id},
                                     {"did_opt_in", m.did_opt_in},
                                     {"did_opt_out", m.did_opt_out},
                                     {"created_at", m.created_at},
                                     {"updated_at", m.updated_at}});
      }
      o["lists"] = std::move(lists);
      prospects.push_back(std::move(o));
    }
    u["prospects"] = std::move(prospects);
    units.push_back(std::move(u));
  }
  return json::serialize(json::object{{"units", std::move(units)}});
}

// {"prospects":{"<id>":[[field,…],…]},"total_writes":N,"total_fields":M}: per prospect id (as
// a string, ascending), one array per write in the order they happened, each the sorted field
// names that write supplied; the totals count the writes and the names over all prospects.
std::string WritesJson(BusinessUnit& unit) {
  std::lock_guard lock(unit.mutex);
  json::object prospects;
  for (const auto& [id, entries] : unit.write_log.writes) {
    json::array writes;
    for (const auto& fields : entries) {
      json::array names;
      for (const auto& name : fields) names.push_back(json::string(name));
      writes.push_back(std::move(names));
    }
    prospects[std::to_string(id)] = std::move(writes);
  }
  return json::serialize(json::object{{"prospects", std::move(prospects)},
                                      {"total_writes", unit.write_log.TotalWrites()},
                                      {"total_fields", unit.write_log.TotalFields()}});
}

// {"activities":[{"id","prospect_id","visitor_id","type","type_name","details","campaign_id",
//  <asset ids that are set, e.g. "email_id">,"created_at","updated_at","local_created_at"}],
//  "next_id":N} in id order; times in epoch seconds, local_created_at in the unit's zone,
// visitor_id null for email activities.
std::string ActivitiesJson(BusinessUnit& unit) {
  std::lock_guard lock(unit.mutex);
  json::array activities;
  activities.reserve(unit.activities.size());
  for (const auto& [id, a] : unit.activities) {
    json::object o;
    o["id"] = id;
    o["prospect_id"] = a.prospect_id;
    o["visitor_id"] = a.visitor_id != 0 ? json::value(a.visitor_id) : json::value(nullptr);
    o["type"] = a.type;
    o["type_name"] = a.type_name;
    o["details"] = a.details;
    o["campaign_id"] = a.campaign_id;
    for (const auto& asset : ActivityAssets()) {
      if (a.*asset.member != 0) o[asset.snake] = a.*asset.member;
    }
    o["created_at"] = a.created_at;
    o["updated_at"] = a.updated_at;
    o["local_created_at"] = unit.LocalTime(a.created_at);
    activities.push_back(std::move(o));
  }
  return json::serialize(
      json::object{{"activities", std::move(activities)}, {"next_id", unit.next_activity_id}});
}

// POST /_emulator/activities: the body checked, then AddActivities.
HttpResponse AddActivitiesRoute(BusinessUnit& unit, std::string_view body, std::uint64_t seed) {
  boost::system::error_code ec;
  const json::value doc = json::parse(json::string_view(body.data(), body.size()), ec);
  if (ec || !doc.is_object()) return AdminError(400, "expected a JSON object");
  const json::object& o = doc.as_object();
  for (const auto& [key, value] : o) {
    if (key != "count" && key != "prospect_id" && key != "type") {
      return AdminError(400, "unknown key " + std::string(key));
    }
    if (!value.is_int64()) return AdminError(400, std::string(key) + ": expected an integer");
  }
  const json::value* count = o.if_contains("count");
  if (count == nullptr || count->as_int64() < 0 || count->as_int64() > 1000) {
    return AdminError(400, "count: an integer from 0 to 1000 is required");
  }
  std::optional<int> type;
  if (const json::value* t = o.if_contains("type")) {
    if (!KnownActivityType(static_cast<int>(t->as_int64()))) {
      return AdminError(400, "type: not a type the emulator generates");
    }
    type = static_cast<int>(t->as_int64());
  }
  std::lock_guard lock(unit.mutex);
  std::vector<long long> prospects;
  if (const json::value* p = o.if_contains("prospect_id")) {
    if (unit.Find(p->as_int64(), /*include_deleted=*/true) == nullptr) {
      return AdminError(404, "unknown prospect");
    }
    prospects.push_back(p->as_int64());
  } else {
    for (const auto& [id, prospect] : unit.prospects) {
      if (!prospect.deleted) prospects.push_back(id);
    }
  }
  const std::vector<long long> ids =
      AddActivities(unit, prospects, static_cast<int>(count->as_int64()), type, seed, NowEpoch());
  json::array added(ids.begin(), ids.end());
  return JsonBody(200,
                  json::serialize(json::object{{"added", ids.size()}, {"ids", std::move(added)}}));
}

}  // namespace

HttpResponse Router::Admin(const HttpRequest& request, const std::vector<std::string>& segments) {
  std::string route;
  for (std::size_t i = 1; i < segments.size(); ++i) route += (i > 1 ? "/" : "") + segments[i];
  const bool get = request.method == "GET";
  const bool post = request.method == "POST";

  // The unit named by ?unit= (the first unit without it); null with an error when unknown.
  BusinessUnit* unit = nullptr;
  const std::optional<std::string> unit_id = Param(request.query, "unit");
  if (unit_id) {
    unit = store_.Find(*unit_id);
    if (unit == nullptr) return AdminError(404, "unknown business unit");
  }

  if (route == "health" && get) return Ok();
  if (route == "stats" && get) return JsonBody(200, stats_.Json(store_));
  if (route == "stats/reset" && post) {
    stats_.Reset(store_);
    return Ok();
  }
  if (route == "state" && get) return JsonBody(200, StateJson(store_, unit));
  if (route == "writes" && get) {
    if (unit == nullptr && !store_.units().empty()) unit = store_.units().front().get();
    if (unit == nullptr) return AdminError(404, "no business unit");
    return JsonBody(200, WritesJson(*unit));
  }
  if (route == "day" && post) {
    std::lock_guard lock(day_mutex_);
    for (const auto& u : store_.units()) {
      if (unit == nullptr || u.get() == unit) u->requests_today = 0;
    }
    return Ok();
  }
  if (route == "faults" && get) return JsonBody(200, FaultSettingsJson(faults()));
  if (route == "faults" && post) {
    auto parsed = ParseFaultSettings(request.body);
    if (!parsed.ok()) return AdminError(400, parsed.status().message());
    {
      std::lock_guard lock(faults_mutex_);
      faults_ = *parsed;
      request_number_ = 0;
    }
    return JsonBody(200, FaultSettingsJson(*parsed));
  }
  if (route == "prospects" && post) {
    if (unit == nullptr && !store_.units().empty()) unit = store_.units().front().get();
    if (unit == nullptr) return AdminError(404, "no business unit");
    std::lock_guard lock(unit->mutex);
    auto loaded = LoadProspectJson(*unit, request.body);
    if (!loaded.ok()) return AdminError(400, loaded.status().message());
    json::array warnings;
    for (const auto& w : loaded->warnings) warnings.push_back(json::string(w));
    return JsonBody(200, json::serialize(json::object{{"added", loaded->added},
                                                      {"warnings", std::move(warnings)}}));
  }
  if (route == "activities") {
    if (unit == nullptr && !store_.units().empty()) unit = store_.units().front().get();
    if (unit == nullptr) return AdminError(404, "no business unit");
    if (get) return JsonBody(200, ActivitiesJson(*unit));
    if (post) return AddActivitiesRoute(*unit, request.body, faults().seed);
  }
  if (route == "tokens/expire" && post) {
    credentials_.ExpireAll();
    return Ok();
  }
  for (const char* known : {"health", "stats", "stats/reset", "state", "writes", "day", "faults",
                            "prospects", "activities", "tokens/expire"}) {
    if (route == known) return AdminError(405, "method not allowed");
  }
  return AdminError(404, "unknown admin route");
}

}  // namespace pdc::emulator
