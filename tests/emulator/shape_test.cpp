// The shape comparer of shape.h, on the recorded fixtures and altered copies of them: values
// may change, types, keys, element order, attributes and emptiness may not.
#include "tests/emulator/shape.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace pdc::emulator::testing {
namespace {

namespace json = boost::json;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(PDC_SOURCE_DIR) + "/tests/emulator/fixtures/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// `text` with its first `from` replaced by `to`; fails the test when `from` is not there.
std::string Replace(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

class JsonShapeTest : public ::testing::Test {
 protected:
  std::vector<std::string> Against(const std::string& altered) {
    return JsonShapeDifferences(json::parse(original_), json::parse(altered));
  }
  const std::string original_ = Fixture("v5_prospects_query_custom_fields.json");
};

TEST_F(JsonShapeTest, OtherValuesOfTheSameTypesAgree) {
  EXPECT_THAT(Against(original_), IsEmpty());
  std::string altered = Replace(original_, "55389571", "1");
  altered = Replace(altered, "\"swimming\"", "\"chess\"");
  EXPECT_THAT(Against(altered), IsEmpty());
}

TEST_F(JsonShapeTest, TypesKeysAndLengthsMustAgree) {
  EXPECT_THAT(Against(Replace(original_, "\"hobby__c\": null", "\"hobby__c\": \"x\"")),
              ElementsAre("$.values[0].hobby__c: expected null, got string"));
  EXPECT_THAT(Against(Replace(original_, "55389571", "\"55389571\"")),
              ElementsAre("$.values[0].id: expected number, got string"));
  EXPECT_THAT(Against(Replace(original_, "\"nextPageUrl\": null,", "")),
              ElementsAre("$: missing key \"nextPageUrl\""));
  EXPECT_THAT(Against(Replace(original_, "\"nextPageToken\": null,",
                              "\"nextPageToken\": null, "
                              "\"extra\": 1,")),
              ElementsAre("$: unexpected key \"extra\""));
  const std::string two_records = R"({"nextPageToken":null,"nextPageUrl":null,"values":[)"
                                  R"({"id":1,"email":"a","firstName":"b","lastName":"c",)"
                                  R"("biography__c":null,"hobby__c":null},)"
                                  R"({"id":2,"email":"a","firstName":"b","lastName":"c",)"
                                  R"("biography__c":null,"hobby__c":null}]})";
  EXPECT_THAT(Against(two_records), ElementsAre("$.values: expected 3 elements, got 2"));
}

class XmlShapeTest : public ::testing::Test {
 protected:
  std::vector<std::string> Against(const std::string& altered,
                                   const XmlShapeOptions& options = {}) {
    const auto expected = ParseXmlTree(original_);
    const auto actual = ParseXmlTree(altered);
    EXPECT_TRUE(expected && actual);
    if (!expected || !actual) return {"not well-formed"};
    return XmlShapeDifferences(*expected, *actual, options);
  }
  const std::string original_ = Fixture("v3v4_prospect_query_full.xml");
};

TEST_F(XmlShapeTest, OtherValuesAndEitherEmptyFormAgree) {
  EXPECT_THAT(Against(original_), IsEmpty());
  std::string altered = Replace(original_, "<zip>02190 </zip>", "<zip>75001</zip>");
  altered = Replace(altered, "<is_starred></is_starred>", "<is_starred/>");
  altered = Replace(altered, "<salutation/>", "<salutation></salutation>");
  EXPECT_THAT(Against(altered), IsEmpty());
}

TEST_F(XmlShapeTest, OrderAttributesAndEmptinessMustAgree) {
  EXPECT_THAT(Against(Replace(original_, "<grade>A+</grade>", "<grade/>")),
              ElementsAre("rsp/result/prospect/grade: expected a value like \"A+\", got none"));
  EXPECT_THAT(
      Against(Replace(original_, "<is_starred></is_starred>", "<is_starred>1</is_starred>")),
      ElementsAre("rsp/result/prospect/is_starred: expected an empty element, got \"1\""));
  EXPECT_THAT(Against(Replace(original_, "stat=\"ok\"", "stat=\"fail\"")),
              ElementsAre("rsp: attributes stat=\"ok\" version=\"1.0\" expected, got "
                          "stat=\"fail\" version=\"1.0\""));
  const auto swapped =
      Against(Replace(original_, "<salutation/>\n            <first_name>Else</first_name>",
                      "<first_name>Else</first_name>\n<salutation/>"));
  ASSERT_EQ(swapped.size(), 1u);
  EXPECT_THAT(swapped[0], ::testing::StartsWith("rsp/result/prospect: children [id campaign_id "
                                                "salutation first_name"));
  const auto dropped = Against(Replace(original_, "<fax/>", ""));
  ASSERT_EQ(dropped.size(), 1u);
  EXPECT_THAT(dropped[0], ::testing::HasSubstr("phone fax source"));
}

TEST_F(XmlShapeTest, SkippedPathsAndUnknownValues) {
  const std::string no_campaign =
      Replace(original_,
              "<campaign>\n                <id>893</id>\n                "
              "<name>Database Mining</name>\n            </campaign>",
              "");
  EXPECT_THAT(Against(no_campaign), ::testing::SizeIs(1));
  XmlShapeOptions skip;
  skip.skipped = {"rsp/result/prospect/campaign"};
  EXPECT_THAT(Against(no_campaign, skip), IsEmpty());

  const std::string no_grade = Replace(original_, "<grade>A+</grade>", "<grade/>");
  XmlShapeOptions unknown;
  unknown.unknown_values = {"rsp/result/prospect/grade"};
  EXPECT_THAT(Against(no_grade, unknown), IsEmpty());
  // An empty fixture leaf still wants an empty answer there.
  unknown.unknown_values.insert("rsp/result/prospect/fax");
  EXPECT_THAT(Against(Replace(original_, "<fax/>", "<fax>1</fax>"), unknown), ::testing::SizeIs(1));
}

TEST(XmlTreeTest, ReadsElementsAttributesAndText) {
  const auto tree = ParseXmlTree(Fixture("v3v4_error_184_invalid_access_token.xml"));
  ASSERT_TRUE(tree);
  EXPECT_EQ(tree->name, "rsp");
  const XmlNode* err = tree->Find("err");
  ASSERT_NE(err, nullptr);
  EXPECT_EQ(err->attributes, (decltype(err->attributes){{"code", "184"}}));
  EXPECT_EQ(err->text, "access_token is invalid, unknown, or malformed");
  EXPECT_EQ(tree->text, "");  // blanks between elements are not text
}

TEST(XmlTreeTest, RejectsDocumentsThatAreNotWellFormed) {
  EXPECT_FALSE(ParseXmlTree("<rsp><a></b></rsp>"));
  EXPECT_FALSE(ParseXmlTree("<rsp><a>"));
  EXPECT_FALSE(ParseXmlTree("<rsp/><rsp/>"));
  EXPECT_FALSE(ParseXmlTree("<rsp stat=ok/>"));
  EXPECT_FALSE(ParseXmlTree(""));
  EXPECT_TRUE(ParseXmlTree("<?xml version=\"1.0\"?>\n<rsp stat='ok'><a/></rsp>\n"));
}

}  // namespace
}  // namespace pdc::emulator::testing
