// Acceptance tests of the emulator's prospect API over loopback, against the real
// pardot-emulator binary: each behaviour the emulator promises for v3, v4 and v5
// (pardot-api.md §1.4, §3–§7, §12) proven once through the HTTP server with one or two
// assertions. The in-process handler tests (v34_*_test.cpp, v5_*_test.cpp) hold the detail;
// router_test.cpp and server_test.cpp cover authentication (including an expired token → 184),
// the token endpoint, the in-flight limit (66) and the daily budget (122).
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "tests/emulator/shape.h"
#include "tests/emulator/http.h"
#include "tests/emulator/test_client.h"

namespace pdc::emulator {
namespace {

namespace json = boost::json;
using testing::EmulatorProcess;
using testing::HeaderList;
using testing::HttpAnswer;
using testing::HttpClient;
using testing::ParseXmlTree;
using testing::XmlNode;

constexpr const char* kUnit = EmulatorProcess::kDefaultUnit;
constexpr const char* kV3 = "/api/prospect/version/3/do/";
constexpr const char* kV4 = "/api/prospect/version/4/do/";
constexpr const char* kV5 = "/api/v5/objects/prospects";

json::value Parse(const std::string& text) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  return ec ? json::value() : v;
}

// The Pardot error code of an answer (v3/v4 JSON or XML, v5), 0 when none.
int Code(const HttpAnswer& a) {
  if (auto tree = ParseXmlTree(a.body)) {
    const XmlNode* err = tree->Find("err");
    return err != nullptr && !err->attributes.empty() ? std::stoi(err->attributes[0].second) : 0;
  }
  const json::value v = Parse(a.body);
  if (!v.is_object()) return 0;
  if (const auto* attributes = v.as_object().if_contains("@attributes")) {
    const auto* code = attributes->as_object().if_contains("err_code");
    return code != nullptr ? code->to_number<int>() : 0;
  }
  const auto* code = v.as_object().if_contains("code");
  return code != nullptr && code->is_number() ? code->to_number<int>() : 0;
}

// One emulator (a single unit, static token "T") and a client for it.
class Pardot {
 public:
  explicit Pardot(std::vector<std::string> args)
      : process_(WithToken(std::move(args))), client_(process_.url()) {}

  // Adds prospects as JSON Lines through the admin route.
  void Seed(const std::string& lines) {
    const HttpAnswer added = client_.Post("/_emulator/prospects", lines);
    ASSERT_EQ(added.status, 200) << added.body;
    ASSERT_TRUE(Parse(added.body).at("warnings").as_array().empty()) << added.body;
  }

  HttpAnswer Get(const std::string& path) { return client_.Get(path, Auth()); }
  HttpAnswer Post(const std::string& path, const std::string& form) {
    return client_.Post(path, form, Auth());
  }
  HttpAnswer Send(const std::string& method, const std::string& path, const std::string& body) {
    HeaderList headers = Auth();
    headers.emplace_back("Content-Type", "application/json");
    return client_.Send(method, path, body, headers);
  }
  // v3/v4 JSON answers.
  json::value GetJson(const std::string& path) { return Parse(Get(path).body); }
  json::value PostJson(const std::string& path, const std::string& form) {
    return Parse(Post(path, form + "&format=json").body);
  }

  HttpClient& client() { return client_; }

 private:
  static std::vector<std::string> WithToken(std::vector<std::string> args) {
    args.insert(args.end(), {"--token", "T"});
    return args;
  }
  static HeaderList Auth() {
    return {{"Authorization", "Bearer T"}, {"Pardot-Business-Unit-Id", kUnit}};
  }

  EmulatorProcess process_;
  HttpClient client_;
};

// The ids of a v3/v4 JSON `prospect` member, which is an object for one and an array for more.
std::vector<long long> Ids(const json::value& prospect) {
  std::vector<long long> ids;
  if (prospect.is_object()) ids.push_back(prospect.at("id").as_int64());
  if (prospect.is_array()) {
    for (const auto& p : prospect.as_array()) ids.push_back(p.at("id").as_int64());
  }
  return ids;
}

constexpr char kThree[] =
    R"({"id":11,"email":"a@example.com","first_name":"Ann","created_at":"2024-01-01 10:00:00"})"
    "\n"
    R"({"id":12,"email":"b@example.com","first_name":"Bob","created_at":"2024-01-02 10:00:00"})"
    "\n"
    R"({"id":13,"email":"c@example.com","first_name":"Cy","created_at":"2024-01-03 10:00:00"})"
    "\n";

// ---- v3/v4 ---------------------------------------------------------------------------------

TEST(AcceptanceV34, JsonQueryAnswersAnObjectForOneAnArrayForTwoAndNoKeyForNone) {
  for (const bool ampsea : {false, true}) {
    Pardot pardot(ampsea ? std::vector<std::string>{"--ampsea"} : std::vector<std::string>{});
    pardot.Seed(kThree);
    const std::string query =
        std::string(ampsea ? kV4 : kV3) + "query?format=json&id_greater_than=";

    const json::value one = pardot.GetJson(query + "12");
    EXPECT_EQ(one.at("result").at("total_results"), 1) << ampsea;
    EXPECT_TRUE(one.at("result").at("prospect").is_object()) << ampsea;
    EXPECT_EQ(one.at("result").at("prospect").at("id"), 13) << ampsea;

    const json::value two = pardot.GetJson(query + "11");
    ASSERT_TRUE(two.at("result").at("prospect").is_array()) << ampsea;
    EXPECT_THAT(Ids(two.at("result").at("prospect")), ::testing::UnorderedElementsAre(12, 13));

    const json::value none = pardot.GetJson(query + "13");
    EXPECT_EQ(none.at("result").at("total_results"), 0) << ampsea;
    EXPECT_FALSE(none.at("result").as_object().contains("prospect")) << ampsea;
  }
}

TEST(AcceptanceV34, XmlQueryHasOneTwoOrNoProspectElements) {
  Pardot pardot({"--ampsea"});
  pardot.Seed(kThree);
  for (const auto& [after, count] :
       std::map<std::string, std::size_t>{{"11", 2}, {"12", 1}, {"13", 0}}) {
    const HttpAnswer answer = pardot.Get(std::string(kV4) + "query?id_greater_than=" + after);
    EXPECT_THAT(answer.Header("content-type"), ::testing::StartsWith("text/xml"));
    const auto tree = ParseXmlTree(answer.body);
    ASSERT_TRUE(tree) << answer.body;
    const XmlNode* result = tree->Find("result");
    ASSERT_NE(result, nullptr) << answer.body;
    EXPECT_EQ(result->All("prospect").size(), count) << after;
    EXPECT_EQ(result->Find("total_results")->text, std::to_string(count)) << after;
  }
}

TEST(AcceptanceV34, QueryParameters) {
  Pardot pardot({});
  pardot.Seed(kThree);
  const std::string query = std::string(kV3) + "query?format=json";
  EXPECT_EQ(Code(pardot.Get(query + "&limit=201")), 23);
  EXPECT_EQ(Code(pardot.Get(query + "&sort_by=email")), 19);
  EXPECT_EQ(Code(pardot.Get(query + "&sort_order=sideways")), 20);
  EXPECT_EQ(Code(pardot.Get(query + "&colour=red")), 5);
  EXPECT_EQ(Code(pardot.Get(query + "&id_greater_than=13&id_less_than=11")), 17);

  // Sorting and paging: the second by id ascending, then newest first by default.
  const json::value paged =
      pardot.GetJson(query + "&sort_by=id&sort_order=ascending&limit=1&offset=1");
  EXPECT_EQ(paged.at("result").at("prospect").at("id"), 12);
  EXPECT_EQ(paged.at("result").at("total_results"), 3);  // before offset and limit
  EXPECT_EQ(Ids(pardot.GetJson(query).at("result").at("prospect")),
            (std::vector<long long>{13, 12, 11}));

  // fields, output=mobile and output=bulk; POST takes the same parameters in the body.
  const json::value fields = pardot.GetJson(query + "&fields=email&id_greater_than=12");
  EXPECT_EQ(fields.at("result").at("prospect").at("email"), "c@example.com");
  EXPECT_FALSE(fields.at("result").at("prospect").as_object().contains("first_name"));
  const json::value mobile = pardot.GetJson(query + "&output=mobile&id_greater_than=12");
  std::set<std::string> keys;
  for (const auto& m : mobile.at("result").at("prospect").as_object()) keys.emplace(m.key());
  EXPECT_EQ(keys, (std::set<std::string>{"id", "first_name", "last_name", "email", "company"}));
  const json::value bulk = pardot.PostJson(std::string(kV3) + "query", "output=bulk&limit=2");
  EXPECT_FALSE(bulk.at("result").as_object().contains("total_results"));
  EXPECT_EQ(bulk.at("result").at("prospect").as_array().size(), 2u);
}

TEST(AcceptanceV34, V4ReadByEmailWithThreeSharersReturnsAllThree) {
  Pardot pardot({"--ampsea"});
  pardot.Seed(R"({"id":21,"email":"shared@example.com"})"
              "\n"
              R"({"id":22,"email":"shared@example.com"})"
              "\n"
              R"({"id":23,"email":"other@example.com"})"
              "\n"
              R"({"id":24,"email":"shared@example.com"})"
              "\n");
  const std::string read = std::string(kV4) + "read/email/shared%40example.com";
  const json::value answer = pardot.GetJson(read + "?format=json");
  ASSERT_TRUE(answer.at("prospect").is_array()) << answer;
  EXPECT_THAT(Ids(answer.at("prospect")), ::testing::UnorderedElementsAre(21, 22, 24));

  const auto tree = ParseXmlTree(pardot.Get(read).body);
  ASSERT_TRUE(tree);
  EXPECT_EQ(tree->All("prospect").size(), 3u);
  // One sharer by id is one object.
  EXPECT_TRUE(
      pardot.GetJson(std::string(kV4) + "read/id/22?format=json").at("prospect").is_object());
}

TEST(AcceptanceV34, V4UpdateByEmailIsRefused) {
  Pardot pardot({"--ampsea"});
  pardot.Seed(R"({"id":31,"email":"x@example.com","first_name":"Before"})");
  const HttpAnswer update =
      pardot.Post(std::string(kV4) + "update/email/x%40example.com", "first_name=After");
  EXPECT_EQ(update.status, 200);
  EXPECT_EQ(Code(update), 22);
  EXPECT_EQ(
      pardot.GetJson(std::string(kV4) + "read/id/31?format=json").at("prospect").at("first_name"),
      "Before");
  // The other operations v4 offers only by id or fid.
  EXPECT_EQ(Code(pardot.Post(std::string(kV4) + "delete/email/x%40example.com", "")), 22);
  EXPECT_EQ(Code(pardot.Post(std::string(kV4) + "assign/email/x%40example.com", "user_id=1")), 22);
}

TEST(AcceptanceV34, V3CreateOfAnExistingEmailIs9) {
  Pardot pardot({});
  pardot.Seed(R"({"id":41,"email":"taken@example.com"})");
  EXPECT_EQ(Code(pardot.Post(std::string(kV3) + "create/email/taken%40example.com", "")), 9);
  EXPECT_EQ(Code(pardot.Post(std::string(kV3) + "create/email/TAKEN%40example.com", "")), 9);
  const json::value created =
      pardot.PostJson(std::string(kV3) + "create/email/new%40example.com", "first_name=New");
  EXPECT_EQ(created.at("prospect").at("email"), "new@example.com");
  EXPECT_EQ(created.at("prospect").at("first_name"), "New");

  // On an AMPSEA unit v4 creates another prospect with the same address.
  Pardot ampsea({"--ampsea"});
  ampsea.Seed(R"({"id":41,"email":"taken@example.com"})");
  const json::value again =
      ampsea.PostJson(std::string(kV4) + "create/email/taken%40example.com", "");
  EXPECT_NE(again.at("prospect").at("id"), 41);
}

TEST(AcceptanceV34, ReadWriteAndAssignByEachIdentifierOfV3) {
  Pardot pardot({});
  pardot.Seed(R"({"id":51,"email":"v3@example.com","first_name":"Old"})");
  const std::string v3(kV3);
  EXPECT_EQ(pardot.GetJson(v3 + "read/id/51?format=json").at("prospect").at("email"),
            "v3@example.com");
  EXPECT_EQ(pardot.GetJson(v3 + "read/email/v3%40example.com?format=json").at("prospect").at("id"),
            51);
  EXPECT_EQ(Code(pardot.Get(v3 + "read/fid/00Q000000000001AAA")), 22);  // v3 has no fid

  EXPECT_EQ(pardot.PostJson(v3 + "update/email/v3%40example.com", "first_name=New")
                .at("prospect")
                .at("first_name"),
            "New");
  EXPECT_EQ(pardot.PostJson(v3 + "upsert/email/v3%40example.com", "last_name=Upserted")
                .at("prospect")
                .at("id"),
            51);
  const json::value created = pardot.PostJson(v3 + "upsert/email/fresh%40example.com", "");
  EXPECT_NE(created.at("prospect").at("id"), 51);
  EXPECT_EQ(Code(pardot.Post(v3 + "upsert/id/999", "first_name=Nobody")), 14);

  const json::value assigned = pardot.PostJson(v3 + "assign/id/51", "user_id=1");
  EXPECT_EQ(assigned.at("prospect").at("assigned_to").at("user").at("id"), 1);
  const json::value unassigned = pardot.PostJson(v3 + "unassign/email/v3%40example.com", "");
  EXPECT_FALSE(unassigned.at("prospect").as_object().contains("assigned_to"));
  EXPECT_EQ(Code(pardot.Post(v3 + "assign/id/51", "user_id=1&group_id=2")), 47);

  EXPECT_EQ(pardot.Post(v3 + "delete/email/v3%40example.com", "").status, 204);
  EXPECT_EQ(Code(pardot.Get(v3 + "read/email/v3%40example.com")), 4);
  EXPECT_EQ(Code(pardot.Get(v3 + "read/id/51")), 132);
}

TEST(AcceptanceV34, ReadWriteAndAssignByEachIdentifierOfV4) {
  Pardot pardot({"--ampsea"});
  pardot.Seed(R"({"id":61,"email":"v4@example.com","crm_lead_fid":"00Q000000000061AAA"})");
  const std::string v4(kV4);
  EXPECT_EQ(pardot.GetJson(v4 + "read/fid/00Q000000000061AAA?format=json").at("prospect").at("id"),
            61);
  EXPECT_EQ(Code(pardot.Get(v4 + "read/fid/00Q000000000099AAA")), 92);
  EXPECT_EQ(Code(pardot.Get(v4 + "read/fid/bogus")), 77);

  EXPECT_EQ(pardot.PostJson(v4 + "update/fid/00Q000000000061AAA", "first_name=ByFid")
                .at("prospect")
                .at("first_name"),
            "ByFid");
  EXPECT_EQ(pardot.PostJson(v4 + "update/id/61", "company=Acme").at("prospect").at("company"),
            "Acme");
  EXPECT_EQ(
      pardot.PostJson(v4 + "upsert/fid/00Q000000000061AAA", "city=Lyon").at("prospect").at("id"),
      61);
  // v4 upsert by email always creates.
  EXPECT_NE(pardot.PostJson(v4 + "upsert/email/v4%40example.com", "").at("prospect").at("id"), 61);
  // fid and id must agree.
  EXPECT_EQ(Code(pardot.Post(v4 + "update/id/61", "fid=00Q000000000077AAA")), 81);

  const json::value assigned =
      pardot.PostJson(v4 + "assign/fid/00Q000000000061AAA", "user_email=api.user%40example.com");
  EXPECT_EQ(assigned.at("prospect").at("assigned_to").at("user").at("email"),
            "api.user@example.com");
  EXPECT_EQ(Code(pardot.Post(v4 + "assign/id/61", "user_id=999")), 10);
  EXPECT_FALSE(pardot.PostJson(v4 + "unassign/fid/00Q000000000061AAA", "")
                   .at("prospect")
                   .as_object()
                   .contains("assigned_to"));

  // v4 create takes an optional fid, which then identifies the new prospect.
  const json::value created =
      pardot.PostJson(v4 + "create/email/v4%40example.com", "fid=003000000000062AAA");
  EXPECT_EQ(created.at("prospect").at("crm_contact_fid"), "003000000000062AAA");
  EXPECT_EQ(pardot.GetJson(v4 + "read/fid/003000000000062AAA?format=json").at("prospect").at("id"),
            created.at("prospect").at("id"));

  EXPECT_EQ(pardot.Send("DELETE", v4 + "delete/fid/00Q000000000061AAA", "").status, 204);
  EXPECT_EQ(Code(pardot.Get(v4 + "read/id/61")), 132);
}

TEST(AcceptanceV34, DeleteAnswers204WithoutABodyAndGetDeleteIs60) {
  Pardot pardot({});
  pardot.Seed(kThree);
  const HttpAnswer by_get = pardot.Get(std::string(kV3) + "delete/id/11?format=json");
  EXPECT_EQ(by_get.status, 200);
  EXPECT_EQ(Code(by_get), 60);
  EXPECT_EQ(Code(pardot.Get(std::string(kV3) + "read/id/11")), 0);  // still there

  for (const auto& [method, id] :
       std::map<std::string, std::string>{{"DELETE", "11"}, {"POST", "12"}}) {
    const HttpAnswer deleted =
        pardot.client().Send(method, std::string(kV3) + "delete/id/" + id, "",
                             {{"Authorization", "Bearer T"}, {"Pardot-Business-Unit-Id", kUnit}});
    EXPECT_EQ(deleted.status, 204) << method;
    EXPECT_TRUE(deleted.body.empty()) << method;
  }
  EXPECT_EQ(pardot.GetJson(std::string(kV3) + "query?format=json").at("result").at("total_results"),
            1);
}

TEST(AcceptanceV34, XmlAndJsonEnvelopes) {
  Pardot pardot({});
  pardot.Seed(kThree);
  const HttpAnswer xml = pardot.Get(std::string(kV3) + "read/id/11");
  const auto tree = ParseXmlTree(xml.body);
  ASSERT_TRUE(tree) << xml.body;
  EXPECT_EQ(tree->name, "rsp");
  EXPECT_EQ(tree->attributes, (decltype(tree->attributes){{"stat", "ok"}, {"version", "1.0"}}));
  EXPECT_EQ(tree->Find("prospect")->Find("id")->text, "11");

  const HttpAnswer json_answer = pardot.Get(std::string(kV3) + "read/id/11?format=json");
  EXPECT_EQ(json_answer.Header("content-type"), "application/json");
  EXPECT_EQ(Parse(json_answer.body).at("@attributes"),
            (json::object{{"stat", "ok"}, {"version", 1}}));

  const json::value failed = pardot.GetJson(std::string(kV3) + "read/id/999?format=json");
  EXPECT_EQ(failed.at("@attributes"),
            (json::object{{"stat", "fail"}, {"version", 1}, {"err_code", 3}}));
  EXPECT_EQ(failed.at("err"), "Invalid prospect ID");
  const auto failed_xml = ParseXmlTree(pardot.Get(std::string(kV3) + "read/id/999").body);
  ASSERT_TRUE(failed_xml);
  EXPECT_EQ(failed_xml->attributes[0], (std::pair<std::string, std::string>{"stat", "fail"}));
  EXPECT_EQ(failed_xml->Find("err")->attributes, (decltype(failed_xml->attributes){{"code", "3"}}));
}

// A v4 batch payload of `rows` id-keyed updates, as a form body.
std::string BatchUpdateForm(int rows) {
  json::array prospects;
  for (int i = 0; i < rows; ++i) {
    prospects.push_back(json::object{{"id", 1000 + i}, {"first_name", "Batch"}});
  }
  return "format=json&prospects=" +
         UrlEncode(json::serialize(json::object{{"prospects", std::move(prospects)}}));
}

TEST(AcceptanceV34, BatchOf51Is70AndOf50IsDone) {
  Pardot pardot({"--ampsea"});
  std::string lines;
  for (int i = 0; i < 51; ++i) {
    lines += R"({"id":)" + std::to_string(1000 + i) + R"(,"email":"p)" + std::to_string(i) +
             R"(@example.com"})" + "\n";
  }
  pardot.Seed(lines);
  const HttpAnswer too_many = pardot.Post(std::string(kV4) + "batchUpdate", BatchUpdateForm(51));
  EXPECT_EQ(Code(too_many), 70);
  EXPECT_EQ(Parse(too_many.body).at("err"), "Batch processing is limited to 50 prospects at once.");
  EXPECT_FALSE(pardot.GetJson(std::string(kV4) + "read/id/1000?format=json")
                   .at("prospect")
                   .at("first_name")
                   .is_string());

  const json::value done =
      Parse(pardot.Post(std::string(kV4) + "batchUpdate", BatchUpdateForm(50)).body);
  EXPECT_EQ(done, (json::object{{"@attributes", json::object{{"stat", "ok"}, {"version", 1}}}}));
  EXPECT_EQ(
      pardot.GetJson(std::string(kV4) + "read/id/1049?format=json").at("prospect").at("first_name"),
      "Batch");
}

TEST(AcceptanceV34, BatchPayloadShapesAndPerRowErrors) {
  // v3: an object keyed by id or email; errors keyed the same way.
  Pardot v3({});
  v3.Seed(R"({"id":71,"email":"dup@example.com"})");
  const std::string v3_rows =
      R"({"prospects":{"dup@example.com":{"first_name":"D"},"n1@example.com":{"first_name":"N"}}})";
  const json::value v3_result =
      v3.PostJson(std::string(kV3) + "batchCreate", "prospects=" + UrlEncode(v3_rows));
  EXPECT_EQ(v3_result.at("errors"),
            (json::object{{"dup@example.com",
                           "A prospect with the specified email address already exists"}}));
  EXPECT_EQ(Code(v3.Post(std::string(kV3) + "read/email/n1%40example.com", "")), 0);
  const std::string v3_array = R"({"prospects":[{"email":"n2@example.com"}]})";
  EXPECT_EQ(Code(v3.Post(std::string(kV3) + "batchCreate", "prospects=" + UrlEncode(v3_array))),
            91);

  // v4: an array; errors keyed by the row's index.
  Pardot v4({"--ampsea"});
  v4.Seed(R"({"id":72,"email":"u@example.com"})");
  const std::string v4_rows =
      R"({"prospects":[{"id":72,"city":"Oslo"},{"id":999,"city":"Nowhere"},{"email":"new@example.com"}]})";
  const json::value v4_result =
      v4.PostJson(std::string(kV4) + "batchUpsert", "prospects=" + UrlEncode(v4_rows));
  EXPECT_EQ(v4_result.at("errors"), (json::object{{"1",
                                                   "Non-existent prospect ID; No email "
                                                   "address provided"}}));
  EXPECT_EQ(v4.GetJson(std::string(kV4) + "read/id/72?format=json").at("prospect").at("city"),
            "Oslo");

  // XML payloads answer in XML.
  const std::string xml_rows =
      "<prospects><prospect><id>72</id><city>Rome</city></prospect></prospects>";
  const auto xml = ParseXmlTree(
      v4.Post(std::string(kV4) + "batchUpdate", "prospects=" + UrlEncode(xml_rows)).body);
  ASSERT_TRUE(xml);
  EXPECT_EQ(xml->attributes[0].second, "ok");
  EXPECT_TRUE(xml->children.empty());
  EXPECT_EQ(Code(v4.Post(std::string(kV4) + "batchUpdate", "prospects=not+a+document")), 71);
}

// ---- v5 ------------------------------------------------------------------------------------

TEST(AcceptanceV5, CreateReadUpdateDelete) {
  Pardot pardot({});
  const std::string fields = "?fields=id,email,firstName";
  const HttpAnswer created = pardot.Send("POST", std::string(kV5) + fields,
                                         R"({"email":"v5@example.com","firstName":"Five"})");
  ASSERT_EQ(created.status, 201) << created.body;
  const long long id = Parse(created.body).at("id").as_int64();
  EXPECT_THAT(created.Header("location"), ::testing::EndsWith("/prospects/" + std::to_string(id)));
  const std::string one = std::string(kV5) + "/" + std::to_string(id);

  const HttpAnswer read = pardot.Get(one + fields);
  EXPECT_EQ(read.status, 200);
  EXPECT_EQ(Parse(read.body),
            (json::object{{"id", id}, {"email", "v5@example.com"}, {"firstName", "Five"}}));

  const HttpAnswer patched = pardot.Send("PATCH", one + fields, R"({"firstName":"Changed"})");
  EXPECT_EQ(patched.status, 200);
  EXPECT_EQ(Parse(patched.body).at("firstName"), "Changed");

  const HttpAnswer deleted = pardot.Send("DELETE", one, "");
  EXPECT_EQ(deleted.status, 204);
  EXPECT_TRUE(deleted.body.empty());
  const HttpAnswer gone = pardot.Get(one + fields);
  EXPECT_EQ(gone.status, 404);
  EXPECT_EQ(Code(gone), 109);
  const HttpAnswer patch_deleted = pardot.Send("PATCH", one + fields, R"({"firstName":"No"})");
  EXPECT_EQ(patch_deleted.status, 400);
  EXPECT_EQ(Code(patch_deleted), 219);
  const HttpAnswer delete_missing = pardot.Send("DELETE", std::string(kV5) + "/424242", "");
  EXPECT_EQ(delete_missing.status, 404);
  EXPECT_EQ(Code(delete_missing), 109);
  EXPECT_EQ(pardot.Send("PUT", one, "{}").status, 405);
}

TEST(AcceptanceV5, ReadOnlyAndUnknownPropertiesAreRefused) {
  Pardot pardot({});
  pardot.Seed(R"({"id":81,"email":"ro@example.com","first_name":"Kept"})");
  const std::string one = std::string(kV5) + "/81?fields=firstName";
  const HttpAnswer read_only = pardot.Send("PATCH", one, R"({"createdAt":"2024-01-01T00:00:00Z"})");
  EXPECT_EQ(read_only.status, 400);
  EXPECT_EQ(Code(read_only), 180);
  const HttpAnswer unknown = pardot.Send("PATCH", one, R"({"favouriteColour":"red"})");
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(Code(unknown), 154);
  EXPECT_EQ(Code(pardot.Send("PATCH", one, "{not json")), 150);
  EXPECT_EQ(Parse(pardot.Get(one).body).at("firstName"), "Kept");
}

TEST(AcceptanceV5, UpsertLatestByEmailUpdatesTheLatestOrCreates) {
  Pardot pardot({"--ampsea"});
  pardot.Seed(R"({"id":91,"email":"up@example.com","last_activity_at":"2024-05-01 10:00:00"})"
              "\n"
              R"({"id":92,"email":"up@example.com","last_activity_at":"2024-06-01 10:00:00"})"
              "\n");
  const std::string upsert = std::string(kV5) + "/do/upsertLatestByEmail";
  const HttpAnswer updated = pardot.Send(
      "POST", upsert,
      R"({"matchEmail":"up@example.com","prospect":{"city":"Paris"},"fields":["id","city"]})");
  EXPECT_EQ(updated.status, 200);
  EXPECT_EQ(Parse(updated.body), (json::object{{"id", 92}, {"city", "Paris"}}));

  const HttpAnswer created = pardot.Send(
      "POST", upsert, R"({"matchEmail":"none@example.com","prospect":{},"fields":["id","email"]})");
  EXPECT_EQ(created.status, 201);
  EXPECT_EQ(Parse(created.body).at("email"), "none@example.com");
  EXPECT_FALSE(created.Header("location").empty());
}

TEST(AcceptanceV5, CustomFieldsAreSuffixedAndNullWhenEmpty) {
  Pardot pardot({});
  pardot.Seed(R"({"id":101,"email":"c1@example.com","Hobby":"chess"})"
              "\n"
              R"({"id":102,"email":"c2@example.com","Hobby":""})"
              "\n");
  const json::value page = Parse(pardot.Get(std::string(kV5) + "?fields=id,Hobby__c").body);
  EXPECT_EQ(page.at("values"), (json::array{json::object{{"id", 101}, {"Hobby__c", "chess"}},
                                            json::object{{"id", 102}, {"Hobby__c", nullptr}}}));
  const HttpAnswer unknown = pardot.Get(std::string(kV5) + "?fields=id,Nope__c");
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(Code(unknown), 51);
}

// Writes `count` prospects with ids 1..count as a minimal CSV (id and email only, so that the
// emulator loads them quickly) and returns its path.
std::string WriteProspectCsv(int count) {
  const std::string path =
      ::testing::TempDir() + "/acceptance_v5_paging_" + std::to_string(::getpid()) + ".csv";
  std::string text = "id,email\n";
  text.reserve(static_cast<std::size_t>(count) * 28);
  for (int id = 1; id <= count; ++id) {
    const std::string n = std::to_string(id);
    text += n + ",p" + n + "@example.com\n";
  }
  std::ofstream(path) << text;
  return path;
}

// Base64 is safe in a query value but for '+' (read as a space) and '/'.
std::string TokenForUrl(std::string_view token) {
  std::string out;
  for (const char c : token) {
    out += c == '+' ? "%2B" : c == '/' ? "%2F" : std::string(1, c);
  }
  return out;
}

TEST(AcceptanceV5, PagingVisitsEveryRecordOnceAcrossTheRecordCapWithARestart) {
  constexpr int kCount = 100500;  // past the 100,000 records of one token sequence
  const std::string csv = WriteProspectCsv(kCount);
  Pardot pardot({"--prospects", csv});
  std::remove(csv.c_str());

  std::vector<int> seen(kCount + 1, 0);
  long long high_water = 0;
  int warnings = 0, pages = 0;
  std::string path = std::string(kV5) + "?fields=id&limit=1000";
  while (!path.empty() && pages < 200) {
    const HttpAnswer page = pardot.Get(path);
    ASSERT_EQ(page.status, 200) << page.body.substr(0, 200);
    ++pages;
    const json::value body = Parse(page.body);
    for (const auto& record : body.at("values").as_array()) {
      const long long id = record.at("id").as_int64();
      ASSERT_GE(id, 1);
      ASSERT_LE(id, kCount);
      ++seen[static_cast<std::size_t>(id)];
      high_water = std::max(high_water, id);
    }
    const std::string warning = page.Header("pardot-warning");
    if (body.at("nextPageToken").is_string()) {
      EXPECT_TRUE(warning.empty());
      path = std::string(kV5) +
             "?fields=id&nextPageToken=" + TokenForUrl(body.at("nextPageToken").as_string());
    } else if (!warning.empty()) {
      // The sequence's cap: no token; restart after the high-water mark.
      EXPECT_THAT(warning, ::testing::StartsWith("203;"));
      EXPECT_EQ(high_water, 100000);
      ++warnings;
      path = std::string(kV5) + "?fields=id&limit=1000&idGreaterThan=" + std::to_string(high_water);
    } else {
      EXPECT_TRUE(body.at("nextPageUrl").is_null());
      path.clear();
    }
  }
  EXPECT_EQ(warnings, 1);
  EXPECT_EQ(pages, 101);
  int missing = 0, repeated = 0;
  for (int id = 1; id <= kCount; ++id) {
    missing += seen[static_cast<std::size_t>(id)] == 0;
    repeated += seen[static_cast<std::size_t>(id)] > 1;
  }
  EXPECT_EQ(missing, 0);
  EXPECT_EQ(repeated, 0);
}

}  // namespace
}  // namespace pdc::emulator
