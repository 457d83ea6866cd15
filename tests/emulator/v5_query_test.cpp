// GET /api/v5/objects/prospects: fields, filters, orderBy, limit, offset, deleted and the record
// shapes (pardot-api.md §7.1, §7.2).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <sstream>

#include "tests/emulator/v5_test_support.h"

namespace pdc::emulator {
namespace {

namespace json = boost::json;
using v5test::AddProspect;
using v5test::Call;
using v5test::Fixture;
using v5test::kNow;
using v5test::Request;

json::value Query(BusinessUnit& unit, const std::string& query, int expect_status = 200) {
  const HttpResponse response = Call(unit, Request("GET", query), {});
  EXPECT_EQ(response.status, expect_status) << query << " → " << response.body;
  return json::parse(response.body);
}

std::vector<long long> Ids(const json::value& page) {
  std::vector<long long> ids;
  for (const auto& v : page.at("values").as_array()) ids.push_back(v.at("id").as_int64());
  return ids;
}

class V5QueryTest : public ::testing::Test {
 protected:
  std::unique_ptr<BusinessUnit> unit_ = v5test::MakeUnit();
};

TEST_F(V5QueryTest, MissingFieldsIs13LikeTheFixture) {
  for (const std::string query : {"", "fields=", "fields=%20,", "limit=5"}) {
    const HttpResponse response = Call(*unit_, Request("GET", query), {});
    EXPECT_EQ(response.status, 400) << query;
    EXPECT_EQ(json::serialize(json::parse(response.body)),
              Fixture("v5_error_13_missing_fields_param.json"));
  }
}

TEST_F(V5QueryTest, UnknownFieldIs51NamingIt) {
  for (const std::string name : {"first_name", "Email", "nosuch__c", "campaign.name"}) {
    const json::value error = Query(*unit_, "fields=id," + name, 400);
    EXPECT_EQ(error.at("code"), 51);
    EXPECT_EQ(std::string(error.at("message").as_string()),
              "Invalid parameter: fields. It contains an invalid or unknown field: " + name);
  }
}

TEST_F(V5QueryTest, CustomFieldsPageMatchesTheFixtureByteForByte) {
  unit_->next_id = 55389571;
  Prospect& a = AddProspect(*unit_, "a.alexander@sample.com", kNow);
  a.values["first_name"] = "Athenasius";
  a.values["last_name"] = "Alexander";
  unit_->next_id = 55389574;
  Prospect& b = AddProspect(*unit_, "spidey@test.com", kNow);
  b.values["first_name"] = "Man";
  b.values["last_name"] = "Spider";
  b.values["hobby"] = "";
  unit_->next_id = 64629229;
  Prospect& c = AddProspect(*unit_, "b.loretta@sample.com", kNow);
  c.values["first_name"] = "Loretta";
  c.values["last_name"] = "Burke";
  c.values["hobby"] = "swimming";
  const HttpResponse response =
      Call(*unit_, Request("GET", "fields=id,email,firstName,lastName,biography__c,hobby__c"), {});
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, Fixture("v5_prospects_query_custom_fields.json"));
}

TEST_F(V5QueryTest, EmptyResultIsTheEmptyLastPage) {
  const HttpResponse response = Call(*unit_, Request("GET", "fields=id"), {});
  EXPECT_EQ(response.body, Fixture("v5_query_empty_last_page.json"));
}

TEST_F(V5QueryTest, ValuesHaveRealJsonTypesInRequestedOrder) {
  Prospect& p = AddProspect(*unit_, "typed@example.com", kNow);
  p.values["is_do_not_email"] = "true";
  p.values["is_do_not_call"] = "false";
  p.values["score"] = "42";
  p.values["last_activity_at"] = std::to_string(kNow + 115);
  p.multi["Interests"] = {"golf", "chess"};
  p.assigned_user = 7;
  const json::value page =
      Query(*unit_,
            "fields=updatedAt,id,score,campaignId,isDoNotEmail,isDoNotCall,isStarred,company,"
            "lastActivityAt,createdAt,userId,assignedToId,isDeleted,Interests__c,hobby__c");
  const json::object& record = page.at("values").at(0).as_object();
  std::vector<std::string> keys;
  for (const auto& kv : record) keys.emplace_back(kv.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"updatedAt", "id", "score", "campaignId",
                                            "isDoNotEmail", "isDoNotCall", "isStarred", "company",
                                            "lastActivityAt", "createdAt", "userId", "assignedToId",
                                            "isDeleted", "Interests__c", "hobby__c"}));
  EXPECT_EQ(record.at("updatedAt"), "2025-05-16T11:27:08-07:00");
  EXPECT_EQ(record.at("lastActivityAt"), "2025-05-16T11:29:03-07:00");
  EXPECT_EQ(record.at("id"), p.id);
  EXPECT_EQ(record.at("score"), 42);
  EXPECT_EQ(record.at("campaignId"), 1);
  EXPECT_EQ(record.at("isDoNotEmail"), true);
  EXPECT_EQ(record.at("isDoNotCall"), false);
  EXPECT_EQ(record.at("isStarred"), false);  // never stored
  EXPECT_TRUE(record.at("company").is_null());
  EXPECT_EQ(record.at("userId"), 7);
  EXPECT_EQ(record.at("assignedToId"), 7);
  EXPECT_EQ(record.at("isDeleted"), false);
  EXPECT_EQ(record.at("Interests__c"), json::parse(R"(["golf","chess"])"));
  EXPECT_TRUE(record.at("hobby__c").is_null());
}

TEST_F(V5QueryTest, RepeatedFieldIsReturnedOnce) {
  AddProspect(*unit_, "x@example.com", kNow);
  const json::value page = Query(*unit_, "fields=id,%20email%20,id");
  EXPECT_EQ(page.at("values").at(0).as_object().size(), 2u);
}

class V5FilterTest : public V5QueryTest {
 protected:
  void SetUp() override {
    // ids 1000001..1000006, created an hour apart; the last three have activity.
    for (int i = 0; i < 6; ++i) {
      Prospect& p = AddProspect(*unit_, "p" + std::to_string(i) + "@example.com", kNow + i * 3600);
      if (i >= 3) p.values["last_activity_at"] = std::to_string(kNow + i * 3600 + 60);
      if (i % 2 == 0) p.assigned_user = 7;
    }
  }
};

TEST_F(V5FilterTest, IdOperators) {
  EXPECT_EQ(Ids(Query(*unit_, "fields=id&id=1000002")), (std::vector<long long>{1000002}));
  EXPECT_EQ(Ids(Query(*unit_, "fields=id&idGreaterThan=1000004")),
            (std::vector<long long>{1000005, 1000006}));
  EXPECT_EQ(Ids(Query(*unit_, "fields=id&idGreaterThanOrEqualTo=1000005")),
            (std::vector<long long>{1000005, 1000006}));
  EXPECT_EQ(Ids(Query(*unit_, "fields=id&idLessThan=1000002")), (std::vector<long long>{1000001}));
  EXPECT_EQ(Ids(Query(*unit_, "fields=id&idLessThanOrEqualTo=1000002")),
            (std::vector<long long>{1000001, 1000002}));
}

TEST_F(V5FilterTest, DatetimeOperatorsWithOffsets) {
  // kNow + 3600 is 2025-05-16T12:27:08-07:00 = 2025-05-16T19:27:08Z = ...T21:27:08+02:00.
  EXPECT_EQ(Ids(Query(*unit_, "fields=id&createdAt=2025-05-16T12:27:08-07:00")),
            (std::vector<long long>{1000002}));
  EXPECT_EQ(Ids(Query(*unit_, "fields=id&createdAtAfter=2025-05-16T21:27:08%2B02:00")),
            (std::vector<long long>{1000003, 1000004, 1000005, 1000006}));
  EXPECT_EQ(Ids(Query(*unit_, "fields=id&createdAtAfterOrEqualTo=2025-05-16T19:27:08Z")),
            (std::vector<long long>{1000002, 1000003, 1000004, 1000005, 1000006}));
  EXPECT_EQ(Ids(Query(*unit_, "fields=id&updatedAtBefore=2025-05-16T12:27:08-07:00")),
            (std::vector<long long>{1000001}));
  EXPECT_EQ(Ids(Query(*unit_, "fields=id&updatedAtBeforeOrEqualTo=2025-05-16T12:27:08-07:00")),
            (std::vector<long long>{1000001, 1000002}));
  // Prospects without activity never match an activity filter.
  EXPECT_EQ(Ids(Query(*unit_, "fields=id&lastActivityAtBefore=2030-01-01T00:00:00Z")),
            (std::vector<long long>{1000004, 1000005, 1000006}));
  EXPECT_EQ(Ids(Query(*unit_, "fields=id&lastActivityAtAfter=2025-05-16T15:28:08-07:00")),
            (std::vector<long long>{1000006}));
}

TEST_F(V5FilterTest, UnencodedPlusFailsCleanly) {
  const json::value error =
      Query(*unit_, "fields=id&createdAtAfter=2025-05-16T21:27:08+02:00", 400);
  EXPECT_EQ(error.at("code"), 51);
  EXPECT_NE(error.at("message").as_string().find("createdAtAfter"), json::string::npos);
  EXPECT_EQ(Query(*unit_, "fields=id&idGreaterThan=abc", 400).at("code"), 51);
  EXPECT_EQ(Query(*unit_, "fields=id&updatedAt=yesterday", 400).at("code"), 51);
}

TEST_F(V5FilterTest, UserAndAssignedToIdAndEmail) {
  EXPECT_EQ(Ids(Query(*unit_, "fields=id&userId=7")),
            (std::vector<long long>{1000001, 1000003, 1000005}));
  EXPECT_EQ(
      Ids(Query(*unit_, "fields=id&assignedToIdGreaterThanOrEqualTo=7&idGreaterThan=1000001")),
      (std::vector<long long>{1000003, 1000005}));
  EXPECT_EQ(Ids(Query(*unit_, "fields=id&assignedToIdLessThan=7")), (std::vector<long long>{}));
  EXPECT_EQ(Ids(Query(*unit_, "fields=id&email=p4%40example.com")),
            (std::vector<long long>{1000005}));
  // Not AMPSEA: an address names one prospect whatever its case.
  EXPECT_EQ(Ids(Query(*unit_, "fields=id&email=P4%40Example.com")),
            (std::vector<long long>{1000005}));
}

TEST_F(V5FilterTest, EmailIsExactOnAmpsea) {
  auto unit = v5test::MakeUnit(/*ampsea=*/true);
  AddProspect(*unit, "same@example.com", kNow);
  AddProspect(*unit, "same@example.com", kNow);
  AddProspect(*unit, "Same@example.com", kNow);
  EXPECT_EQ(Ids(Query(*unit, "fields=id&email=same@example.com")),
            (std::vector<long long>{1000001, 1000002}));
}

TEST_F(V5FilterTest, FiltersCombineAndAtMostThreeFields) {
  EXPECT_EQ(Ids(Query(*unit_,
                      "fields=id&idGreaterThan=1000001&idLessThan=1000006&userId=7&"
                      "createdAtAfterOrEqualTo=2025-05-16T13:27:08-07:00")),
            (std::vector<long long>{1000003, 1000005}));
  const json::value error = Query(*unit_,
                                  "fields=id&idGreaterThan=1&userId=7&email=a%40b.co&"
                                  "updatedAtAfter=2020-01-01T00:00:00Z",
                                  400);
  EXPECT_EQ(error.at("code"), 209);
}

TEST_F(V5FilterTest, OrderBy) {
  EXPECT_EQ(Ids(Query(*unit_, "fields=id&orderBy=createdAt%20DESC")),
            (std::vector<long long>{1000006, 1000005, 1000004, 1000003, 1000002, 1000001}));
  unit_->prospects[1000002].values["updated_at"] = std::to_string(kNow + 100000);
  unit_->prospects[1000004].values["updated_at"] = std::to_string(kNow + 100000);
  EXPECT_EQ(Ids(Query(*unit_, "fields=id&orderBy=updatedAt+desc,id+DESC")),
            (std::vector<long long>{1000004, 1000002, 1000006, 1000005, 1000003, 1000001}));
  EXPECT_EQ(Ids(Query(*unit_, "fields=id&orderBy=updatedAt")),
            (std::vector<long long>{1000001, 1000003, 1000005, 1000006, 1000002, 1000004}));
  // Empty activity sorts first ascending.
  EXPECT_EQ(Ids(Query(*unit_, "fields=id&orderBy=lastActivityAt%20DESC")),
            (std::vector<long long>{1000006, 1000005, 1000004, 1000001, 1000002, 1000003}));
  for (const std::string bad : {"email", "id%20UP", "id,id", "id%20ASC%20x", "id,,createdAt"}) {
    const json::value error = Query(*unit_, "fields=id&orderBy=" + bad, 400);
    EXPECT_EQ(error.at("code"), 51) << bad;
    EXPECT_NE(error.at("message").as_string().find("orderBy"), json::string::npos);
  }
}

TEST_F(V5FilterTest, DeletedTriState) {
  unit_->prospects[1000002].deleted = true;
  EXPECT_EQ(Ids(Query(*unit_, "fields=id&idLessThan=1000004")),
            (std::vector<long long>{1000001, 1000003}));
  EXPECT_EQ(Ids(Query(*unit_, "fields=id&idLessThan=1000004&deleted=false")),
            (std::vector<long long>{1000001, 1000003}));
  EXPECT_EQ(Ids(Query(*unit_, "fields=id,isDeleted&deleted=true")),
            (std::vector<long long>{1000002}));
  EXPECT_EQ(Query(*unit_, "fields=isDeleted&deleted=true").at("values").at(0).at("isDeleted"),
            true);
  EXPECT_EQ(Ids(Query(*unit_, "fields=id&idLessThan=1000004&deleted=all")),
            (std::vector<long long>{1000001, 1000002, 1000003}));
  EXPECT_EQ(Query(*unit_, "fields=id&deleted=yes", 400).at("code"), 51);
}

TEST_F(V5FilterTest, LimitAndOffset) {
  for (int i = 0; i < 250; ++i) AddProspect(*unit_, "bulk@example.com", kNow);
  EXPECT_EQ(Query(*unit_, "fields=id").at("values").as_array().size(), 200u);
  EXPECT_EQ(Query(*unit_, "fields=id&limit=1000").at("values").as_array().size(), 256u);
  for (const std::string bad : {"0", "1001", "-1", "ten", ""}) {
    EXPECT_EQ(Query(*unit_, "fields=id&limit=" + bad, 400).at("code"), 51) << bad;
  }
  EXPECT_EQ(Ids(Query(*unit_, "fields=id&offset=2&limit=2")),
            (std::vector<long long>{1000003, 1000004}));
  EXPECT_EQ(Query(*unit_, "fields=id&offset=2001", 400).at("code"), 51);
}

TEST_F(V5FilterTest, UnknownParameterIs51) {
  const json::value error = Query(*unit_, "fields=id&createdAtSince=2020-01-01", 400);
  EXPECT_EQ(error.at("code"), 51);
  EXPECT_NE(error.at("message").as_string().find("createdAtSince"), json::string::npos);
}

}  // namespace
}  // namespace pdc::emulator
