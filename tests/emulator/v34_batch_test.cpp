// batchCreate, batchUpdate and batchUpsert: payload shapes, limits and per-row errors.
#include <gtest/gtest.h>

#include "tests/emulator/errors.h"
#include "tests/emulator/v34_test_support.h"
#include "tests/emulator/v34_xml.h"

namespace pdc::emulator {
namespace {

using namespace v34test;
namespace json = boost::json;

HttpResponse Batch(BusinessUnit& unit, const std::string& op, const std::string& payload,
                   bool as_json = true) {
  Params form{{"prospects", payload}};
  if (as_json) form.emplace_back("format", "json");
  return Send(unit, {.method = "POST", .path = op, .form = form});
}

TEST(V34Batch, V3KeyedJsonWithPerRowErrors) {
  auto unit = MakeUnit(false);
  Prospect& p = AddProspect(*unit, "known@example.com");
  const std::string payload = R"({"prospects":{")" + std::to_string(p.id) +
                              R"(":{"first_name":"Ann"},"known@example.com":{"last_name":"Lee"},)"
                              R"("404":{"first_name":"X"},"nobody@example.com":{"city":"Y"}}})";
  const auto body = Json(Batch(*unit, "batchUpdate", payload));
  EXPECT_EQ(body, json::parse(R"({"@attributes":{"stat":"ok","version":1},)"
                              R"("errors":{"404":"Invalid prospect ID",)"
                              R"("nobody@example.com":"Invalid prospect email address"}})"));
  EXPECT_EQ(p.Get("first_name"), "Ann");
  EXPECT_EQ(p.Get("last_name"), "Lee");
}

TEST(V34Batch, V3CreateAndUpsert) {
  auto unit = MakeUnit(false);
  const auto created = Json(Batch(*unit, "batchCreate",
                                  R"({"prospects":{"a@example.com":{"first_name":"A"},)"
                                  R"("b@example.com":{"Colors":["red","blue"]},)"
                                  R"("bad":{}}})"));
  EXPECT_EQ(created.at("errors"), json::parse(R"({"bad":"Invalid prospect email address"})"));
  EXPECT_EQ(unit->prospects.size(), 2u);
  EXPECT_EQ(unit->FindByEmail("b@example.com", false).front()->multi["Colors"],
            (std::vector<std::string>{"red", "blue"}));
  const auto again = Json(Batch(*unit, "batchCreate", R"({"prospects":{"a@example.com":{}}})"));
  EXPECT_EQ(again.at("errors").at("a@example.com"), json::value(std::string(ErrorMessage(9))));
  const auto upsert = Json(Batch(*unit, "batchUpsert",
                                 R"({"prospects":{"a@example.com":{"city":"P"},)"
                                 R"("c@example.com":{"city":"Q"}}})"));
  EXPECT_FALSE(upsert.as_object().contains("errors"));
  EXPECT_EQ(unit->prospects.size(), 3u);
  EXPECT_EQ(unit->FindByEmail("a@example.com", false).front()->Get("city"), "P");
}

TEST(V34Batch, V4ArrayErrorsByIndex) {
  auto unit = MakeUnit(true);
  Prospect& p = AddProspect(*unit, "v4@example.com");
  p.values["crm_contact_fid"] = "0035e00000AbCdEAAX";
  const std::string payload =
      R"({"prospects":[{"id":")" + std::to_string(p.id) +
      R"(","city":"One"},{"fid":"0035e00000AbCdEAAX","state":"MA"},)"
      R"({"email":"v4@example.com","city":"No"},{"id":"9"},{"fid":"nope"}]})";
  const auto body = Json(Batch(*unit, "batchUpdate", payload));
  const auto& errors = body.at("errors").as_object();
  EXPECT_EQ(errors.size(), 3u);
  EXPECT_TRUE(errors.contains("2"));  // email is no identifier for v4 updates
  EXPECT_EQ(errors.at("3"), json::value("Invalid prospect ID"));
  EXPECT_EQ(errors.at("4"), json::value(std::string(ErrorMessage(77))));
  EXPECT_EQ(p.Get("city"), "One");
  EXPECT_EQ(p.Get("state"), "MA");

  const auto upsert = Json(Batch(*unit, "batchUpsert",
                                 R"({"prospects":[{"email":"v4@example.com"},)"
                                 R"({"id":")" +
                                     std::to_string(p.id) + R"(","city":"Two"}]})"));
  EXPECT_FALSE(upsert.as_object().contains("errors"));
  EXPECT_EQ(unit->prospects.size(), 2u);  // email-only rows create
  EXPECT_EQ(p.Get("city"), "Two");
  // The docs' id-keyed v4 example is accepted too.
  const auto keyed =
      Json(Batch(*unit, "batchUpdate",
                 R"({"prospects":{")" + std::to_string(p.id) + R"(":{"city":"Three"}}})"));
  EXPECT_FALSE(keyed.as_object().contains("errors"));
  EXPECT_EQ(p.Get("city"), "Three");
}

TEST(V34Batch, XmlPayloadsAndXmlResult) {
  auto v3 = MakeUnit(false);
  Prospect& p = AddProspect(*v3, "x@example.com");
  const auto response =
      Batch(*v3, "batchUpdate",
            "<?xml version=\"1.0\"?><prospects><prospect identifier=\"" + std::to_string(p.id) +
                "\"><city>S&amp;P</city><Colors><value>a</value><value>b"
                "</value></Colors></prospect><prospect identifier=\"q@e.com\">"
                "<city>Z</city></prospect></prospects>",
            false);
  EXPECT_EQ(p.Get("city"), "S&P");
  EXPECT_EQ(p.multi["Colors"], (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(response.content_type, "text/xml; charset=utf-8");
  EXPECT_NE(response.body.find("<errors>\n        <prospect identifier=\"q@e.com\">Invalid "
                               "prospect email address</prospect>\n    </errors>"),
            std::string::npos)
      << response.body;

  auto v4 = MakeUnit(true);
  Batch(*v4, "batchCreate",
        "<prospects><prospect><email>n@e.com</email></prospect><prospect><email>n@e.com</email>"
        "</prospect></prospects>");
  EXPECT_EQ(v4->prospects.size(), 2u);
  const auto ok = Batch(*v4, "batchCreate", "<prospects/>", false);
  EXPECT_EQ(ok.body,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rsp stat=\"ok\" version=\"1.0\">\n"
            "</rsp>\n");
}

TEST(V34Batch, PayloadErrors) {
  auto v3 = MakeUnit(false);
  auto v4 = MakeUnit(true);
  std::string many = R"({"prospects":{)";
  for (int i = 0; i < 51; ++i) {
    many += (i ? "," : "") + std::string("\"p") + std::to_string(i) + "@example.com\":{}";
  }
  many += "}}";
  EXPECT_EQ(ErrorCode(Batch(*v3, "batchCreate", many)), 70);
  EXPECT_TRUE(v3->prospects.empty());
  EXPECT_EQ(ErrorCode(Batch(*v3, "batchCreate", "first_name=Ann")), 71);
  EXPECT_EQ(ErrorCode(Batch(*v3, "batchCreate", R"({"prospects":)")), 71);
  EXPECT_EQ(ErrorCode(Batch(*v3, "batchCreate", R"({"people":{}})")), 71);
  EXPECT_EQ(ErrorCode(Batch(*v3, "batchCreate", "<prospects><prospect></prospects>")), 71);
  EXPECT_EQ(ErrorCode(Batch(*v3, "batchCreate", "")), 71);
  EXPECT_EQ(ErrorCode(Send(*v3, {.method = "POST", .path = "batchCreate"})), 71);
  EXPECT_EQ(ErrorCode(Batch(*v3, "batchCreate", R"({"prospects":[{"email":"a@b.com"}]})")), 91);
  EXPECT_EQ(ErrorCode(Batch(*v4, "batchCreate", R"({"prospects":[[1,2]]})")), 90);
  EXPECT_EQ(ErrorCode(Batch(*v4, "batchCreate", R"({"prospects":[{"a":{"b":1}}]})")), 90);
  EXPECT_EQ(ErrorCode(Batch(*v4, "batchCreate", "<prospects><person/></prospects>")), 90);
  EXPECT_EQ(ErrorCode(Batch(*v4, "batchUpdate/id/3", "{}")), 2);
}

TEST(V34Batch, QueryStringPayloadAndFiftyRows) {
  auto unit = MakeUnit(true);
  std::string rows = R"({"prospects":[)";
  for (int i = 0; i < 50; ++i) rows += (i ? "," : "") + std::string(R"({"email":"a@b.com"})");
  rows += "]}";
  const auto response =
      Send(*unit, {.method = "POST", .path = "batchCreate", .query = {{"prospects", rows}}});
  EXPECT_EQ(ErrorCode(response), 0) << response.body;
  EXPECT_EQ(unit->prospects.size(), 50u);
}

TEST(V34Xml, ReadsTheBatchSubset) {
  const auto doc = ParseXml(
      "<?xml version=\"1.0\"?>\n<!-- c --><a x='1' y=\"&lt;2&gt;\"><b>t&#233;&#x41;</b>"
      "<c/><![CDATA[<raw>]]></a>");
  ASSERT_TRUE(doc);
  EXPECT_EQ(*doc->Attribute("y"), "<2>");
  EXPECT_EQ(doc->children.size(), 2u);
  EXPECT_EQ(doc->children[0].text,
            "t\xC3\xA9"
            "A");
  EXPECT_EQ(doc->text, "<raw>");
  EXPECT_FALSE(ParseXml("<a><b></a>"));
  EXPECT_FALSE(ParseXml("<a>&bogus;</a>"));
  EXPECT_FALSE(ParseXml("<a></a><b/>"));
  std::string deep;
  for (int i = 0; i < 100; ++i) deep += "<a>";
  for (int i = 0; i < 100; ++i) deep += "</a>";
  EXPECT_FALSE(ParseXml(deep));
}

}  // namespace
}  // namespace pdc::emulator
