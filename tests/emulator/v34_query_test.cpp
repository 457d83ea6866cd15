// do/query: parameters, errors, paging, sorting, output modes and the object-or-array rule.
#include <gtest/gtest.h>

#include "tests/emulator/v34_query_spec.h"
#include "tests/emulator/v34_test_support.h"

namespace pdc::emulator {
namespace {

using namespace v34test;
namespace json = boost::json;

class V34Query : public ::testing::Test {
 protected:
  // Five prospects, created one hour apart (the first is the oldest).
  void SetUp() override {
    for (int i = 0; i < 5; ++i) {
      Prospect& p = AddProspect(*unit_, "p" + std::to_string(i) + "@example.com", (5 - i) * 3600LL);
      ids_.push_back(p.id);
    }
  }

  HttpResponse Query(Params query) { return Send(*unit_, {.path = "query", .query = query}); }
  json::value JsonQuery(Params query) {
    query.emplace_back("format", "json");
    return Json(Query(query));
  }
  // The ids of the JSON result's prospects, whatever the object-or-array shape.
  std::vector<long long> Ids(const json::value& body) {
    std::vector<long long> ids;
    const auto& result = body.at("result");
    if (result.is_null() || !result.as_object().contains("prospect")) return ids;
    const auto& prospect = result.at("prospect");
    if (prospect.is_object()) return {prospect.at("id").as_int64()};
    for (const auto& p : prospect.as_array()) ids.push_back(p.at("id").as_int64());
    return ids;
  }

  long long Resolve(const char* keyword) { return *ResolveV34Time(*unit_, kNow, keyword); }

  std::unique_ptr<BusinessUnit> unit_ = MakeUnit(false);
  std::vector<long long> ids_;
};

TEST_F(V34Query, ZeroOneTwoResults) {
  auto none = JsonQuery({{"id_greater_than", std::to_string(ids_[4])}});
  EXPECT_EQ(none.at("result"), json::parse(R"({"total_results":0})"));
  auto one = JsonQuery({{"id_greater_than", std::to_string(ids_[3])}});
  EXPECT_TRUE(one.at("result").at("prospect").is_object());
  EXPECT_EQ(one.at("result").at("total_results"), json::value(1));
  auto two = JsonQuery({{"id_greater_than", std::to_string(ids_[2])}});
  EXPECT_EQ(two.at("result").at("prospect").as_array().size(), 2u);

  const std::string xml = Query({{"id_greater_than", std::to_string(ids_[4])}}).body;
  EXPECT_NE(xml.find("<result>\n        <total_results>0</total_results>\n    </result>"),
            std::string::npos)
      << xml;
}

TEST_F(V34Query, DefaultOrderIsNewestFirst) {
  EXPECT_EQ(Ids(JsonQuery({})),
            (std::vector<long long>{ids_[4], ids_[3], ids_[2], ids_[1], ids_[0]}));
}

TEST_F(V34Query, SortKeysAndOrders) {
  EXPECT_EQ(Ids(JsonQuery({{"sort_by", "id"}})).front(), ids_[0]);
  EXPECT_EQ(Ids(JsonQuery({{"sort_by", "id"}, {"sort_order", "descending"}})).front(), ids_[4]);
  EXPECT_EQ(Ids(JsonQuery({{"sort_by", "created_at"}, {"sort_order", "ascending"}})).front(),
            ids_[0]);
  unit_->prospects[ids_[1]].values["updated_at"] = std::to_string(kNow);
  EXPECT_EQ(Ids(JsonQuery({{"sort_by", "updated_at"}})).front(), ids_[1]);
  unit_->prospects[ids_[2]].values["last_activity_at"] = std::to_string(kNow);
  EXPECT_EQ(Ids(JsonQuery({{"sort_by", "last_activity_at"}})).front(), ids_[2]);
  EXPECT_EQ(ErrorCode(Query({{"sort_by", "probability"}})), 19);
  EXPECT_EQ(ErrorCode(Query({{"sort_order", "up"}})), 20);
}

TEST_F(V34Query, PagingByIdGreaterThan) {
  std::vector<long long> seen;
  long long mark = 0;
  for (int page = 0; page < 10; ++page) {
    const auto ids = Ids(JsonQuery({{"output", "bulk"},
                                    {"sort_by", "id"},
                                    {"sort_order", "ascending"},
                                    {"limit", "2"},
                                    {"id_greater_than", std::to_string(mark)}}));
    seen.insert(seen.end(), ids.begin(), ids.end());
    if (ids.size() < 2) break;
    mark = ids.back();
  }
  EXPECT_EQ(seen, ids_);
}

TEST_F(V34Query, LimitAndOffset) {
  auto page = JsonQuery({{"sort_by", "id"}, {"limit", "2"}, {"offset", "3"}});
  EXPECT_EQ(Ids(page), (std::vector<long long>{ids_[3], ids_[4]}));
  EXPECT_EQ(page.at("result").at("total_results"), json::value(5));  // before paging
  EXPECT_EQ(ErrorCode(Query({{"limit", "201"}})), 23);
  EXPECT_EQ(ErrorCode(Query({{"limit", "many"}})), 23);
  EXPECT_EQ(ErrorCode(Query({{"limit", "0"}})), 23);
  EXPECT_EQ(ErrorCode(Query({{"limit", "500"}, {"output", "mobile"}})), 0);  // no cap
  EXPECT_EQ(ErrorCode(Query({{"offset", "x"}})), 21);
  EXPECT_EQ(ErrorCode(Query({{"offset", "-1"}})), 21);
}

TEST_F(V34Query, BulkHasNoTotalAndNullWhenEmpty) {
  auto bulk = JsonQuery({{"output", "bulk"}, {"limit", "1"}});
  EXPECT_FALSE(bulk.at("result").as_object().contains("total_results"));
  EXPECT_TRUE(bulk.at("result").at("prospect").is_object());
  EXPECT_FALSE(bulk.at("result").at("prospect").as_object().contains("campaign"));
  EXPECT_TRUE(bulk.at("result").at("prospect").as_object().contains("prospect_account_id"));
  auto empty = JsonQuery({{"output", "bulk"}, {"id_greater_than", "99999999"}});
  EXPECT_TRUE(empty.at("result").is_null());
  EXPECT_NE(Query({{"output", "bulk"}, {"id_greater_than", "99999999"}}).body.find("<result/>"),
            std::string::npos);
}

TEST_F(V34Query, NeverShowsCollections) {
  unit_->prospects[ids_[0]].lists[5] = {1, false, false, kNow, kNow};
  const std::string xml = Query({}).body;
  EXPECT_EQ(xml.find("<lists"), std::string::npos);
  EXPECT_EQ(xml.find("<visitors"), std::string::npos);
  EXPECT_NE(xml.find("<campaign>"), std::string::npos);
}

TEST_F(V34Query, FieldsParam) {
  auto body = JsonQuery({{"fields", "email, Hobby"}, {"limit", "1"}});
  const auto& p = body.at("result").at("prospect").as_object();
  EXPECT_TRUE(p.contains("id"));
  EXPECT_TRUE(p.contains("email"));
  EXPECT_FALSE(p.contains("first_name"));
  EXPECT_EQ(ErrorCode(Query({{"fields", "email,nickname"}})), 5);
}

TEST_F(V34Query, UnknownParametersAreRefusedEvenMixed) {
  EXPECT_EQ(ErrorCode(Query({{"colour", "red"}})), 5);
  EXPECT_EQ(ErrorCode(Query({{"limit", "5"}, {"colour", "red"}})), 5);
  EXPECT_EQ(ErrorCode(Query({{"output", "huge"}})), 5);
  EXPECT_EQ(ErrorCode(Query({{"limit_related_records", "true"}})), 5);  // a read parameter
}

TEST_F(V34Query, IdRange) {
  EXPECT_EQ(ErrorCode(Query({{"id_greater_than", "abc"}})), 16);
  EXPECT_EQ(ErrorCode(Query({{"id_less_than", "1.5"}})), 16);
  EXPECT_EQ(ErrorCode(Query({{"id_greater_than", "10"}, {"id_less_than", "5"}})), 17);
  auto both = JsonQuery(
      {{"id_greater_than", std::to_string(ids_[0])}, {"id_less_than", std::to_string(ids_[2])}});
  EXPECT_EQ(Ids(both), (std::vector<long long>{ids_[1]}));
}

TEST_F(V34Query, DeletedSelectsTheRecycleBin) {
  unit_->prospects[ids_[2]].deleted = true;
  EXPECT_EQ(Ids(JsonQuery({{"deleted", "true"}})), (std::vector<long long>{ids_[2]}));
  EXPECT_EQ(Ids(JsonQuery({{"deleted", "false"}})).size(), 4u);
  EXPECT_EQ(Ids(JsonQuery({})).size(), 4u);
  EXPECT_EQ(ErrorCode(Query({{"deleted", "yes"}})), 27);
}

TEST_F(V34Query, TimeBounds) {
  // Created at 12:13:20 .. 16:13:20 New York time on 2023-11-14.
  EXPECT_EQ(Ids(JsonQuery({{"created_after", "2023-11-14 15:00:00"}})),
            (std::vector<long long>{ids_[4], ids_[3]}));
  EXPECT_EQ(Ids(JsonQuery({{"created_before", "2023-11-14 13:00:00"}})),
            (std::vector<long long>{ids_[0]}));
  EXPECT_EQ(Ids(JsonQuery({{"created_after", "today"}})).size(), 5u);
  EXPECT_EQ(Ids(JsonQuery({{"created_before", "today"}})).size(), 0u);
  EXPECT_EQ(Ids(JsonQuery({{"created_after", "yesterday"}, {"created_before", "today"}})).size(),
            0u);
  for (const char* keyword : {"last_7_days", "this_month", "last_month"}) {
    EXPECT_EQ(Ids(JsonQuery({{"updated_after", keyword}})).size(), 5u) << keyword;
  }
  EXPECT_EQ(ErrorCode(Query({{"created_after", "next tuesday"}})), 7);
  EXPECT_EQ(ErrorCode(Query({{"updated_before", "2023-13-01"}})), 7);
  EXPECT_EQ(ErrorCode(Query({{"created_after", "2023-11-15"}, {"created_before", "2023-11-14"}})),
            8);
  EXPECT_EQ(
      ErrorCode(Query({{"last_activity_after", "today"}, {"last_activity_before", "yesterday"}})),
      8);
}

TEST_F(V34Query, TimeKeywordsAreLocalMidnights) {
  const long long midnight = *unit_->ParseTime("2023-11-14");
  EXPECT_EQ(Resolve("today"), midnight);
  EXPECT_EQ(Resolve("yesterday"), *unit_->ParseTime("2023-11-13"));
  EXPECT_EQ(Resolve("last_7_days"), *unit_->ParseTime("2023-11-07"));
  EXPECT_EQ(Resolve("this_month"), *unit_->ParseTime("2023-11-01"));
  EXPECT_EQ(Resolve("last_month"), *unit_->ParseTime("2023-10-01"));
}

TEST_F(V34Query, OtherCriteria) {
  Prospect& a = unit_->prospects[ids_[0]];
  a.assigned_user = 2332;
  a.values["is_starred"] = "true";
  a.values["score"] = "50";
  a.values["grade"] = "B+";
  a.lists[9] = {1, false, false, kNow, kNow};
  Prospect& b = unit_->prospects[ids_[1]];
  b.values["last_activity_at"] = std::to_string(kNow - 60);
  const std::vector<long long> only_a{ids_[0]};
  EXPECT_EQ(Ids(JsonQuery({{"assigned", "true"}})), only_a);
  EXPECT_EQ(Ids(JsonQuery({{"assigned_to_user", "sales.user@example.com"}})), only_a);
  EXPECT_EQ(Ids(JsonQuery({{"assigned_to_user", "2332"}, {"assigned", "false"}})), only_a);
  EXPECT_EQ(Ids(JsonQuery({{"is_starred", "true"}})), only_a);
  EXPECT_EQ(Ids(JsonQuery({{"list_id", "9"}})), only_a);
  EXPECT_EQ(Ids(JsonQuery({{"score_greater_than", "10"}})), only_a);
  EXPECT_EQ(Ids(JsonQuery({{"grade_greater_than", "B"}, {"grade_less_than", "A"}})), only_a);
  EXPECT_EQ(Ids(JsonQuery({{"new", "true"}})), (std::vector<long long>{ids_[1]}));
  EXPECT_EQ(Ids(JsonQuery({{"last_activity_never", "true"}})).size(), 4u);
  EXPECT_EQ(ErrorCode(Query({{"is_starred", "1"}})), 25);
  EXPECT_EQ(ErrorCode(Query({{"assigned", "maybe"}})), 26);
  EXPECT_EQ(ErrorCode(Query({{"new", "no"}})), 28);
  EXPECT_EQ(ErrorCode(Query({{"assigned_to_user", "99"}})), 10);
  EXPECT_EQ(ErrorCode(Query({{"assigned_to_user", "nobody@example.com"}})), 11);
  EXPECT_EQ(ErrorCode(Query({{"list_id", "x"}})), 55);
  EXPECT_EQ(ErrorCode(Query({{"score_equal_to", "ten"}})), 29);
  EXPECT_EQ(ErrorCode(Query({{"score_greater_than", "10"}, {"score_less_than", "5"}})), 30);
  EXPECT_EQ(ErrorCode(Query({{"score_equal_to", "1"}, {"score_less_than", "5"}})), 31);
  EXPECT_EQ(ErrorCode(Query({{"grade_equal_to", "A "}})), 32);  // an unencoded '+'
  EXPECT_EQ(ErrorCode(Query({{"grade_greater_than", "A"}, {"grade_less_than", "C"}})), 33);
  EXPECT_EQ(ErrorCode(Query({{"grade_equal_to", "A"}, {"grade_less_than", "A+"}})), 34);
}

TEST_F(V34Query, PostWorksLikeGet) {
  auto response = Send(
      *unit_, {.method = "POST", .path = "query", .form = {{"format", "json"}, {"limit", "1"}}});
  EXPECT_EQ(ErrorCode(response), 0);
  EXPECT_EQ(response.content_type, "application/json");
  EXPECT_EQ(Json(response).at("result").at("total_results"), json::value(5));
}

TEST_F(V34Query, AmpseaUnitOnVersion4) {
  auto unit = MakeUnit(true);
  AddProspect(*unit, "same@example.com");
  AddProspect(*unit, "same@example.com");
  auto body = Json(Send(*unit, {.path = "query", .query = {{"format", "json"}}}));
  EXPECT_EQ(body.at("result").at("prospect").as_array().size(), 2u);
}

}  // namespace
}  // namespace pdc::emulator
