#include "pipeline/pardot/decode.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "pipeline/pardot/field_map.h"
#include "tests/pardot/fixture.h"

namespace pdc::pardot {
namespace {

std::string Text(const Record& r, const char* field) { return r.Get(InternField(field)).text(); }

TEST(DecodeTest, V34ObjectOrArrayOrNothing) {
  auto many = DecodeV34Query(
      R"({"@attributes":{"stat":"ok","version":1},"result":{"prospect":[{"id":5,"email":"a@b.c","score":12},{"id":"7","first_name":null,"Hobbies":{"value":["a","b"]},"campaign":{"id":1,"name":"x"}}]}})");
  ASSERT_TRUE(many.ok()) << many.status().message();
  ASSERT_EQ(many->records.size(), 2u);
  EXPECT_EQ(many->records[0].id(), "5");
  EXPECT_EQ(Text(many->records[0], "score"), "12");
  EXPECT_EQ(many->records[1].id(), "7");
  EXPECT_TRUE(many->records[1].Get(InternField("first_name")).is_null());
  EXPECT_EQ(many->records[1].Get(InternField("Hobbies")), Value::List({"a", "b"}));
  EXPECT_EQ(many->records[1].Find(InternField("campaign")), nullptr);  // relationship, not a field
  EXPECT_EQ(many->max_id, 7);

  auto one = DecodeV34Query(
      R"({"@attributes":{"stat":"ok","version":1},"result":{"total_results":1,"prospect":{"id":9,"Hobbies":{"value":"chess"}}}})");
  ASSERT_TRUE(one.ok());
  ASSERT_EQ(one->records.size(), 1u);
  EXPECT_EQ(one->records[0].Get(InternField("Hobbies")), Value::List({"chess"}));

  auto none =
      DecodeV34Query(R"({"@attributes":{"stat":"ok","version":1},"result":{"total_results":0}})");
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->records.empty());
  auto bulk_none = DecodeV34Query(R"({"@attributes":{"stat":"ok","version":1},"result":null})");
  ASSERT_TRUE(bulk_none.ok());
  EXPECT_TRUE(bulk_none->records.empty());
}

TEST(DecodeTest, V34TotalResultsAsNumberOrStringAndNoneInBulkOutput) {
  auto counted = DecodeV34Query(
      R"({"@attributes":{"stat":"ok","version":1},"result":{"total_results":1234,"prospect":{"id":9}}})");
  ASSERT_TRUE(counted.ok());
  EXPECT_EQ(counted->total, 1234);
  auto as_text = DecodeV34Query(
      R"({"@attributes":{"stat":"ok","version":1},"result":{"total_results":"56"}})");
  ASSERT_TRUE(as_text.ok());
  EXPECT_EQ(as_text->total, 56);
  auto bulk =
      DecodeV34Query(R"({"@attributes":{"stat":"ok","version":1},"result":{"prospect":{"id":9}}})");
  ASSERT_TRUE(bulk.ok());
  EXPECT_EQ(bulk->total, std::nullopt);
}

TEST(DecodeTest, V34ErrorsAndJunkNameWhatWasFound) {
  auto error = DecodeV34Query(Fixture("v3v4_json_error_15_login_failed.json"));
  ASSERT_FALSE(error.ok());
  EXPECT_NE(error.status().message().find("Pardot error 15: Login failed"), std::string::npos);
  auto html = DecodeV34Query("<html><body>Service Unavailable</body></html>");
  ASSERT_FALSE(html.ok());
  EXPECT_NE(html.status().message().find("Service Unavailable"), std::string::npos);
  EXPECT_FALSE(DecodeV34Query(R"({"result":{"prospect":[{"email":"no id"}]}})").ok());
}

TEST(DecodeTest, V5PagesFromFixtures) {
  Response response;
  response.status = 200;
  response.body = Fixture("v5_prospects_query_custom_fields.json");
  auto page = DecodeV5Page(response);
  ASSERT_TRUE(page.ok()) << page.status().message();
  ASSERT_EQ(page->records.size(), 3u);
  EXPECT_EQ(Text(page->records[0], "first_name"), "Athenasius");
  EXPECT_TRUE(page->records[0].Get(InternField("hobby")).is_null());
  EXPECT_EQ(Text(page->records[2], "hobby"), "swimming");
  EXPECT_FALSE(page->next_token);
  EXPECT_EQ(page->max_id, 64629229);

  response.body = Fixture("v5_query_page_with_next_token.json");
  response.headers = {{"pardot-warning",
                       "203;Record count for nextPageToken sequence has been exceeded. No page "
                       "token returned."}};
  page = DecodeV5Page(response);
  ASSERT_TRUE(page.ok());
  ASSERT_TRUE(page->next_token);
  EXPECT_EQ(page->next_token->substr(0, 10), "eyJvcmRlck");
  EXPECT_TRUE(page->sequence_capped);

  response.body = Fixture("v5_query_empty_last_page.json");
  response.headers.clear();
  page = DecodeV5Page(response);
  ASSERT_TRUE(page.ok());
  EXPECT_TRUE(page->records.empty());

  response.body = Fixture("v5_error_13_missing_fields_param.json");
  page = DecodeV5Page(response);
  ASSERT_FALSE(page.ok());
  EXPECT_NE(page.status().message().find("Pardot error 13"), std::string::npos);
}

TEST(DecodeTest, V5RecordAndNames) {
  auto record = DecodeV5Record(Fixture("v5_prospect_create_response.json"));
  ASSERT_TRUE(record.ok());
  EXPECT_EQ(record->id(), "55434583");
  EXPECT_EQ(Text(*record, "last_name"), "Alexander");
  EXPECT_EQ(ToV5Name("crm_lead_fid"), "salesforceLeadId");
  EXPECT_EQ(FromV5Name("salesforceLeadId"), "crm_lead_fid");
  EXPECT_EQ(ToV5Name("Hobby"), "Hobby__c");
  EXPECT_EQ(FromV5Name("Hobby__c"), "Hobby");
  EXPECT_TRUE(IsReadOnlyField("grade", 4));
  EXPECT_TRUE(IsReadOnlyField("opted_out", 4));
  EXPECT_FALSE(IsReadOnlyField("opted_out", 5));
  EXPECT_FALSE(IsReadOnlyField("Hobby", 5));
}

}  // namespace
}  // namespace pdc::pardot
