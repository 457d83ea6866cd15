// Visitor activities: generation from the seed (activities.h), the v3/v4 visitorActivity query
// and read with the object-or-array quirk in JSON and XML, the v5 visitor-activities collection
// with its paging, and the admin routes and stats over loopback against the real binary.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "tests/emulator/activities.h"
#include "tests/emulator/test_client.h"
#include "tests/emulator/v34_test_support.h"
#include "tests/emulator/v5_test_support.h"

namespace pdc::emulator {
namespace {

namespace json = boost::json;
using v34test::ChildNames;
using v34test::ErrorCode;
using v34test::kNow;

// A v3 (or v4 on an AMPSEA unit) visitorActivity call: `path` after ".../do/", `query` decoded.
HttpResponse V34(BusinessUnit& unit, const std::string& path, const Params& query,
                 const std::string& method = "GET") {
  HttpRequest request;
  request.method = method;
  request.raw_path = "/api/visitorActivity/version/3/do/" + path;
  request.path = request.raw_path;
  request.query = query;
  const std::vector<std::string> all = PathSegments(request.raw_path);
  const std::vector<std::string> segments(all.begin() + 5, all.end());
  return HandleV34VisitorActivity(request, unit, 3, segments, kNow);
}

json::value V34Json(BusinessUnit& unit, Params query) {
  query.emplace_back("format", "json");
  const HttpResponse response = V34(unit, "query", query);
  EXPECT_EQ(ErrorCode(response), 0) << response.body;
  return json::parse(response.body);
}

// The ids of a JSON query result, whether `visitor_activity` is an object or an array.
std::vector<long long> ResultIds(const json::value& body) {
  std::vector<long long> ids;
  const json::value* rows = body.at("result").as_object().if_contains("visitor_activity");
  if (rows == nullptr) return ids;
  if (rows->is_object()) return {rows->at("id").as_int64()};
  for (const auto& row : rows->as_array()) ids.push_back(row.at("id").as_int64());
  return ids;
}

HttpResponse V5(BusinessUnit& unit, const std::string& query,
                const std::vector<std::string>& segments = {}) {
  return HandleV5VisitorActivities(v5test::Request("GET", query, "", ""), unit, segments, kNow, {});
}

class VisitorActivitiesTest : public ::testing::Test {
 protected:
  // Prospects a, b, c; activities (stamped kNow - age) added one by one so that ids and times
  // are known: a sent (3 h ago), a open (2 h), b click (1 h), c form (now).
  void SetUp() override {
    a_ = v34test::AddProspect(*unit_, "a@example.com", 86400).id;
    b_ = v34test::AddProspect(*unit_, "b@example.com", 86400).id;
    c_ = v34test::AddProspect(*unit_, "c@example.com", 86400).id;
    sent_ = Add(a_, 6, 3 * 3600);
    open_ = Add(a_, 11, 2 * 3600);
    click_ = Add(b_, 1, 3600);
    form_ = Add(c_, 4, 0);
  }
  long long Add(long long prospect, int type, long long age) {
    return AddActivities(*unit_, {prospect}, 1, type, 7, kNow - age).front();
  }

  std::unique_ptr<BusinessUnit> unit_ = v34test::MakeUnit(false);
  long long a_ = 0, b_ = 0, c_ = 0;
  long long sent_ = 0, open_ = 0, click_ = 0, form_ = 0;
};

// --- generation ---

std::vector<VisitorActivity> History(std::uint64_t seed, int per_prospect) {
  auto unit = v34test::MakeUnit(false);
  for (int i = 0; i < 200; ++i) {
    v34test::AddProspect(*unit, "p" + std::to_string(i) + "@example.com", 40LL * 86400 - i * 600);
  }
  GenerateActivityHistory(*unit, per_prospect, seed, kNow);
  std::vector<VisitorActivity> out;
  for (const auto& [id, a] : unit->activities) out.push_back(a);
  return out;
}

std::string Fingerprint(const std::vector<VisitorActivity>& activities) {
  std::string text;
  for (const auto& a : activities) {
    text += std::to_string(a.id) + "/" + std::to_string(a.prospect_id) + "/" +
            std::to_string(a.type) + "/" + a.type_name + "/" + a.details + "/" +
            std::to_string(a.created_at) + ";";
  }
  return text;
}

TEST(ActivityGenerationTest, SameSeedSameActivitiesAndOtherSeedOthers) {
  const auto first = History(42, 3);
  EXPECT_EQ(Fingerprint(first), Fingerprint(History(42, 3)));
  EXPECT_NE(Fingerprint(first), Fingerprint(History(43, 3)));
  EXPECT_TRUE(History(42, 0).empty());
}

TEST(ActivityGenerationTest, AFewPerProspectIdsInCreationOrderARealisticMix) {
  const auto activities = History(5, 3);
  // 0–6 per prospect, 3 on average: 200 prospects give about 600.
  EXPECT_GT(activities.size(), 450u);
  EXPECT_LT(activities.size(), 750u);
  std::set<int> types;
  for (std::size_t i = 0; i < activities.size(); ++i) {
    const VisitorActivity& a = activities[i];
    types.insert(a.type);
    EXPECT_LE(a.created_at, kNow);
    EXPECT_EQ(a.updated_at, a.created_at);
    EXPECT_NE(a.campaign_id, 0);
    if (i > 0) {
      EXPECT_GT(a.id, activities[i - 1].id);
      EXPECT_GE(a.created_at, activities[i - 1].created_at);  // ids follow creation time
    }
    if (a.type == 6 || a.type == 11) {
      EXPECT_EQ(a.type_name, "Email");
      EXPECT_NE(a.email_id, 0);
      EXPECT_EQ(a.visitor_id, 0);  // nobody visits to receive an email
    }
    if (a.type == 4) {
      EXPECT_NE(a.form_id, 0);
    }
    if (a.type == 20) {
      EXPECT_NE(a.visitor_id, 0);
    }
  }
  for (const int type : {1, 4, 6, 11, 20}) EXPECT_TRUE(types.contains(type)) << type;
}

TEST(ActivityGenerationTest, RunTimeAdditionsContinueTheProspectsSequence) {
  const auto run = [](std::uint64_t seed) {
    auto unit = v34test::MakeUnit(false);
    const long long p = v34test::AddProspect(*unit, "p@example.com", 3600).id;
    GenerateActivityHistory(*unit, 2, seed, kNow);
    const auto before = unit->activities.size();
    const auto ids = AddActivities(*unit, {p}, 3, std::nullopt, seed, kNow + 60);
    EXPECT_EQ(ids.size(), 3u);
    EXPECT_EQ(unit->activities.size(), before + 3);
    EXPECT_GT(ids.front(), before == 0 ? 0 : unit->activities.begin()->first);
    std::vector<VisitorActivity> out;
    for (const auto& [id, a] : unit->activities) out.push_back(a);
    return Fingerprint(out);
  };
  EXPECT_EQ(run(9), run(9));
}

// --- v3/v4 ---

TEST_F(VisitorActivitiesTest, V34QueryDefaultsToIdAscendingWithTotal) {
  const json::value body = V34Json(*unit_, {});
  EXPECT_EQ(body.at("result").at("total_results"), 4);
  EXPECT_EQ(ResultIds(body), (std::vector<long long>{sent_, open_, click_, form_}));
  const json::value& first = body.at("result").at("visitor_activity").as_array()[0];
  EXPECT_EQ(first.at("prospect_id"), a_);
  EXPECT_EQ(first.at("type"), 6);
  EXPECT_EQ(first.at("type_name"), "Email");
  EXPECT_TRUE(first.at("email_id").is_int64());
  EXPECT_EQ(first.at("campaign").at("id"), 1);
  EXPECT_EQ(first.at("created_at"), "2023-11-14 14:13:20");  // 3 h before kNow, New York
  EXPECT_FALSE(first.as_object().contains("visitor_id"));    // an email has no visitor
  EXPECT_FALSE(first.as_object().contains("form_id"));       // assets only when set
}

TEST_F(VisitorActivitiesTest, V34Filters) {
  const auto ids = [&](Params query) { return ResultIds(V34Json(*unit_, std::move(query))); };
  using Ids = std::vector<long long>;
  EXPECT_EQ(ids({{"prospect_id", std::to_string(a_) + "," + std::to_string(c_)}}),
            (Ids{sent_, open_, form_}));
  EXPECT_EQ(ids({{"type", "6,11"}}), (Ids{sent_, open_}));
  EXPECT_EQ(ids({{"type", "1"}, {"prospect_id", std::to_string(b_)}}), (Ids{click_}));
  EXPECT_EQ(ids({{"id_greater_than", std::to_string(open_)}}), (Ids{click_, form_}));
  EXPECT_EQ(ids({{"id_less_than", std::to_string(open_)}}), (Ids{sent_}));
  EXPECT_EQ(ids({{"created_after", "2023-11-14 15:30:00"}}), (Ids{click_, form_}));
  EXPECT_EQ(ids({{"created_before", "2023-11-14 15:30:00"}}), (Ids{sent_, open_}));
  EXPECT_EQ(ids({{"form_id", std::to_string(unit_->activities.at(form_).form_id)}}), (Ids{form_}));
  EXPECT_EQ(ids({{"sort_by", "created_at"}}), (Ids{form_, click_, open_, sent_}));
  EXPECT_EQ(ids({{"sort_by", "id"}, {"sort_order", "descending"}}),
            (Ids{form_, click_, open_, sent_}));
  EXPECT_EQ(ids({{"type", "13"}}), Ids{});
}

TEST_F(VisitorActivitiesTest, V34PagingWithLimitAndOffset) {
  const json::value page = V34Json(*unit_, {{"limit", "2"}, {"offset", "1"}});
  EXPECT_EQ(page.at("result").at("total_results"), 4);  // all matches, not the page
  EXPECT_EQ(ResultIds(page), (std::vector<long long>{open_, click_}));
  const json::value past = V34Json(*unit_, {{"offset", "10"}});
  EXPECT_EQ(past.at("result"), json::parse(R"({"total_results":4})"));
  const json::value bulk = V34Json(*unit_, {{"output", "bulk"}, {"limit", "1"}});
  EXPECT_FALSE(bulk.at("result").as_object().contains("total_results"));
}

TEST_F(VisitorActivitiesTest, V34ErrorsAreTheProspectQuerysCodes) {
  EXPECT_EQ(ErrorCode(V34(*unit_, "query", {{"limit", "201"}})), 23);
  EXPECT_EQ(ErrorCode(V34(*unit_, "query", {{"offset", "x"}})), 21);
  EXPECT_EQ(ErrorCode(V34(*unit_, "query", {{"sort_by", "type"}})), 19);
  EXPECT_EQ(ErrorCode(V34(*unit_, "query", {{"sort_order", "up"}})), 20);
  EXPECT_EQ(ErrorCode(V34(*unit_, "query", {{"score_equal_to", "1"}})), 5);  // a prospect criterion
  EXPECT_EQ(ErrorCode(V34(*unit_, "query", {{"id_greater_than", "9"}, {"id_less_than", "3"}})), 17);
  EXPECT_EQ(ErrorCode(V34(*unit_, "query", {{"created_after", "soon"}})), 7);
  EXPECT_EQ(ErrorCode(V34(*unit_, "query", {{"type", "email"}})), 5);
  EXPECT_EQ(ErrorCode(V34(*unit_, "query", {}, "DELETE")), 60);
  EXPECT_EQ(ErrorCode(V34(*unit_, "create", {})), 2);
  EXPECT_EQ(ErrorCode(V34(*unit_, "read", {})), 13);
  EXPECT_EQ(ErrorCode(V34(*unit_, "read/id/999", {})), 16);
}

TEST_F(VisitorActivitiesTest, V34JsonSingleResultIsAnObjectSeveralAnArrayNoneNoKey) {
  const json::value one = V34Json(*unit_, {{"type", "4"}});
  EXPECT_EQ(one.at("result").at("total_results"), 1);
  ASSERT_TRUE(one.at("result").at("visitor_activity").is_object()) << one;
  EXPECT_EQ(one.at("result").at("visitor_activity").at("id"), form_);
  EXPECT_TRUE(V34Json(*unit_, {{"type", "6,11"}}).at("result").at("visitor_activity").is_array());
  EXPECT_EQ(V34Json(*unit_, {{"type", "13"}}).at("result"), json::parse(R"({"total_results":0})"));
}

TEST_F(VisitorActivitiesTest, V34XmlRepeatsTheElementAndReadReturnsOne) {
  const HttpResponse several = V34(*unit_, "query", {{"type", "6,11"}});
  EXPECT_EQ(ChildNames(several.body, "result"),
            (std::vector<std::string>{"total_results", "visitor_activity", "visitor_activity"}));
  const HttpResponse one = V34(*unit_, "query", {{"type", "1"}});
  EXPECT_EQ(ChildNames(one.body, "result"),
            (std::vector<std::string>{"total_results", "visitor_activity"}));
  EXPECT_EQ(ChildNames(one.body, "visitor_activity"),
            (std::vector<std::string>{"id", "prospect_id", "type", "type_name", "details",
                                      "email_id", "email_template_id", "campaign", "created_at"}));
  EXPECT_EQ(v34test::Text(one.body, "type_name"), "Email Tracker");

  const HttpResponse read = V34(*unit_, "read/id/" + std::to_string(form_), {}, "POST");
  EXPECT_EQ(read.body.find("<result>"), std::string::npos) << read.body;  // the bare element
  EXPECT_NE(read.body.find("<rsp stat=\"ok\" version=\"1.0\">\n    <visitor_activity>"),
            std::string::npos)
      << read.body;
  EXPECT_EQ(ChildNames(read.body, "visitor_activity"),
            (std::vector<std::string>{"id", "prospect_id", "visitor_id", "type", "type_name",
                                      "details", "form_id", "campaign", "created_at"}));
  EXPECT_EQ(v34test::Text(read.body, "type_name"), "Form");
}

TEST_F(VisitorActivitiesTest, V34FullProspectReadNestsItsActivitiesAndQueryDoesNot) {
  v34test::Call read{.path = "read/id/" + std::to_string(a_)};
  const HttpResponse full = v34test::Send(*unit_, read);
  EXPECT_EQ(ChildNames(full.body, "visitor_activities"),
            (std::vector<std::string>{"visitor_activity", "visitor_activity"}));
  EXPECT_EQ(
      ChildNames(full.body, "visitor_activity"),  // no prospect_id inside the prospect
      (std::vector<std::string>{"id", "type", "type_name", "details", "email_id", "list_email_id",
                                "email_template_id", "campaign", "created_at"}));
  read.query = {{"output", "simple"}};
  EXPECT_EQ(v34test::Send(*unit_, read).body.find("<visitor_activit"), std::string::npos);
  const HttpResponse query = v34test::Send(*unit_, {.path = "query"});
  EXPECT_EQ(query.body.find("<visitor_activit"), std::string::npos);
  const HttpResponse none = v34test::Send(*unit_, {.path = "read/id/" + std::to_string(c_ + 1)});
  EXPECT_EQ(ErrorCode(none), 3);
}

// --- v5 ---

TEST_F(VisitorActivitiesTest, V5FieldsAreCamelCaseWithNullsAndRealTypes) {
  const HttpResponse response =
      V5(*unit_,
         "fields=id,prospectId,visitorId,type,typeName,emailId,formId,createdAt,updatedAt"
         "&type=4");
  ASSERT_EQ(response.status, 200) << response.body;
  const json::value page = json::parse(response.body);
  ASSERT_EQ(page.at("values").as_array().size(), 1u);
  const json::value& record = page.at("values").as_array()[0];
  EXPECT_EQ(record.at("id"), form_);
  EXPECT_EQ(record.at("prospectId"), c_);
  EXPECT_TRUE(record.at("visitorId").is_int64());
  EXPECT_EQ(record.at("type"), 4);
  EXPECT_EQ(record.at("typeName"), "Form");
  EXPECT_TRUE(record.at("emailId").is_null());
  EXPECT_TRUE(record.at("formId").is_int64());
  EXPECT_EQ(record.at("createdAt"), "2023-11-14T17:13:20-05:00");
  EXPECT_EQ(record.at("updatedAt"), record.at("createdAt"));
  EXPECT_EQ(record.as_object().size(), 9u);  // exactly the fields asked for
  EXPECT_TRUE(page.at("nextPageToken").is_null());
}

TEST_F(VisitorActivitiesTest, V5FiltersOrderAndErrors) {
  const auto ids = [&](const std::string& query) {
    const HttpResponse response = V5(*unit_, "fields=id&" + query);
    EXPECT_EQ(response.status, 200) << query << " → " << response.body;
    const json::value page = json::parse(response.body);
    std::vector<long long> out;
    for (const auto& v : page.at("values").as_array()) out.push_back(v.at("id").as_int64());
    return out;
  };
  using Ids = std::vector<long long>;
  EXPECT_EQ(ids("prospectId=" + std::to_string(a_)), (Ids{sent_, open_}));
  EXPECT_EQ(ids("idGreaterThan=" + std::to_string(open_)), (Ids{click_, form_}));
  EXPECT_EQ(ids("createdAtAfterOrEqualTo=2023-11-14T16:13:20-05:00"), (Ids{click_, form_}));
  EXPECT_EQ(ids("type=11"), (Ids{open_}));
  EXPECT_EQ(ids("orderBy=createdAt%20DESC"), (Ids{form_, click_, open_, sent_}));

  const auto code = [&](const std::string& query) {
    const HttpResponse response = V5(*unit_, query);
    EXPECT_EQ(response.status, 400) << query;
    return json::parse(response.body).at("code").as_int64();
  };
  EXPECT_EQ(code(""), 13);  // fields is mandatory
  EXPECT_EQ(code("fields=id,email"), 51);
  EXPECT_EQ(code("fields=id&deleted=true"), 51);  // no recycle bin
  EXPECT_EQ(code("fields=id&orderBy=lastActivityAt"), 51);
  EXPECT_EQ(code("fields=id&id=1&type=1&prospectId=1&createdAtAfter=2023-01-01"), 209);
}

TEST_F(VisitorActivitiesTest, V5PagesWithTokensToTheEnd) {
  std::vector<long long> seen;
  HttpResponse response = V5(*unit_, "fields=id,typeName&limit=3");
  for (int pages = 0; pages < 5; ++pages) {
    ASSERT_EQ(response.status, 200) << response.body;
    const json::value page = json::parse(response.body);
    for (const auto& v : page.at("values").as_array()) seen.push_back(v.at("id").as_int64());
    if (page.at("nextPageToken").is_null()) break;
    const std::string url(page.at("nextPageUrl").as_string());
    EXPECT_EQ(url.find("https://pi.demo.pardot.com/api/v5/objects/visitor-activities?fields=id,"
                       "typeName&nextPageToken="),
              0u)
        << url;
    response = V5(*unit_, "fields=id,typeName&nextPageToken=" +
                              UrlEncode(std::string(page.at("nextPageToken").as_string())));
  }
  EXPECT_EQ(seen, (std::vector<long long>{sent_, open_, click_, form_}));
  EXPECT_EQ(V5(*unit_, "fields=id&nextPageToken=bm90IGEgdG9rZW4=").status, 400);  // 211
}

TEST_F(VisitorActivitiesTest, V5ReadById) {
  const HttpResponse read = V5(*unit_, "fields=id,details", {std::to_string(click_)});
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(
      json::parse(read.body),
      json::value(json::object{{"id", click_}, {"details", unit_->activities.at(click_).details}}));
  EXPECT_EQ(V5(*unit_, "fields=id", {"999"}).status, 404);
  EXPECT_EQ(V5(*unit_, "fields=id", {"x"}).status, 404);
}

// --- over loopback ---

using testing::EmulatorProcess;
using testing::HeaderList;
using testing::HttpClient;

// A JSON Lines file of `count` prospects with fixed creation times, removed afterwards.
class ProspectFile {
 public:
  explicit ProspectFile(int count)
      : path_(std::filesystem::temp_directory_path() /
              ("visitor-activities-" + std::to_string(::getpid()) + ".jsonl")) {
    std::ofstream out(path_);
    for (int i = 1; i <= count; ++i) {
      out << R"({"id":)" << i << R"(,"email":"p)" << i << R"(@example.com","created_at":"2024-03-0)"
          << 1 + i % 9 << R"( 10:00:00"})"
          << "\n";
    }
  }
  ~ProspectFile() { std::filesystem::remove(path_); }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

TEST(VisitorActivitiesRouteTest, StartUpHistoryComesFromTheSeed) {
  const ProspectFile file(20);
  const auto activities = [&](const char* seed) {
    EmulatorProcess emulator(
        {"--prospects", file.path(), "--seed", seed, "--activities-per-prospect", "2"});
    HttpClient client(emulator.url());
    const auto answer = client.Get("/_emulator/activities");
    EXPECT_EQ(answer.status, 200);
    return json::parse(answer.body);
  };
  const json::value first = activities("7");
  EXPECT_FALSE(first.at("activities").as_array().empty());
  EXPECT_EQ(first, activities("7"));
  EXPECT_NE(first, activities("8"));
}

TEST(VisitorActivitiesRouteTest, AdminAddsThenV3AndV5ShowThemAndStatsCountThem) {
  EmulatorProcess emulator({"--token", "T", "--activities-per-prospect", "0"});
  HttpClient client(emulator.url());
  const HeaderList auth = {{"Authorization", "Bearer T"},
                           {"Pardot-Business-Unit-Id", EmulatorProcess::kDefaultUnit}};
  ASSERT_EQ(client
                .Post("/_emulator/prospects", R"([{"id":11,"email":"a@example.com"},)"
                                              R"({"id":12,"email":"b@example.com"}])")
                .status,
            200);
  EXPECT_EQ(json::parse(client.Get("/_emulator/activities").body).at("activities"),
            json::value(json::array()));

  const auto added = client.Post("/_emulator/activities", R"({"count":2})");
  ASSERT_EQ(added.status, 200) << added.body;
  EXPECT_EQ(json::parse(added.body).at("added"), 4);
  const auto one =
      client.Post("/_emulator/activities", R"({"count":1,"prospect_id":12,"type":11})");
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(client.Post("/_emulator/activities", R"({"count":1,"prospect_id":99})").status, 404);
  EXPECT_EQ(client.Post("/_emulator/activities", R"({"count":1,"type":99})").status, 400);
  EXPECT_EQ(client.Post("/_emulator/activities", R"({"cnt":1})").status, 400);

  const json::value all = json::parse(client.Get("/_emulator/activities").body);
  ASSERT_EQ(all.at("activities").as_array().size(), 5u);
  const json::value& last = all.at("activities").as_array()[4];
  EXPECT_EQ(last.at("prospect_id"), 12);
  EXPECT_EQ(last.at("type"), 11);

  const auto v3 = client.Get(
      "/api/visitorActivity/version/3/do/query?format=json&type=11&prospect_id=12", auth);
  ASSERT_EQ(v3.status, 200) << v3.body;
  EXPECT_EQ(json::parse(v3.body).at("result").at("visitor_activity").at("id"), last.at("id"));
  const auto v5 = client.Get("/api/v5/objects/visitor-activities?fields=id,prospectId", auth);
  ASSERT_EQ(v5.status, 200) << v5.body;
  EXPECT_EQ(json::parse(v5.body).at("values").as_array().size(), 5u);
  const auto read = client.Get(
      "/api/v5/objects/visitor-activities/" + json::serialize(last.at("id")) + "?fields=type",
      auth);
  EXPECT_EQ(read.body, R"({"type":11})");
  EXPECT_EQ(client.Get("/api/visitorActivity/version/4/do/query", auth).status, 200);  // 89

  const json::value stats = json::parse(client.Get("/_emulator/stats").body);
  const auto& by = stats.at("by_endpoint");
  EXPECT_EQ(by.at("v3 visitorActivity query"), 1);
  EXPECT_EQ(by.at("v4 visitorActivity query"), 1);
  EXPECT_EQ(by.at("v5 GET visitor-activities"), 1);
  EXPECT_EQ(by.at("v5 GET visitor-activities/{id}"), 1);
  EXPECT_EQ(stats.at("errors").at("89"), 1);
}

}  // namespace
}  // namespace pdc::emulator
