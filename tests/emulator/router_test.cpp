// End-to-end tests of the router over loopback, against the real pardot-emulator binary:
// authentication errors, the token endpoint, legacy login, host binding, version rules, the
// daily budget, admin routes. Assertions never depend on what the prospect handlers answer.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "tests/emulator/test_client.h"

namespace pdc::emulator {
namespace {

namespace json = boost::json;
using testing::EmulatorProcess;
using testing::HeaderList;
using testing::HttpAnswer;
using testing::HttpClient;

constexpr const char* kUnit = EmulatorProcess::kDefaultUnit;
constexpr const char* kV5 = "/api/v5/objects/prospects?fields=id";
constexpr const char* kV4Json = "/api/prospect/version/4/do/query?format=json";
constexpr const char* kV3Json = "/api/prospect/version/3/do/query?format=json";
constexpr const char* kV3Xml = "/api/prospect/version/3/do/query";

HeaderList Auth(const std::string& token, const std::string& unit = kUnit) {
  return {{"Authorization", "Bearer " + token}, {"Pardot-Business-Unit-Id", unit}};
}

json::value Parse(const std::string& text) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  return ec ? json::value() : v;
}

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(PDC_FIXTURES_DIR) + "/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The Pardot error code of an answer (v3/v4 JSON or XML, v5), 0 when none.
int Code(const HttpAnswer& a) {
  if (auto at = a.body.find("<err code=\""); at != std::string::npos) {
    return std::atoi(a.body.c_str() + at + 11);
  }
  const json::value v = Parse(a.body);
  if (!v.is_object()) return 0;
  const auto& o = v.as_object();
  if (const auto* attrs = o.if_contains("@attributes"); attrs && attrs->is_object()) {
    if (const auto* code = attrs->as_object().if_contains("err_code"))
      return code->to_number<int>();
    return 0;
  }
  if (const auto* code = o.if_contains("code"); code && code->is_number()) {
    return code->to_number<int>();
  }
  return 0;
}

std::set<std::string> Keys(const json::value& v) {
  std::set<std::string> keys;
  if (v.is_object()) {
    for (const auto& m : v.as_object()) keys.insert(std::string(m.key()));
  }
  return keys;
}

// The stats once no request is in flight. A slot is freed just after the answer is written, so a
// client may read its answer a moment before that.
json::value IdleStats(HttpClient& client) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  json::value stats = Parse(client.Get("/_emulator/stats").body);
  while (stats.at("units").at(kUnit).at("in_flight") != 0 &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    stats = Parse(client.Get("/_emulator/stats").body);
  }
  return stats;
}

const std::set<int> kRouterErrors = {1, 49, 66, 88, 89, 122, 181, 182, 184, 199, 201};

TEST(RouterTest, MissingBusinessUnitHeaderIs181InEveryEnvelope) {
  EmulatorProcess emulator({"--token", "T"});
  HttpClient client(emulator.url());
  const HeaderList bearer_only = {{"Authorization", "Bearer T"}};

  const HttpAnswer v5 = client.Get(kV5, bearer_only);
  EXPECT_EQ(v5.status, 400);
  EXPECT_EQ(Parse(v5.body), Parse(Fixture("v5_error_181_missing_bu_header.json")));

  const HttpAnswer v3_json = client.Get(kV3Json, bearer_only);
  EXPECT_EQ(v3_json.status, 200);
  EXPECT_EQ(Code(v3_json), 181);
  EXPECT_EQ(Parse(v3_json.body).at("@attributes").at("stat"), "fail");

  const HttpAnswer v3_xml = client.Get(kV3Xml, bearer_only);
  EXPECT_EQ(v3_xml.status, 200);
  EXPECT_NE(v3_xml.body.find("<rsp stat=\"fail\" version=\"1.0\">"), std::string::npos);
  EXPECT_EQ(Code(v3_xml), 181);
}

TEST(RouterTest, MalformedBusinessUnitIs182) {
  EmulatorProcess emulator({"--token", "T"});
  HttpClient client(emulator.url());
  for (const char* bad : {"0Uv123", "001000000000001AAA", "0Uv00000000000!AAA"}) {
    const HttpAnswer v5 = client.Get(kV5, Auth("T", bad));
    EXPECT_EQ(v5.status, 400) << bad;
    EXPECT_EQ(Code(v5), 182) << bad;
    EXPECT_EQ(Code(client.Get(kV3Json, Auth("T", bad))), 182) << bad;
  }
}

TEST(RouterTest, UnknownBusinessUnitIs201) {
  EmulatorProcess emulator({"--token", "T"});
  HttpClient client(emulator.url());
  const HttpAnswer v5 = client.Get(kV5, Auth("T", "0Uv999999999999AAA"));
  EXPECT_EQ(v5.status, 403);
  EXPECT_EQ(Code(v5), 201);
  const HttpAnswer v3 = client.Get(kV3Json, Auth("T", "0Uv999999999999AAA"));
  EXPECT_EQ(v3.status, 200);
  EXPECT_EQ(Code(v3), 201);
}

TEST(RouterTest, UnitAnswersOnlyOnItsEnvironmentsHost) {
  EmulatorProcess production({"--token", "T"});
  HttpClient client(production.url());
  HeaderList headers = Auth("T");
  headers.emplace_back("Host", "pi.demo.pardot.com");
  EXPECT_EQ(Code(client.Get(kV5, headers)), 201);
  EXPECT_EQ(client.Get(kV5, headers).status, 403);
  headers.back().second = "pi.pardot.com";
  EXPECT_FALSE(kRouterErrors.contains(Code(client.Get(kV5, headers))));
  // Loopback hosts count as the unit's own.
  EXPECT_FALSE(kRouterErrors.contains(Code(client.Get(kV5, Auth("T")))));

  EmulatorProcess demo({"--token", "T", "--environment", "demo"});
  HttpClient demo_client(demo.url());
  headers.back().second = "pi.pardot.com";
  EXPECT_EQ(Code(demo_client.Get(kV3Json, headers)), 201);
  headers.back().second = "pi.demo.pardot.com";
  EXPECT_FALSE(kRouterErrors.contains(Code(demo_client.Get(kV3Json, headers))));
}

TEST(RouterTest, MissingOrUnknownBearerIs184) {
  EmulatorProcess emulator({"--token", "T"});
  HttpClient client(emulator.url());
  const HeaderList no_token = {{"Pardot-Business-Unit-Id", kUnit}};
  for (const HeaderList& headers : {no_token, Auth("nope")}) {
    const HttpAnswer v5 = client.Get(kV5, headers);
    EXPECT_EQ(v5.status, 401);
    EXPECT_EQ(Code(v5), 184);
    const HttpAnswer v3 = client.Get(kV3Xml, headers);
    EXPECT_EQ(v3.status, 200);
    EXPECT_EQ(v3.body, Fixture("v3v4_error_184_invalid_access_token.xml"));
  }
  EmulatorProcess strict({"--token", "T", "--v34-auth-status", "401"});
  HttpClient strict_client(strict.url());
  const HttpAnswer v3 = strict_client.Get(kV3Json, Auth("nope"));
  EXPECT_EQ(v3.status, 401);
  EXPECT_EQ(Code(v3), 184);
}

TEST(RouterTest, VersionRulesFollowAmpsea) {
  EmulatorProcess plain({"--token", "T"});
  HttpClient plain_client(plain.url());
  EXPECT_EQ(Code(plain_client.Get(kV4Json, Auth("T"))), 89);
  EXPECT_FALSE(kRouterErrors.contains(Code(plain_client.Get(kV3Json, Auth("T")))));

  EmulatorProcess ampsea({"--token", "T", "--ampsea"});
  HttpClient ampsea_client(ampsea.url());
  const HttpAnswer v3 = ampsea_client.Get(kV3Xml, Auth("T"));
  EXPECT_EQ(Code(v3), 88);
  EXPECT_NE(v3.body.find("must use version 4"), std::string::npos);
  EXPECT_FALSE(kRouterErrors.contains(Code(ampsea_client.Get(kV4Json, Auth("T")))));
  EXPECT_FALSE(kRouterErrors.contains(Code(ampsea_client.Get(kV5, Auth("T")))));
}

TEST(RouterTest, TokenEndpointGrantsAndFailures) {
  EmulatorProcess emulator({"--client-id", "app", "--client-secret", "s3cret", "--refresh-token",
                            "R", "--username", "u@example.com", "--password", "pw",
                            "--security-token", "TOK"});
  HttpClient client(emulator.url());
  const std::string path = "/services/oauth2/token";
  const std::set<std::string> success_keys = Keys(Parse(Fixture("sf_oauth_token_success.json")));

  const HttpAnswer password =
      client.Post(path,
                  "grant_type=password&client_id=app&client_secret=s3cret&username=u%40example.com"
                  "&password=pwTOK");
  ASSERT_EQ(password.status, 200) << password.body;
  const json::value issued = Parse(password.body);
  EXPECT_EQ(Keys(issued), success_keys);
  EXPECT_EQ(issued.at("token_type"), "Bearer");
  const std::string issued_at(issued.at("issued_at").as_string());
  EXPECT_GT(issued_at.size(), 12u);
  EXPECT_EQ(issued_at.find_first_not_of("0123456789"), std::string::npos);
  const std::string token(issued.at("access_token").as_string());
  EXPECT_FALSE(kRouterErrors.contains(Code(client.Get(kV5, Auth(token)))));

  // Refresh with the client credentials as HTTP Basic ("app:s3cret").
  const HttpAnswer refresh = client.Post(path, "grant_type=refresh_token&refresh_token=R",
                                         {{"Authorization", "Basic YXBwOnMzY3JldA=="}});
  ASSERT_EQ(refresh.status, 200) << refresh.body;
  EXPECT_EQ(Keys(Parse(refresh.body)), success_keys);  // no new refresh_token
  EXPECT_NE(Parse(refresh.body).at("access_token"), issued.at("access_token"));

  const std::set<std::string> failure_keys = Keys(Parse(Fixture("sf_oauth_token_failure.json")));
  struct Case {
    std::string body, error;
  };
  for (const Case& c : std::vector<Case>{
           {"grant_type=refresh_token&client_id=other&client_secret=s3cret&refresh_token=R",
            "invalid_client_id"},
           {"grant_type=refresh_token&client_id=app&client_secret=no&refresh_token=R",
            "invalid_client"},
           {"grant_type=refresh_token&client_id=app&client_secret=s3cret&refresh_token=X",
            "invalid_grant"},
           {"grant_type=password&client_id=app&client_secret=s3cret&username=u%40example.com"
            "&password=wrong",
            "invalid_grant"},
           {"grant_type=client_credentials&client_id=app&client_secret=s3cret",
            "unsupported_grant_type"}}) {
    const HttpAnswer failed = client.Post(path, c.body);
    EXPECT_EQ(failed.status, 400) << c.body;
    EXPECT_EQ(Keys(Parse(failed.body)), failure_keys) << failed.body;
    EXPECT_EQ(Parse(failed.body).at("error"), c.error.c_str()) << c.body;
  }
}

TEST(RouterTest, IssuedTokensExpire) {
  EmulatorProcess emulator({"--token", "STATIC", "--token-lifetime", "1"});
  HttpClient client(emulator.url());
  auto issue = [&] {
    const HttpAnswer a = client.Post(
        "/services/oauth2/token",
        "grant_type=refresh_token&client_id=pardot-emulator-client-id"
        "&client_secret=pardot-emulator-client-secret&refresh_token=pardot-emulator-refresh-token");
    return std::string(Parse(a.body).at("access_token").as_string());
  };
  const std::string token = issue();
  EXPECT_NE(Code(client.Get(kV5, Auth(token))), 184);
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  const HttpAnswer expired = client.Get(kV5, Auth(token));
  EXPECT_EQ(expired.status, 401) << expired.error_text;
  EXPECT_EQ(Code(expired), 184);
  EXPECT_EQ(Code(client.Get(kV3Json, Auth(token))), 184);

  // The admin route expires issued tokens at once; static tokens stay valid.
  const std::string fresh = issue();
  EXPECT_NE(Code(client.Get(kV5, Auth(fresh))), 184);
  EXPECT_EQ(client.Post("/_emulator/tokens/expire", "").status, 200);
  EXPECT_EQ(Code(client.Get(kV5, Auth(fresh))), 184);
  EXPECT_NE(Code(client.Get(kV5, Auth("STATIC"))), 184);
}

TEST(RouterTest, DailyBudgetGives122UntilTheDayRolls) {
  EmulatorProcess emulator({"--token", "T", "--daily-limit", "3"});
  HttpClient client(emulator.url());
  EXPECT_NE(Code(client.Get(kV5, Auth("T"))), 122);
  EXPECT_NE(Code(client.Get(kV3Json, Auth("T"))), 122);
  EXPECT_NE(Code(client.Get(kV5, Auth("T"))), 122);
  const HttpAnswer over = client.Get(kV5, Auth("T"));
  EXPECT_EQ(over.status, 429);
  EXPECT_EQ(Code(over), 122);
  const HttpAnswer over_v3 = client.Get(kV3Json, Auth("T"));
  EXPECT_EQ(over_v3.status, 200);
  EXPECT_EQ(Code(over_v3), 122);
  // Unauthenticated requests are not charged to the unit.
  EXPECT_EQ(Code(client.Get(kV5, Auth("bad"))), 184);
  const json::value stats = Parse(client.Get("/_emulator/stats").body);
  EXPECT_EQ(stats.at("units").at(kUnit).at("requests_today"), 5);
  EXPECT_EQ(stats.at("errors").at("122"), 2);

  EXPECT_EQ(client.Post("/_emulator/day", "").status, 200);
  EXPECT_NE(Code(client.Get(kV5, Auth("T"))), 122);
}

TEST(RouterTest, LegacyLoginOffAnswers199) {
  EmulatorProcess emulator({"--token", "T"});
  HttpClient client(emulator.url());
  EXPECT_EQ(Code(client.Post("/api/login/version/3", "email=a&password=b&user_key=c")), 199);
  EXPECT_EQ(Code(client.Get(kV3Json, {{"Authorization", "Pardot api_key=k, user_key=u"},
                                      {"Pardot-Business-Unit-Id", kUnit}})),
            199);
}

TEST(RouterTest, LegacyLoginIssuesApiKeys) {
  EmulatorProcess emulator({"--legacy-login", "--ampsea", "--username", "u@example.com",
                            "--password", "pw", "--user-key", "uk"});
  HttpClient client(emulator.url());
  const std::string form = "email=u%40example.com&password=pw&user_key=uk";
  EXPECT_EQ(Code(client.Post("/api/login/version/3?" + form, "")), 49);
  const HttpAnswer wrong = client.Post("/api/login/version/3?format=json",
                                       "email=u%40example.com&password=no&user_key=uk");
  EXPECT_EQ(Parse(wrong.body), Parse(Fixture("v3v4_json_error_15_login_failed.json")));

  const HttpAnswer json_login = client.Post("/api/login/version/4", form + "&format=json");
  const json::value login = Parse(json_login.body);
  EXPECT_EQ(Keys(login), Keys(Parse(Fixture("v3_json_login_success_ampsea_account.json"))));
  EXPECT_EQ(login.at("version"), 4);
  const std::string key(login.at("api_key").as_string());
  EXPECT_EQ(key.size(), 32u);

  const HttpAnswer xml_login = client.Post("/api/login/version/3", form);
  EXPECT_NE(xml_login.body.find("<api_key>" + key + "</api_key>"), std::string::npos)
      << "a valid key is returned again";
  EXPECT_NE(xml_login.body.find("<version>4</version>"), std::string::npos);

  const HeaderList legacy = {{"Authorization", "Pardot user_key=uk,api_key=" + key}};
  EXPECT_FALSE(kRouterErrors.contains(Code(client.Get(kV4Json, legacy))));
  EXPECT_EQ(Code(client.Get(kV4Json + std::string("&api_key=") + key + "&user_key=uk")), 49);
  EXPECT_EQ(Code(client.Get(kV4Json, {{"Authorization", "Pardot api_key=wrong, user_key=uk"}})), 1);
  client.Post("/_emulator/tokens/expire", "");
  EXPECT_EQ(Code(client.Get(kV4Json, legacy)), 1);
}

TEST(RouterTest, NonAmpseaLoginHasNoVersion) {
  EmulatorProcess emulator({"--legacy-login"});
  HttpClient client(emulator.url());
  const HttpAnswer a = client.Post("/api/login/version/3",
                                   "email=api.user%40example.com&password=pardot-emulator-password"
                                   "&user_key=0123456789abcdef0123456789abcdef");
  EXPECT_NE(a.body.find("<rsp stat=\"ok\" version=\"1.0\">\n    <api_key>"), std::string::npos);
  EXPECT_EQ(a.body.find("<version>"), std::string::npos);
}

TEST(RouterTest, UnknownPathsAre404) {
  EmulatorProcess emulator({"--token", "T"});
  HttpClient client(emulator.url());
  EXPECT_EQ(client.Get("/api/visitor/version/4/do/query", Auth("T")).status, 404);
  EXPECT_EQ(client.Get("/api/v5/objects/emails?fields=id", Auth("T")).status, 404);
  EXPECT_EQ(client.Get("/nothing").status, 404);
  EXPECT_EQ(client.Get("/_emulator/nothing").status, 404);
  EXPECT_EQ(client.Get("/_emulator/day").status, 405);
  EXPECT_TRUE(Parse(client.Get("/nothing").body).is_object());
}

TEST(RouterTest, StatsCountEndpointsAndErrors) {
  EmulatorProcess emulator({"--token", "T", "--ampsea"});
  HttpClient client(emulator.url());
  client.Get(kV4Json, Auth("T"));
  client.Post("/api/prospect/version/4/do/batchUpdate?format=json", "prospects=%5B%5D", Auth("T"));
  client.Patch("/api/v5/objects/prospects/1000001?fields=id", "{}", Auth("T"));
  client.Get(kV5, Auth("T"));
  client.Get(kV3Json, Auth("T"));
  client.Get(kV5, Auth("wrong"));
  client.Get("/_emulator/state");  // admin: not counted

  const json::value stats = IdleStats(client);
  EXPECT_EQ(stats.at("requests"), 6);
  const auto& by = stats.at("by_endpoint");
  EXPECT_EQ(by.at("v4 prospect query"), 1);
  EXPECT_EQ(by.at("v4 prospect batchUpdate"), 1);
  EXPECT_EQ(by.at("v5 PATCH prospects/{id}"), 1);
  EXPECT_EQ(by.at("v5 GET prospects"), 2);
  EXPECT_EQ(by.at("v3 prospect query"), 1);
  EXPECT_EQ(stats.at("errors").at("88"), 1);
  EXPECT_EQ(stats.at("errors").at("184"), 1);
  EXPECT_EQ(stats.at("units").at(kUnit).at("requests_today"), 5);
  EXPECT_EQ(stats.at("units").at(kUnit).at("max_in_flight"), 1);
  EXPECT_EQ(stats.at("units").at(kUnit).at("in_flight"), 0);
  EXPECT_EQ(client.Get("/_emulator/stats").body.find("Bearer"), std::string::npos);

  EXPECT_EQ(client.Post("/_emulator/stats/reset", "").status, 200);
  const json::value reset = Parse(client.Get("/_emulator/stats").body);
  EXPECT_EQ(reset.at("requests"), 0);
  EXPECT_TRUE(reset.at("by_endpoint").as_object().empty());
  EXPECT_EQ(reset.at("units").at(kUnit).at("max_in_flight"), 0);
  EXPECT_EQ(reset.at("units").at(kUnit).at("requests_today"), 5);  // the budget stays
}

TEST(RouterTest, ProspectsAddedAtRunTimeShowInState) {
  EmulatorProcess emulator({"--timezone", "Europe/Paris"});
  HttpClient client(emulator.url());
  const std::string lines =
      R"({"id":42,"email":"a@example.com","opted_out":"1","created_at":"2024-07-01 12:00:00",)"
      R"("Hobby":"chess","Colors":["red","blue"]})"
      "\n"
      R"({"email":"b@example.com","isDoNotEmail":true,"deleted":true,"Hobby__c":"go"})"
      "\n";
  const HttpAnswer added =
      client.Post("/_emulator/prospects", lines, {{"Content-Type", "application/x-ndjson"}});
  ASSERT_EQ(added.status, 200) << added.body;
  EXPECT_EQ(Parse(added.body).at("added"), 2);
  EXPECT_EQ(client.Post("/_emulator/prospects", "{not json").status, 400);

  const json::value state = Parse(client.Get("/_emulator/state").body);
  const auto& unit = state.at("units").at(0);
  EXPECT_EQ(unit.at("id"), kUnit);
  EXPECT_EQ(unit.at("timezone"), "Europe/Paris");
  const auto& prospects = unit.at("prospects").as_array();
  ASSERT_EQ(prospects.size(), 2u);
  const auto& a = prospects[0];
  EXPECT_EQ(a.at("id"), 42);
  EXPECT_EQ(a.at("deleted"), false);
  EXPECT_EQ(a.at("values").at("opted_out"), "true");
  EXPECT_EQ(a.at("values").at("created_at"), "1719828000");  // 10:00 UTC
  EXPECT_EQ(a.at("local").at("created_at"), "2024-07-01 12:00:00");
  EXPECT_EQ(a.at("values").at("Hobby"), "chess");
  EXPECT_EQ(a.at("multi").at("Colors"), (json::array{"red", "blue"}));
  const auto& b = prospects[1];
  EXPECT_EQ(b.at("id"), 1000001);  // no id: the unit's next one
  EXPECT_EQ(b.at("deleted"), true);
  EXPECT_EQ(b.at("values").at("is_do_not_email"), "true");
  EXPECT_EQ(b.at("values").at("Hobby"), "go");
  std::set<std::string> types;
  for (const auto& f : unit.at("custom_fields").as_array()) {
    types.insert(std::string(f.at("field_id").as_string()) + ":" +
                 std::string(f.at("type").as_string()));
  }
  EXPECT_EQ(types, (std::set<std::string>{"Colors:multi-select", "Hobby:text"}));
}

TEST(RouterTest, FaultSettingsCanBeReadAndReplaced) {
  EmulatorProcess emulator({"--latency-ms", "5", "--p-66", "0.5", "--seed", "9"});
  HttpClient client(emulator.url());
  const json::value initial = Parse(client.Get("/_emulator/faults").body);
  EXPECT_EQ(initial.at("latency_ms"), 5);
  EXPECT_EQ(initial.at("p_66"), 0.5);
  EXPECT_EQ(initial.at("seed"), 9);
  const HttpAnswer replaced = client.Post("/_emulator/faults", R"({"p-5xx":0.25,"jitter_ms":3})");
  ASSERT_EQ(replaced.status, 200) << replaced.body;
  const json::value now = Parse(client.Get("/_emulator/faults").body);
  EXPECT_EQ(now.at("latency_ms"), 0);  // replaced, not merged
  EXPECT_EQ(now.at("p_66"), 0.0);
  EXPECT_EQ(now.at("p_5xx"), 0.25);
  EXPECT_EQ(now.at("jitter_ms"), 3);
  EXPECT_EQ(client.Post("/_emulator/faults", R"({"p_66":2})").status, 400);
  EXPECT_EQ(client.Post("/_emulator/faults", R"({"latency":1})").status, 400);
}

}  // namespace
}  // namespace pdc::emulator
