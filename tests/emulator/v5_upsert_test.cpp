// POST /api/v5/objects/prospects/do/upsertLatestByEmail (pardot-api.md §6.2): ranking,
// secondaryDeletedSearch, status codes and body errors.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "tests/emulator/v5_test_support.h"

namespace pdc::emulator {
namespace {

namespace json = boost::json;
using v5test::AddProspect;
using v5test::Call;
using v5test::kNow;
using v5test::Request;

const std::vector<std::string> kUpsert = {"do", "upsertLatestByEmail"};

class V5UpsertTest : public ::testing::Test {
 protected:
  HttpResponse Upsert(const std::string& body, const std::string& query = "") {
    return Call(*unit_, Request("POST", query, body), kUpsert, kNow + 50);
  }
  // The id the upsert touched, from a response that asked for fields ["id"].
  long long UpsertedId(const HttpResponse& response) {
    return json::parse(response.body).at("id").as_int64();
  }
  std::unique_ptr<BusinessUnit> unit_ = v5test::MakeUnit(/*ampsea=*/true);
};

TEST_F(V5UpsertTest, CreatesWhenNothingMatches) {
  const HttpResponse response = Upsert(
      R"({"matchEmail":"new@example.com","prospect":{"firstName":"Nina"},
          "fields":["email","firstName","id"]})");
  EXPECT_EQ(response.status, 201);
  ASSERT_EQ(unit_->prospects.size(), 1u);
  const Prospect& p = unit_->prospects.begin()->second;
  EXPECT_EQ(response.body,
            R"({"email":"new@example.com","firstName":"Nina","id":)" + std::to_string(p.id) + "}");
  EXPECT_EQ(*v5test::ResponseHeader(response, "Location"),
            "https://pi.demo.pardot.com/api/v5/objects/prospects/" + std::to_string(p.id));
}

TEST_F(V5UpsertTest, UpdatesTheLatestByActivityThenUpdatedThenId) {
  Prospect& old_activity = AddProspect(*unit_, "s@example.com", kNow);
  Prospect& new_activity = AddProspect(*unit_, "s@example.com", kNow - 500);
  Prospect& no_activity = AddProspect(*unit_, "s@example.com", kNow + 100);
  old_activity.values["last_activity_at"] = std::to_string(kNow - 100);
  new_activity.values["last_activity_at"] = std::to_string(kNow - 50);
  const std::string body =
      R"({"matchEmail":"s@example.com","prospect":{"company":"Won"},"fields":["id"]})";
  HttpResponse response = Upsert(body);
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(UpsertedId(response), new_activity.id);
  EXPECT_EQ(new_activity.Get("company"), "Won");
  EXPECT_EQ(new_activity.Epoch("updated_at"), kNow + 50);

  // Same activity: the later updatedAt wins; then the higher id.
  old_activity.values["last_activity_at"] = new_activity.values["last_activity_at"];
  old_activity.values["updated_at"] = std::to_string(kNow + 1000);
  EXPECT_EQ(UpsertedId(Upsert(body)), old_activity.id);
  new_activity.values["updated_at"] = old_activity.values["updated_at"] = "5";
  EXPECT_EQ(UpsertedId(Upsert(body)), new_activity.id);  // created after old_activity
  EXPECT_EQ(no_activity.Get("company"), "");
}

TEST_F(V5UpsertTest, MatchingIsCaseSensitiveOnAmpseaOnly) {
  AddProspect(*unit_, "case@example.com", kNow);
  EXPECT_EQ(Upsert(R"({"matchEmail":"Case@example.com","prospect":{}})").status, 204);
  EXPECT_EQ(unit_->prospects.size(), 2u);  // created (no fields requested → 204)

  unit_ = v5test::MakeUnit(/*ampsea=*/false);
  const Prospect& p = AddProspect(*unit_, "case@example.com", kNow);
  const HttpResponse response =
      Upsert(R"({"matchEmail":"Case@example.com","prospect":{},"fields":["id"]})");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(UpsertedId(response), p.id);
}

TEST_F(V5UpsertTest, SecondaryDeletedSearchUndeletesTheLatestOnAmpsea) {
  Prospect& older = AddProspect(*unit_, "gone@example.com", kNow - 100);
  Prospect& newer = AddProspect(*unit_, "gone@example.com", kNow - 10);
  older.deleted = newer.deleted = true;
  const HttpResponse response = Upsert(
      R"({"matchEmail":"gone@example.com","prospect":{"city":"Oslo"},"fields":["id","isDeleted"],
          "secondaryDeletedSearch":true})");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(json::parse(response.body),
            json::parse(R"({"id":)" + std::to_string(newer.id) + R"(,"isDeleted":false})"));
  EXPECT_FALSE(newer.deleted);
  EXPECT_TRUE(older.deleted);
  EXPECT_EQ(newer.Get("city"), "Oslo");
  EXPECT_EQ(unit_->prospects.size(), 2u);
}

TEST_F(V5UpsertTest, WithoutSecondarySearchADeletedMatchIsIgnored) {
  Prospect& gone = AddProspect(*unit_, "gone@example.com", kNow);
  gone.deleted = true;
  EXPECT_EQ(Upsert(R"({"matchEmail":"gone@example.com","prospect":{},"fields":["id"],
                       "secondaryDeletedSearch":false})")
                .status,
            201);
  EXPECT_TRUE(gone.deleted);

  unit_ = v5test::MakeUnit(/*ampsea=*/false);  // the flag only acts on AMPSEA units
  Prospect& recycled = AddProspect(*unit_, "gone@example.com", kNow);
  recycled.deleted = true;
  EXPECT_EQ(Upsert(R"({"matchEmail":"gone@example.com","prospect":{},"fields":["id"],
                       "secondaryDeletedSearch":true})")
                .status,
            201);
  EXPECT_TRUE(recycled.deleted);
}

TEST_F(V5UpsertTest, FieldsFromTheQueryWhenTheBodyHasNone) {
  const HttpResponse response =
      Upsert(R"({"matchEmail":"q@example.com","prospect":{}})", "fields=email");
  EXPECT_EQ(response.status, 201);
  EXPECT_EQ(response.body, R"({"email":"q@example.com"})");
}

TEST_F(V5UpsertTest, Errors) {
  const auto expect = [&](const HttpResponse& response, int status, int code) {
    EXPECT_EQ(response.status, status) << response.body;
    EXPECT_EQ(json::parse(response.body).at("code"), code) << response.body;
  };
  expect(Upsert(R"({"prospect":{}})"), 400, 153);
  expect(Upsert(R"({"matchEmail":"","prospect":{}})"), 400, 153);
  expect(Upsert(R"({"matchEmail":"m@example.com"})"), 400, 153);
  expect(Upsert(R"({"matchEmail":"m@example.com","prospect":[]})"), 400, 154);
  expect(Upsert(R"({"matchEmail":"m@example.com","prospect":{},"extra":1})"), 400, 154);
  expect(Upsert(R"({"matchEmail":"m@example.com","prospect":{"bogus":1}})"), 400, 154);
  expect(Upsert(R"({"matchEmail":"m@example.com","prospect":{"createdAt":null}})"), 400, 180);
  expect(Upsert(R"({"matchEmail":"m@example.com","prospect":{},"fields":"id"})"), 400, 154);
  expect(Upsert(R"({"matchEmail":"m@example.com","prospect":{},"fields":["nope"]})"), 400, 51);
  expect(Upsert(R"({"matchEmail":"bad","prospect":{}})"), 400, 4);
  expect(Upsert("not json"), 400, 150);
  expect(Upsert(""), 400, 152);
  expect(Call(*unit_, Request("GET", "fields=id"), kUpsert), 405, 60);
  EXPECT_TRUE(unit_->prospects.empty());

  unit_ = v5test::MakeUnit(/*ampsea=*/false);
  AddProspect(*unit_, "taken@example.com", kNow);
  expect(Upsert(R"({"matchEmail":"free@example.com","prospect":{"email":"taken@example.com"}})"),
         400, 54);
}

}  // namespace
}  // namespace pdc::emulator
