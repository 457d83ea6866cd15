// /api/v5/objects/prospects (pardot-api.md §1.5, §6.2, §7): routing of the path and verb to the
// operations in v5_page.cpp (query) and v5_write.cpp (the single-record operations).
//
// Paths and verbs:
//   GET    prospects                           query (200)
//   POST   prospects                           create (201 + Location)
//   GET    prospects/<id>                      read (200)
//   PATCH  prospects/<id>                      update (200)
//   DELETE prospects/<id>                      delete (204)
//   POST   prospects/do/upsertLatestByEmail    upsert (201 created / 200 updated)
//   POST   prospects/do/undelete               undelete by email (200)
// Another verb on a known path → 405 with 60; another action → 400 with 205 (addTag and
// removeTag are not emulated); an id that is not a positive integer → 404 with 109.
#include <algorithm>
#include <cctype>
#include <charconv>

#include "tests/emulator/v5_common.h"

namespace pdc::emulator {
namespace v5 {
namespace {

HttpResponse UnknownAction(std::string_view action) {
  return V5Error(205, 400, "Invalid record action: " + std::string(action));
}

}  // namespace

HttpResponse MethodNotAllowed() { return V5Error(60, 405); }

std::optional<long long> ParseRecordId(const std::string& segment) {
  long long id = 0;
  const auto [end, error] = std::from_chars(segment.data(), segment.data() + segment.size(), id);
  if (segment.empty() || error != std::errc() || end != segment.data() + segment.size() ||
      id <= 0) {
    return std::nullopt;
  }
  return id;
}

Failure InvalidParameter(std::string_view name, std::string_view why) {
  return {51, 400, "Invalid parameter: " + std::string(name) + ". " + std::string(why)};
}

std::string CollectionUrl(const HttpRequest& request, const BusinessUnit& unit,
                          std::string_view object) {
  std::string host = request.host;
  if (host.empty()) host = unit.environment == "demo" ? "pi.demo.pardot.com" : "pi.pardot.com";
  return "https://" + host + "/api/v5/objects/" + std::string(object);
}

bool SameEmail(const BusinessUnit& unit, std::string_view a, std::string_view b) {
  if (unit.ampsea) return a == b;
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace v5

HttpResponse HandleV5Prospects(const HttpRequest& request, BusinessUnit& unit,
                               const std::vector<std::string>& segments, long long now,
                               const HandlerOptions& options) {
  const std::string& method = request.method;
  if (segments.empty()) {
    if (method == "GET") return v5::Query(request, unit, now, options);
    if (method == "POST") return v5::Create(request, unit, now);
    return v5::MethodNotAllowed();
  }
  if (segments[0] == "do") {
    const std::string action = segments.size() == 2 ? segments[1] : "";
    if (action != "upsertLatestByEmail" && action != "undelete") {
      return v5::UnknownAction(segments.size() > 1 ? segments[1] : "");
    }
    if (method != "POST") return v5::MethodNotAllowed();
    if (action == "undelete") return v5::Undelete(request, unit, now);
    return v5::UpsertLatestByEmail(request, unit, now);
  }
  const std::optional<long long> id = v5::ParseRecordId(segments[0]);
  if (!id) return V5Error(109, 404);
  if (segments.size() == 1) {
    if (method == "GET") return v5::Read(request, unit, *id);
    if (method == "PATCH") return v5::Update(request, unit, *id, now);
    if (method == "DELETE") return v5::Delete(unit, *id, now);
    return v5::MethodNotAllowed();
  }
  if (segments[1] == "do" && segments.size() == 3) return v5::UnknownAction(segments[2]);
  return V5Error(109, 404);
}

}  // namespace pdc::emulator
