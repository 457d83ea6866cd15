// The write log (store.h WriteLog): one entry per successful write to a prospect with the names
// of the fields it supplied, in the v3/v4 vocabulary whatever the API version; nothing for failed
// writes, reads and deletes; GET /_emulator/writes and the stats totals; emptied by
// POST /_emulator/stats/reset. In-process through the handlers and the router, then once over
// loopback against the real binary.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "tests/emulator/errors.h"
#include "tests/emulator/router.h"
#include "tests/emulator/stats.h"
#include "tests/emulator/test_client.h"
#include "tests/emulator/v34_test_support.h"
#include "tests/emulator/v5_test_support.h"

namespace pdc::emulator {
namespace {

namespace json = boost::json;
using Entries = std::vector<std::vector<std::string>>;

std::string Id(long long id) { return std::to_string(id); }

// One row of a v4 batch: {"id":<id>,<members>}.
std::string Row(long long id, const std::string& members) {
  return "{\"id\":" + Id(id) + "," + members + "}";
}

// The entries recorded for one prospect (none when it has no entry).
Entries WritesOf(const BusinessUnit& unit, long long id) {
  const auto it = unit.write_log.writes.find(id);
  return it == unit.write_log.writes.end() ? Entries{} : it->second;
}

class WriteLogTest : public ::testing::Test {
 protected:
  // A v3/v4 call on `unit_` (v3 unless the unit is AMPSEA), answering JSON.
  HttpResponse V34(const std::string& path, Params form) {
    form.emplace_back("format", "json");
    return v34test::Send(*unit_, {.method = "POST", .path = path, .form = form});
  }
  HttpResponse V5(const std::string& method, const std::vector<std::string>& segments,
                  const std::string& body = "") {
    return v5test::Call(*unit_, v5test::Request(method, "", body), segments);
  }
  void UseAmpsea() { unit_ = v34test::MakeUnit(true); }

  // Custom fields Hobby (text), Colors (multi-select), Seats (number); user 2332.
  std::unique_ptr<BusinessUnit> unit_ = v34test::MakeUnit(false);
};

TEST_F(WriteLogTest, V4BatchUpdateRecordsEachRowWithExactlyItsFields) {
  UseAmpsea();
  const long long a = v34test::AddProspect(*unit_, "a@example.com").id;
  const long long b = v34test::AddProspect(*unit_, "b@example.com").id;
  const long long c = v34test::AddProspect(*unit_, "c@example.com").id;
  const std::string rows = "{\"prospects\":[" + Row(a, R"("first_name":"Ann")") + "," +
                           Row(b, R"("last_name":"Lee","Hobby":"chess")") + "," +
                           Row(c, R"("city":"Oslo","Colors":["red","blue"],"email":"c2@x.com")") +
                           "," + Row(a, R"("score":"many")") + "]}";  // 29: records nothing
  const auto body = v34test::Json(V34("batchUpdate", {{"prospects", rows}}));
  EXPECT_EQ(body.at("errors"), (json::object{{"3", ErrorMessage(29)}})) << body;

  EXPECT_EQ(WritesOf(*unit_, a), (Entries{{"first_name"}}));
  EXPECT_EQ(WritesOf(*unit_, b), (Entries{{"Hobby", "last_name"}}));  // the row's `id` is no field
  EXPECT_EQ(WritesOf(*unit_, c), (Entries{{"Colors", "city", "email"}}));
  EXPECT_EQ(unit_->write_log.TotalWrites(), 3);
  EXPECT_EQ(unit_->write_log.TotalFields(), 6);
}

TEST_F(WriteLogTest, V3UpdateByEmailRecordsOneWriteAndAResendIsAnother) {
  const long long id = v34test::AddProspect(*unit_, "a@example.com").id;
  const Params form = {{"first_name", "Ann"}, {"last_name", "Lee"}, {"output", "simple"}};
  ASSERT_EQ(v34test::ErrorCode(V34("update/email/a%40example.com", form)), 0);
  EXPECT_EQ(WritesOf(*unit_, id), (Entries{{"first_name", "last_name"}}));
  // The same values again change nothing, but were sent: a client test must see them.
  ASSERT_EQ(v34test::ErrorCode(V34("update/email/a%40example.com", form)), 0);
  EXPECT_EQ(WritesOf(*unit_, id),
            (Entries{{"first_name", "last_name"}, {"first_name", "last_name"}}));
}

TEST_F(WriteLogTest, FailedWritesReadsAndDeletesRecordNothing) {
  const long long id = v34test::AddProspect(*unit_, "a@example.com").id;
  v34test::AddProspect(*unit_, "b@example.com");
  EXPECT_EQ(v34test::ErrorCode(V34("update/id/" + Id(id), {{"email", "not an address"}})), 4);
  EXPECT_EQ(v34test::ErrorCode(V34("update/id/" + Id(id), {{"Seats", "a few"}})), 56);
  EXPECT_EQ(v34test::ErrorCode(V34("update/id/" + Id(id), {{"email", "b@example.com"}})), 9);
  EXPECT_EQ(v34test::ErrorCode(V34("update/id/999", {{"first_name", "X"}})), 3);
  EXPECT_EQ(v34test::ErrorCode(V34("create/email/b%40example.com", {{"first_name", "X"}})), 9);
  EXPECT_EQ(v34test::ErrorCode(V34("assign/id/" + Id(id), {{"user_id", "424242"}})), 10);
  EXPECT_EQ(v34test::ErrorCode(V34("read/id/" + Id(id), {})), 0);
  EXPECT_EQ(V5("PATCH", {Id(id)}, R"({"firstName":"A","nope":"x"})").status, 400);
  EXPECT_EQ(V5("PATCH", {Id(id)}, R"({"createdAt":"2024-01-01"})").status, 400);
  EXPECT_EQ(V5("POST", {}, R"({"firstName":"no email"})").status, 400);
  EXPECT_EQ(V5("GET", {Id(id)}).status, 400);  // no `fields`: 13
  EXPECT_EQ(V5("DELETE", {Id(id)}).status, 204);
  EXPECT_EQ(V5("PATCH", {Id(id)}, R"({"firstName":"A"})").status, 400);  // deleted: 219
  EXPECT_TRUE(unit_->write_log.writes.empty());
}

TEST_F(WriteLogTest, V5WritesUseTheV34NamesAndCustomIdsWithoutSuffix) {
  const long long id = v34test::AddProspect(*unit_, "a@example.com").id;
  ASSERT_EQ(V5("PATCH", {Id(id)}, R"({"firstName":"A","Hobby__c":"x"})").status, 204);
  ASSERT_EQ(
      V5("PATCH", {Id(id)}, R"({"userId":2332,"isDoNotEmail":true,"Colors__c":["r"]})").status,
      204);
  ASSERT_EQ(V5("PATCH", {Id(id)}, "{}").status, 204);  // a write, if an empty one
  EXPECT_EQ(WritesOf(*unit_, id),
            (Entries{{"Hobby", "first_name"}, {"Colors", "is_do_not_email", "user_id"}, {}}));
  EXPECT_EQ(unit_->write_log.TotalWrites(), 3);
  EXPECT_EQ(unit_->write_log.TotalFields(), 5);
}

TEST_F(WriteLogTest, CreatesUpsertsAndAssignmentsRecordTheFieldsTheySet) {
  const long long before = unit_->next_id;
  ASSERT_EQ(V5("POST", {}, R"({"email":"n@example.com","lastName":"N"})").status, 204);
  EXPECT_EQ(WritesOf(*unit_, before), (Entries{{"email", "last_name"}}));

  ASSERT_EQ(v34test::ErrorCode(V34("create/email/c%40example.com", {{"first_name", "C"}})), 0);
  EXPECT_EQ(WritesOf(*unit_, before + 1), (Entries{{"email", "first_name"}}));

  // upsertLatestByEmail: a create sets the match email too; an update only what it names.
  const std::string create = R"({"matchEmail":"u@example.com","prospect":{"firstName":"U"}})";
  ASSERT_EQ(V5("POST", {"do", "upsertLatestByEmail"}, create).status, 204);
  EXPECT_EQ(WritesOf(*unit_, before + 2), (Entries{{"email", "first_name"}}));
  const std::string update = R"({"matchEmail":"u@example.com","prospect":{"company":"Co"}})";
  ASSERT_EQ(V5("POST", {"do", "upsertLatestByEmail"}, update).status, 204);
  EXPECT_EQ(WritesOf(*unit_, before + 2), (Entries{{"email", "first_name"}, {"company"}}));

  // v3 assign and unassign change the assignment; list subscriptions are named per list.
  ASSERT_EQ(v34test::ErrorCode(V34("assign/id/" + Id(before + 1), {{"user_id", "2332"}})), 0);
  ASSERT_EQ(v34test::ErrorCode(V34("unassign/id/" + Id(before + 1), {})), 0);
  ASSERT_EQ(v34test::ErrorCode(V34("update/id/" + Id(before + 1), {{"list_12", "1"}})), 0);
  EXPECT_EQ(WritesOf(*unit_, before + 1),
            (Entries{{"email", "first_name"}, {"user_id"}, {"user_id"}, {"list_12"}}));
}

// The admin route and the stats, in-process through the router.
TEST(WriteLogRouteTest, WritesRouteStatsAndResetInProcess) {
  Store store;
  BusinessUnit& unit = store.Add(v34test::MakeUnit(false));
  BusinessUnit& other = store.Add(
      std::make_unique<BusinessUnit>("0Uv000000000002AAA", "production", false, "advanced", "UTC"));
  Router router(store, RouterOptions{});
  const auto admin = [&](const std::string& method, const std::string& target) {
    HttpRequest request;
    request.method = method;
    const std::size_t question = target.find('?');
    request.raw_path = target.substr(0, question);
    request.path = request.raw_path;
    if (question != std::string::npos) request.query = ParseForm(target.substr(question + 1));
    return router.Handle(request);
  };
  const long long id = v34test::AddProspect(unit, "a@example.com").id;
  unit.RecordWrite(id, {"last_name", "email", "last_name"});
  unit.RecordWrite(id, {});
  unit.RecordWrite(id + 1, {"Hobby"});
  other.RecordWrite(id, {"city"});

  const HttpResponse writes = admin("GET", "/_emulator/writes");
  ASSERT_EQ(writes.status, 200);
  EXPECT_EQ(json::parse(writes.body),
            json::parse(R"({"prospects":{")" + Id(id) + R"(":[["email","last_name"],[]],")" +
                        Id(id + 1) + R"(":[["Hobby"]]},"total_writes":3,"total_fields":3})"));
  EXPECT_EQ(json::parse(admin("GET", "/_emulator/writes?unit=0Uv000000000002AAA").body),
            json::parse(R"({"prospects":{")" + Id(id) +
                        R"(":[["city"]]},"total_writes":1,"total_fields":1})"));
  EXPECT_EQ(admin("GET", "/_emulator/writes?unit=nope").status, 404);
  EXPECT_EQ(admin("POST", "/_emulator/writes").status, 405);

  const json::value stats = json::parse(admin("GET", "/_emulator/stats").body);
  EXPECT_EQ(stats.at("units").at(unit.id).at("writes"), 3);
  EXPECT_EQ(stats.at("units").at(unit.id).at("fields_written"), 3);
  EXPECT_EQ(stats.at("units").at(other.id).at("writes"), 1);

  EXPECT_EQ(admin("POST", "/_emulator/stats/reset").status, 200);
  EXPECT_TRUE(unit.write_log.writes.empty());
  EXPECT_TRUE(other.write_log.writes.empty());
  EXPECT_EQ(json::parse(admin("GET", "/_emulator/writes").body),
            json::parse(R"({"prospects":{},"total_writes":0,"total_fields":0})"));
  const json::value reset = json::parse(admin("GET", "/_emulator/stats").body);
  EXPECT_EQ(reset.at("units").at(unit.id).at("writes"), 0);
  EXPECT_EQ(reset.at("units").at(unit.id).at("fields_written"), 0);
}

// Over loopback: a v4 batch, a v5 PATCH, then the route, the stats and the reset.
TEST(WriteLogRouteTest, RealBinaryReportsWritesOfEveryApiVersion) {
  using testing::EmulatorProcess;
  using testing::HeaderList;
  testing::EmulatorProcess emulator({"--token", "T", "--ampsea"});
  testing::HttpClient client(emulator.url());
  const HeaderList auth = {{"Authorization", "Bearer T"},
                           {"Pardot-Business-Unit-Id", EmulatorProcess::kDefaultUnit}};
  const std::string seed =
      R"([{"id":11,"email":"a@example.com","Hobby":"go"},)"
      R"({"id":12,"email":"b@example.com"},{"id":13,"email":"c@example.com"}])";
  ASSERT_EQ(client.Post("/_emulator/prospects", seed).status, 200);  // seeding is no write

  const std::string rows = R"({"prospects":[{"id":11,"first_name":"A"},)"
                           R"({"id":12,"last_name":"B","Hobby":"chess"},)"
                           R"({"id":13,"city":"C","email":"c2@example.com"},)"
                           R"({"id":404,"first_name":"X"}]})";
  const auto batch = client.Post("/api/prospect/version/4/do/batchUpdate?format=json",
                                 "prospects=" + UrlEncode(rows), auth);
  ASSERT_EQ(batch.status, 200) << batch.body;
  EXPECT_NE(batch.body.find("\"errors\""), std::string::npos) << batch.body;  // row 404
  HeaderList json_auth = auth;
  json_auth.emplace_back("Content-Type", "application/json");
  const auto patch = client.Patch("/api/v5/objects/prospects/11?fields=id",
                                  R"({"firstName":"A","Hobby__c":"x"})", json_auth);
  ASSERT_EQ(patch.status, 200) << patch.body;

  const auto writes = client.Get("/_emulator/writes");
  ASSERT_EQ(writes.status, 200);
  EXPECT_EQ(json::parse(writes.body),
            json::parse(R"({"prospects":{"11":[["first_name"],["Hobby","first_name"]],)"
                        R"("12":[["Hobby","last_name"]],"13":[["city","email"]]},)"
                        R"("total_writes":4,"total_fields":7})"))
      << writes.body;
  const json::value stats = json::parse(client.Get("/_emulator/stats").body);
  const json::value& unit_stats = stats.at("units").at(EmulatorProcess::kDefaultUnit);
  EXPECT_EQ(unit_stats.at("writes"), 4);
  EXPECT_EQ(unit_stats.at("fields_written"), 7);

  ASSERT_EQ(client.Post("/_emulator/stats/reset", "").status, 200);
  EXPECT_EQ(json::parse(client.Get("/_emulator/writes").body),
            json::parse(R"({"prospects":{},"total_writes":0,"total_fields":0})"));
}

}  // namespace
}  // namespace pdc::emulator
