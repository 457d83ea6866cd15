// Shapes of v3/v4 prospect output against the recorded fixtures, and the XML/JSON tree rules.
#include "tests/emulator/v34_render.h"

#include <algorithm>

#include "tests/emulator/v34_test_support.h"
#include "tests/emulator/v34_tree.h"

namespace pdc::emulator {
namespace {

using namespace v34test;

std::vector<std::string> Without(std::vector<std::string> names, const std::string& drop) {
  names.erase(std::remove(names.begin(), names.end(), drop), names.end());
  return names;
}

TEST(V34Render, QueryFullOrderEqualsFixture) {
  auto unit = MakeUnit(false);
  AddProspect(*unit, "a@example.com");
  const auto response = Send(*unit, {.path = "query"});
  const std::string fixture = ReadFixture("v3v4_prospect_query_full.xml");
  ASSERT_FALSE(fixture.empty());
  ASSERT_EQ(ChildNames(fixture, "prospect").size(), 46u);  // 45 fields + <campaign>
  EXPECT_EQ(ChildNames(response.body, "prospect"), ChildNames(fixture, "prospect"));
  EXPECT_EQ(ChildNames(fixture, "result"),
            (std::vector<std::string>{"total_results", "prospect", "prospect"}));
  EXPECT_EQ(ChildNames(response.body, "result"),
            (std::vector<std::string>{"total_results", "prospect"}));
  EXPECT_EQ(ChildNames(response.body, "campaign"), ChildNames(fixture, "campaign"));
}

TEST(V34Render, ReadFullMatchesFixtureWithCollections) {
  auto unit = MakeUnit(false);
  Prospect& p = AddProspect(*unit, "random.user@example.com");
  p.values["Hobby"] = "chess";
  p.multi["Colors"] = {"value0", "value1", "value2"};
  p.assigned_user = 2332;
  p.lists[33173] = {158902003, false, false, kNow, kNow};
  const auto response = Send(*unit, {.path = "read/id/" + std::to_string(p.id)});
  const std::string fixture = ReadFixture("v3v4_prospect_read_full_multivalue_lists.xml");
  // The fixture's prospect, with its custom fields renamed to ours and without <profile>,
  // which the emulator does not model.
  std::vector<std::string> expected = Without(ChildNames(fixture, "prospect"), "profile");
  std::replace(expected.begin(), expected.end(), std::string("CustomMultiSelectField"),
               std::string("Colors"));
  std::replace(expected.begin(), expected.end(), std::string("MyCustom_Field"),
               std::string("Hobby"));
  expected = Without(expected, "MyOtherCustom_Field");
  ASSERT_EQ(expected.size(), 52u);
  EXPECT_EQ(ChildNames(response.body, "prospect"), expected);
  EXPECT_EQ(ChildNames(response.body, "user"), ChildNames(fixture, "user"));
  EXPECT_EQ(ChildNames(response.body, "list_subscription"),
            ChildNames(fixture, "list_subscription"));
  EXPECT_EQ(ChildNames(response.body, "list"), ChildNames(fixture, "list"));
  EXPECT_EQ(ChildNames(response.body, "Colors"),
            (std::vector<std::string>{"value", "value", "value"}));
  EXPECT_EQ(Text(response.body, "did_opt_in"), "false");
  EXPECT_EQ(Text(response.body, "is_public"), "false");
}

TEST(V34Render, EmptyCollectionsAreSelfClosing) {
  auto unit = MakeUnit(false);
  const Prospect& p = AddProspect(*unit, "test@example.com");
  const auto response = Send(*unit, {.path = "read/id/" + std::to_string(p.id)});
  const std::string fixture = ReadFixture("v3v4_prospect_read_full_empty_collections.xml");
  for (const char* empty : {"<visitors/>", "<visitor_activities/>", "<lists/>"}) {
    EXPECT_NE(fixture.find(empty), std::string::npos);
    EXPECT_NE(response.body.find(empty), std::string::npos) << empty;
  }
  EXPECT_NE(response.body.find("<salutation/>"), std::string::npos);
  EXPECT_EQ(response.body.find("<salutation></salutation>"), std::string::npos);
  EXPECT_EQ(response.body.find("<Hobby"), std::string::npos);  // custom fields: omitted empty
  EXPECT_EQ(response.body.find("<assigned_to"), std::string::npos);
  EXPECT_TRUE(response.body.starts_with(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rsp stat=\"ok\" version=\"1.0\">\n"));
  EXPECT_EQ(response.content_type, "text/xml; charset=utf-8");
}

TEST(V34Render, ValuesAsPardotShowsThem) {
  auto unit = MakeUnit(false);
  Prospect& p = AddProspect(*unit, "v@example.com");
  p.values["is_reviewed"] = "true";
  p.values["is_starred"] = "false";
  p.values["zip"] = "02190 ";
  p.values["last_activity_at"] = std::to_string(kNow - 3600);
  p.values["Seats"] = "12";
  const auto xml = Send(*unit, {.path = "read/id/" + std::to_string(p.id)}).body;
  EXPECT_EQ(Text(xml, "is_reviewed"), "1");
  EXPECT_EQ(Text(xml, "is_starred"), "");
  EXPECT_EQ(Text(xml, "zip"), "02190 ");
  EXPECT_EQ(Text(xml, "created_at"), "2023-11-14 17:13:20");
  EXPECT_EQ(Text(xml, "last_activity_at"), "2023-11-14 16:13:20");
  EXPECT_EQ(Text(xml, "score"), "0");
  EXPECT_EQ(Text(xml, "Seats"), "12");
  EXPECT_EQ(Text(xml, "name"), "Campaign 1");
  EXPECT_EQ(Text(xml, "prospect_account_id"), "?");  // shown only when set

  const auto json =
      Json(Send(*unit, {.path = "read/id/" + std::to_string(p.id), .query = {{"format", "json"}}}));
  const auto& prospect = json.at("prospect").as_object();
  EXPECT_TRUE(prospect.at("id").is_int64());
  EXPECT_TRUE(prospect.at("campaign_id").is_int64());
  EXPECT_TRUE(prospect.at("score").is_int64());
  EXPECT_EQ(prospect.at("zip"), boost::json::value("02190 "));
  EXPECT_EQ(prospect.at("Seats"), boost::json::value("12"));  // other values stay strings
  EXPECT_EQ(prospect.at("is_reviewed"), boost::json::value("1"));
  EXPECT_TRUE(prospect.at("is_starred").is_null());
  EXPECT_TRUE(prospect.at("salutation").is_null());
  EXPECT_TRUE(prospect.at("campaign").at("id").is_int64());
  EXPECT_TRUE(prospect.at("lists").is_null());
  EXPECT_EQ(json.at("@attributes"), boost::json::parse(R"({"stat":"ok","version":1})"));
}

TEST(V34Render, JsonMemberOrderFollowsXml) {
  auto unit = MakeUnit(false);
  Prospect& p = AddProspect(*unit, "o@example.com");
  p.multi["Colors"] = {"red"};
  p.values["Hobby"] = "golf";
  p.assigned_user = 1;
  const std::string path = "read/id/" + std::to_string(p.id);
  const auto xml = Send(*unit, {.path = path}).body;
  const auto json = Json(Send(*unit, {.path = path, .query = {{"format", "json"}}}));
  std::vector<std::string> keys;
  for (const auto& member : json.at("prospect").as_object()) {
    keys.emplace_back(member.key());
  }
  EXPECT_EQ(keys, ChildNames(xml, "prospect"));
  // One value of a multi-value field: a scalar, not an array.
  EXPECT_EQ(json.at("prospect").at("Colors"), boost::json::parse(R"({"value":"red"})"));
  EXPECT_TRUE(json.at("prospect").at("assigned_to").at("user").at("id").is_int64());
}

TEST(V34Render, MultiValueFieldIsArrayWithTwoValues) {
  auto unit = MakeUnit(false);
  Prospect& p = AddProspect(*unit, "m@example.com");
  p.multi["Colors"] = {"red", "blue"};
  p.lists[7] = {1, false, false, kNow, kNow};
  p.lists[8] = {2, false, false, kNow, kNow};
  const auto json =
      Json(Send(*unit, {.path = "read/id/" + std::to_string(p.id), .query = {{"format", "json"}}}));
  EXPECT_EQ(json.at("prospect").at("Colors"), boost::json::parse(R"({"value":["red","blue"]})"));
  EXPECT_EQ(json.at("prospect").at("lists").at("list_subscription").as_array().size(), 2u);
}

TEST(V34Render, OutputModes) {
  auto unit = MakeUnit(false);
  Prospect& p = AddProspect(*unit, "modes@example.com");
  p.values["first_name"] = "Ann";
  p.values["Hobby"] = "golf";
  p.assigned_user = 1;
  const std::string path = "read/id/" + std::to_string(p.id);
  const auto simple = Send(*unit, {.path = path, .query = {{"output", "simple"}}}).body;
  auto names = ChildNames(simple, "prospect");
  EXPECT_EQ(names.back(), "Hobby");
  EXPECT_NE(std::find(names.begin(), names.end(), "assigned_to"), names.end());
  EXPECT_EQ(std::find(names.begin(), names.end(), "lists"), names.end());
  const auto mobile = Send(*unit, {.path = path, .query = {{"output", "mobile"}}}).body;
  EXPECT_EQ(ChildNames(mobile, "prospect"),
            (std::vector<std::string>{"id", "first_name", "last_name", "email", "company"}));
  EXPECT_EQ(ErrorCode(Send(*unit, {.path = path, .query = {{"output", "brief"}}})), 5);
}

TEST(V34Tree, ObjectOrArrayAndNulls) {
  TreeNode result = TreeNode::Parent("result");
  EXPECT_EQ(TreeChildrenToJson({result}, false), R"({"result":null})");
  result.Add(TreeNode::Number("total_results", "1"));
  result.Add(TreeNode::Parent("prospect", {TreeNode::Number("id", "7")}));
  EXPECT_EQ(TreeChildrenToJson({result}, false),
            R"({"result":{"total_results":1,"prospect":{"id":7}}})");
  result.Add(TreeNode::Parent("prospect", {TreeNode::Number("id", "08")}));
  EXPECT_EQ(TreeChildrenToJson({result}, false),
            R"({"result":{"total_results":1,"prospect":[{"id":7},{"id":"08"}]}})");
  EXPECT_EQ(TreeToXml(TreeNode::Leaf("a", "x<&>\"y"), 0), "<a>x&lt;&amp;&gt;&quot;y</a>\n");
  EXPECT_EQ(TreeToXml(TreeNode::Parent("b"), 1), "    <b/>\n");
}

}  // namespace
}  // namespace pdc::emulator
