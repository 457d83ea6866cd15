// Shared set-up of the v5 prospect handler tests: a business unit with custom fields and a second
// user, prospects stamped at known times, and requests built the way the server builds them.
#pragma once

#include <boost/json.hpp>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "tests/emulator/handlers.h"
#include "tests/emulator/http.h"
#include "tests/emulator/store.h"

namespace pdc::emulator::v5test {

// 2025-05-16T11:27:08-07:00, the datetime of fixture v5_query_page_with_next_token.json.
constexpr long long kNow = 1747420028;
constexpr const char* kHost = "pi.demo.pardot.com";

inline std::unique_ptr<BusinessUnit> MakeUnit(bool ampsea = false) {
  auto unit = std::make_unique<BusinessUnit>("0Uv5000000000001", "demo", ampsea, "advanced",
                                             "America/Los_Angeles");
  unit->custom_fields.push_back({"biography", "Biography", "text"});
  unit->custom_fields.push_back({"hobby", "Hobby", "text"});
  unit->custom_fields.push_back({"Interests", "Interests", "multi-select"});
  unit->users.push_back({7, "owner@example.com", "Olive", "Owner"});
  return unit;
}

// A prospect created at `created` (also its updatedAt) with this email.
inline Prospect& AddProspect(BusinessUnit& unit, const std::string& email, long long created) {
  Prospect& p = unit.Create(created);
  p.values["email"] = email;
  return p;
}

// `query` as it appears in the URL ("fields=id,email&limit=2"), decoded like the server does.
inline HttpRequest Request(const std::string& method, const std::string& query,
                           const std::string& body = "",
                           const std::string& content_type = "application/json") {
  HttpRequest request;
  request.method = method;
  request.query = ParseForm(query);
  request.body = body;
  request.host = kHost;
  if (!content_type.empty()) request.headers.emplace_back("content-type", content_type);
  return request;
}

inline HttpResponse Call(BusinessUnit& unit, const HttpRequest& request,
                         const std::vector<std::string>& segments, long long now = kNow,
                         const HandlerOptions& options = {}) {
  return HandleV5Prospects(request, unit, segments, now, options);
}

inline const std::string* ResponseHeader(const HttpResponse& response, const std::string& name) {
  for (const auto& [key, value] : response.headers) {
    if (key == name) return &value;
  }
  return nullptr;
}

// A recorded response, compact, keys in the fixture's order.
inline std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(PDC_FIXTURES_DIR) + "/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return boost::json::serialize(boost::json::parse(text.str()));
}

}  // namespace pdc::emulator::v5test
