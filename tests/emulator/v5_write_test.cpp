// v5 single-record operations: read, create, update, delete, their body errors and 404s
// (pardot-api.md §1.5, §6.2, §7.1, §9.3).
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

std::string Id(long long id) { return std::to_string(id); }

class V5WriteTest : public ::testing::Test {
 protected:
  HttpResponse Post(const std::string& query, const std::string& body,
                    const std::string& type = "application/json") {
    return Call(*unit_, Request("POST", query, body, type), {}, kNow + 10);
  }
  HttpResponse Patch(long long id, const std::string& query, const std::string& body,
                     const std::string& type = "application/json") {
    return Call(*unit_, Request("PATCH", query, body, type), {Id(id)}, kNow + 20);
  }
  json::value Read(long long id, const std::string& fields) {
    const HttpResponse response = Call(*unit_, Request("GET", "fields=" + fields), {Id(id)});
    EXPECT_EQ(response.status, 200) << response.body;
    return json::parse(response.body);
  }
  static void ExpectError(const HttpResponse& response, int status, int code) {
    EXPECT_EQ(response.status, status) << response.body;
    EXPECT_EQ(json::parse(response.body).at("code"), code) << response.body;
  }
  std::unique_ptr<BusinessUnit> unit_ = v5test::MakeUnit();
};

TEST_F(V5WriteTest, CreateAnswers201WithLocationAndTheFixtureShape) {
  unit_->next_id = 55434583;
  const HttpResponse response =
      Post("fields=id,email,firstName,lastName",
           R"({"email":"a.alexander@sample.com","firstName":"Athenasius","lastName":"Alexander"})");
  EXPECT_EQ(response.status, 201);
  EXPECT_EQ(response.body, Fixture("v5_prospect_create_response.json"));
  ASSERT_NE(v5test::ResponseHeader(response, "Location"), nullptr);
  EXPECT_EQ(*v5test::ResponseHeader(response, "Location"),
            "https://pi.demo.pardot.com/api/v5/objects/prospects/55434583");
}

TEST_F(V5WriteTest, CreateWithoutFieldsIs204AndKeepsLocation) {
  const HttpResponse response = Post("", R"({"email":"quiet@example.com"})");
  EXPECT_EQ(response.status, 204);
  EXPECT_TRUE(response.body.empty());
  EXPECT_NE(v5test::ResponseHeader(response, "Location"), nullptr);
  EXPECT_EQ(unit_->prospects.size(), 1u);
}

TEST_F(V5WriteTest, CreateStoresEveryKindOfValue) {
  const HttpResponse response = Post(
      "fields=email,score,isDoNotEmail,campaignId,userId,hobby__c,Interests__c,createdAt,"
      "updatedAt,company",
      R"({"email":"all@example.com","score":12,"isDoNotEmail":true,"campaignId":3,"userId":7,
          "hobby__c":"chess","Interests__c":["a","b"],"company":null})");
  ASSERT_EQ(response.status, 201) << response.body;
  EXPECT_EQ(json::parse(response.body), json::parse(R"({"email":"all@example.com","score":12,
      "isDoNotEmail":true,"campaignId":3,"userId":7,"hobby__c":"chess","Interests__c":["a","b"],
      "createdAt":"2025-05-16T11:27:18-07:00","updatedAt":"2025-05-16T11:27:18-07:00",
      "company":null})"));
  const Prospect& p = unit_->prospects.begin()->second;
  EXPECT_EQ(p.Get("is_do_not_email"), "true");
  EXPECT_EQ(p.multi.at("Interests"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(p.assigned_user, 7);
}

TEST_F(V5WriteTest, BodyErrors) {
  const std::string ok = R"({"email":"e@example.com"})";
  ExpectError(Post("", "{not json"), 400, 150);
  ExpectError(Post("", "[1,2]"), 400, 150);
  ExpectError(Post("", ok, "application/x-www-form-urlencoded"), 400, 151);
  ExpectError(Post("", ok, ""), 400, 151);
  ExpectError(Post("", ""), 400, 152);
  ExpectError(Post("", R"({"firstName":"No Email"})"), 400, 153);
  ExpectError(Post("", R"({"email":null})"), 400, 153);
  ExpectError(Post("", R"({"email":"e@example.com","favouriteColour":"red"})"), 400, 154);
  ExpectError(Post("", R"({"email":"e@example.com","first_name":"Snake"})"), 400, 154);
  ExpectError(Post("", R"({"email":"e@example.com","nosuch__c":"x"})"), 400, 154);
  ExpectError(Post("", R"({"email":"e@example.com","score":"12"})"), 400, 154);
  ExpectError(Post("", R"({"email":"e@example.com","isStarred":"yes"})"), 400, 154);
  ExpectError(Post("", R"({"email":"e@example.com","firstName":5})"), 400, 154);
  ExpectError(Post("", R"({"email":"e@example.com","Interests__c":"a"})"), 400, 154);
  for (const std::string read_only : {"id", "createdAt", "updatedAt", "grade", "password",
                                      "assignedToId", "lastActivityAt", "isDeleted"}) {
    const HttpResponse response =
        Post("", R"({"email":"e@example.com",")" + read_only + R"(":null})");
    ExpectError(response, 400, 180);
    EXPECT_NE(response.body.find(read_only), std::string::npos);
  }
  ExpectError(Post("", R"({"email":"not-an-address"})"), 400, 4);
  ExpectError(Post("", R"({"email":"e@example.com","userId":99})"), 400, 10);
  ExpectError(Post("", R"({"email":"e@example.com","userId":7,"salesforceOwnerId":"005x"})"), 400,
              125);
  ExpectError(Post("fields=id,nope", ok), 400, 51);
  EXPECT_TRUE(unit_->prospects.empty());
}

TEST_F(V5WriteTest, DuplicateEmailIs54OnlyWithoutAmpsea) {
  AddProspect(*unit_, "dup@example.com", kNow);
  ExpectError(Post("", R"({"email":"DUP@example.com"})"), 400, 54);
  unit_->prospects.begin()->second.deleted = true;  // a recycled one does not block
  EXPECT_EQ(Post("", R"({"email":"dup@example.com"})").status, 204);

  unit_ = v5test::MakeUnit(/*ampsea=*/true);
  AddProspect(*unit_, "dup@example.com", kNow);
  EXPECT_EQ(Post("fields=id", R"({"email":"dup@example.com"})").status, 201);
  EXPECT_EQ(unit_->prospects.size(), 2u);
}

TEST_F(V5WriteTest, ReadById) {
  Prospect& p = AddProspect(*unit_, "r@example.com", kNow);
  p.values["first_name"] = "Rita";
  EXPECT_EQ(json::serialize(Read(p.id, "firstName,id")),
            R"({"firstName":"Rita","id":)" + Id(p.id) + "}");
  ExpectError(Call(*unit_, Request("GET", ""), {Id(p.id)}), 400, 13);
  ExpectError(Call(*unit_, Request("GET", "fields=bogus"), {Id(p.id)}), 400, 51);
  for (const std::string missing : {"999", "abc", "-5", "0"}) {
    const HttpResponse response = Call(*unit_, Request("GET", "fields=id"), {missing});
    EXPECT_EQ(response.status, 404);
    EXPECT_EQ(json::serialize(json::parse(response.body)), Fixture("v5_error_109_not_found.json"));
  }
  p.deleted = true;
  ExpectError(Call(*unit_, Request("GET", "fields=id"), {Id(p.id)}), 404, 109);
}

TEST_F(V5WriteTest, PatchUpdatesAndTouches) {
  Prospect& p = AddProspect(*unit_, "u@example.com", kNow);
  p.values["company"] = "Old";
  p.values["hobby"] = "golf";
  const HttpResponse response = Patch(p.id, "fields=id,company,hobby__c,updatedAt,createdAt",
                                      R"({"company":"New","hobby__c":null,"isStarred":true})");
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(json::parse(response.body),
            json::parse(R"({"id":)" + Id(p.id) + R"(,"company":"New","hobby__c":null,
                "updatedAt":"2025-05-16T11:27:28-07:00","createdAt":"2025-05-16T11:27:08-07:00"})"));
  EXPECT_EQ(p.Get("is_starred"), "true");
  const HttpResponse quiet = Patch(p.id, "", "{}");
  EXPECT_EQ(quiet.status, 204);
  EXPECT_TRUE(quiet.body.empty());
}

TEST_F(V5WriteTest, FailedPatchChangesNothing) {
  Prospect& p = AddProspect(*unit_, "u@example.com", kNow);
  ExpectError(Patch(p.id, "fields=id", R"({"company":"New","grade":"A"})"), 400, 180);
  ExpectError(Patch(p.id, "", R"({"email":""})"), 400, 153);
  EXPECT_EQ(p.Get("company"), "");
  EXPECT_EQ(p.Epoch("updated_at"), kNow);
}

TEST_F(V5WriteTest, PatchErrors) {
  Prospect& a = AddProspect(*unit_, "a@example.com", kNow);
  Prospect& b = AddProspect(*unit_, "b@example.com", kNow);
  ExpectError(Patch(b.id, "", R"({"email":"A@example.com"})"), 400, 54);
  EXPECT_EQ(Patch(b.id, "", R"({"email":"b@example.com"})").status, 204);  // its own address
  ExpectError(Patch(12345, "", R"({"company":"x"})"), 404, 109);
  a.deleted = true;
  const HttpResponse deleted = Patch(a.id, "fields=id", R"({"company":"x"})");
  EXPECT_EQ(deleted.status, 400);
  EXPECT_EQ(json::serialize(json::parse(deleted.body)),
            R"({"code":219,"message":"Deleted records can't be updated"})");
  ExpectError(Patch(b.id, "", ""), 400, 152);
}

TEST_F(V5WriteTest, DeleteRecyclesAndThenIsNotFound) {
  Prospect& p = AddProspect(*unit_, "d@example.com", kNow);
  const HttpResponse deleted = Call(*unit_, Request("DELETE", ""), {Id(p.id)}, kNow + 30);
  EXPECT_EQ(deleted.status, 204);
  EXPECT_TRUE(deleted.body.empty());
  EXPECT_TRUE(p.deleted);
  EXPECT_EQ(p.Epoch("updated_at"), kNow + 30);
  const HttpResponse again = Call(*unit_, Request("DELETE", ""), {Id(p.id)});
  EXPECT_EQ(again.status, 404);
  EXPECT_EQ(json::serialize(json::parse(again.body)), Fixture("v5_error_109_not_found.json"));
  ExpectError(Call(*unit_, Request("DELETE", ""), {"777"}), 404, 109);
  const json::value listed =
      json::parse(Call(*unit_, Request("GET", "fields=id&deleted=true"), {}).body);
  EXPECT_EQ(listed.at("values").at(0).at("id"), p.id);
}

TEST_F(V5WriteTest, WrongVerbAndUnknownAction) {
  Prospect& p = AddProspect(*unit_, "v@example.com", kNow);
  ExpectError(Call(*unit_, Request("PUT", ""), {}), 405, 60);
  ExpectError(Call(*unit_, Request("DELETE", ""), {}), 405, 60);
  ExpectError(Call(*unit_, Request("POST", "", "{}"), {Id(p.id)}), 405, 60);
  ExpectError(Call(*unit_, Request("POST", "", "{}"), {"do", "addTag"}), 400, 205);
  ExpectError(Call(*unit_, Request("POST", "", "{}"), {Id(p.id), "do", "addTag"}), 400, 205);
  ExpectError(Call(*unit_, Request("GET", "fields=id"), {Id(p.id), "extra"}), 404, 109);
}

}  // namespace
}  // namespace pdc::emulator
