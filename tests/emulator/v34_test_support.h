// Helpers for the in-process tests of the v3/v4 prospect handlers: a business unit with
// custom fields and users, requests built like the router builds them, and loose readers of
// XML (element names in order) and JSON responses.
#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "tests/emulator/handlers.h"
#include "tests/emulator/http.h"
#include "tests/emulator/store.h"

namespace pdc::emulator::v34test {

// 2023-11-14 22:13:20 UTC, 17:13:20 in New York.
inline constexpr long long kNow = 1700000000;

inline std::unique_ptr<BusinessUnit> MakeUnit(bool ampsea) {
  auto unit = std::make_unique<BusinessUnit>("0Uv000000000001AAA", "production", ampsea, "advanced",
                                             "America/New_York");
  unit->custom_fields.push_back({"Hobby", "Hobby", "text"});
  unit->custom_fields.push_back({"Colors", "Colors", "multi-select"});
  unit->custom_fields.push_back({"Seats", "Seats", "number"});
  unit->users.push_back({2332, "sales.user@example.com", "Sales", "User"});
  return unit;
}

// A prospect created `age` seconds before kNow.
inline Prospect& AddProspect(BusinessUnit& unit, const std::string& email, long long age = 0) {
  Prospect& p = unit.Create(kNow - age);
  p.values["email"] = email;
  return p;
}

struct Call {
  std::string method = "GET";
  std::string path;  // after ".../do/", still URL-encoded: "read/email/a%40b.com"
  Params query;
  Params form;  // sent as an application/x-www-form-urlencoded body
};

inline HttpResponse Send(BusinessUnit& unit, const Call& call, long long now = kNow) {
  HttpRequest request;
  request.method = call.method;
  request.raw_path =
      "/api/prospect/version/" + std::string(unit.ampsea ? "4" : "3") + "/do/" + call.path;
  request.path = UrlDecode(request.raw_path, false);
  request.query = call.query;
  if (!call.form.empty()) {
    request.headers.emplace_back("content-type", "application/x-www-form-urlencoded");
    for (const auto& [name, value] : call.form) {
      if (!request.body.empty()) request.body += '&';
      request.body += UrlEncode(name) + "=" + UrlEncode(value);
    }
  }
  const std::vector<std::string> all = PathSegments(request.raw_path);
  const std::vector<std::string> segments(all.begin() + 5, all.end());  // after "do"
  return HandleV34Prospect(request, unit, unit.ampsea ? 4 : 3, segments, now);
}

inline boost::json::value Json(const HttpResponse& response) {
  boost::system::error_code ec;
  auto value = boost::json::parse(response.body, ec);
  EXPECT_FALSE(ec) << response.body;
  return value;
}

// The fail code of a JSON or XML error envelope; 0 when the response is not one.
inline int ErrorCode(const HttpResponse& response) {
  const std::string& body = response.body;
  if (const auto at = body.find("<err code=\""); at != std::string::npos) {
    return std::stoi(body.substr(at + 11));
  }
  if (const auto at = body.find("\"err_code\":"); at != std::string::npos) {
    return std::stoi(body.substr(at + 11));
  }
  return 0;
}

// The names of the direct children of the `index`-th element called `parent`, in order.
inline std::vector<std::string> ChildNames(const std::string& xml, const std::string& parent,
                                           int index = 0) {
  std::vector<std::string> names;
  std::size_t pos = 0;
  for (int i = 0; i <= index; ++i) {
    pos = xml.find("<" + parent + ">", pos);
    if (pos == std::string::npos) return names;
    pos += parent.size() + 2;
  }
  int depth = 0;
  while ((pos = xml.find('<', pos)) != std::string::npos) {
    const std::size_t end = xml.find('>', pos);
    std::string tag = xml.substr(pos + 1, end - pos - 1);
    pos = end + 1;
    if (tag.starts_with("/")) {
      if (depth-- == 0) break;
      continue;
    }
    const bool empty = tag.ends_with("/");
    const std::string name = tag.substr(0, tag.find_first_of(" /"));
    if (depth == 0) names.push_back(name);
    if (!empty) ++depth;
  }
  return names;
}

// The text of the first <name>…</name> after `from` ("" for <name/>; "?" when absent).
inline std::string Text(const std::string& xml, const std::string& name, std::size_t from = 0) {
  const std::size_t open = xml.find("<" + name, from);
  if (open == std::string::npos) return "?";
  const std::size_t end = xml.find('>', open);
  if (xml[end - 1] == '/') return "";
  return xml.substr(end + 1, xml.find("</" + name + ">", end) - end - 1);
}

inline std::string ReadFixture(const std::string& name) {
  std::ifstream in(std::string(PDC_FIXTURES_DIR) + "/" + name);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace pdc::emulator::v34test
