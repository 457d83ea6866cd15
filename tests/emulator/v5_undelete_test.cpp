// v5 do/undelete: which deleted prospect it restores, what it answers, and its body errors
// (pardot-api.md §1.5; the body shape is the emulator's decision, v5_body.h).
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

class V5UndeleteTest : public ::testing::Test {
 protected:
  HttpResponse Undelete(const std::string& body, const std::string& query = "",
                        const std::string& type = "application/json") {
    return Call(*unit_, Request("POST", query, body, type), {"do", "undelete"}, kNow + 60);
  }
  // A recycled prospect with this email and last activity.
  Prospect& Deleted(const std::string& email, long long activity) {
    Prospect& p = AddProspect(*unit_, email, kNow);
    p.values["last_activity_at"] = std::to_string(activity);
    p.deleted = true;
    return p;
  }
  static void ExpectError(const HttpResponse& response, int status, int code) {
    EXPECT_EQ(response.status, status) << response.body;
    EXPECT_EQ(json::parse(response.body).at("code"), code) << response.body;
  }
  std::unique_ptr<BusinessUnit> unit_ = v5test::MakeUnit(/*ampsea=*/true);
};

TEST_F(V5UndeleteTest, RestoresTheDeletedMatchWithTheLatestActivityAnyCase) {
  Prospect& older = Deleted("Pat@Example.com", kNow - 500);
  Prospect& latest = Deleted("pat@example.COM", kNow - 100);
  latest.values["first_name"] = "Pat";
  Prospect& other = Deleted("someone@example.com", kNow);
  const HttpResponse restored = Undelete(R"({"matchEmail":"pat@example.com"})");
  ASSERT_EQ(restored.status, 200) << restored.body;
  EXPECT_EQ(json::parse(restored.body),
            json::parse("{\"id\":" + std::to_string(latest.id) +
                        R"(,"email":"pat@example.COM","firstName":"Pat","lastName":null,
                "createdAt":"2025-05-16T11:27:08-07:00","updatedAt":"2025-05-16T11:28:08-07:00",
                "lastActivityAt":"2025-05-16T11:25:28-07:00"})"));
  EXPECT_FALSE(latest.deleted);
  EXPECT_EQ(latest.Epoch("updated_at"), kNow + 60);
  EXPECT_TRUE(older.deleted);
  EXPECT_TRUE(other.deleted);
  EXPECT_EQ(unit_->write_log.TotalWrites(), 0);  // no field was supplied
  // The next undelete for the address restores the one left.
  const HttpResponse next = Undelete(R"({"matchEmail":"PAT@example.com"})", "fields=id");
  ASSERT_EQ(next.status, 200) << next.body;
  EXPECT_EQ(json::parse(next.body), json::parse("{\"id\":" + std::to_string(older.id) + "}"));
  EXPECT_FALSE(older.deleted);
}

TEST_F(V5UndeleteTest, EqualActivityRestoresTheHighestId) {
  Prospect& first = Deleted("tie@example.com", kNow);
  Prospect& second = Deleted("tie@example.com", kNow);
  ASSERT_LT(first.id, second.id);
  const HttpResponse restored = Undelete(R"({"matchEmail":"tie@example.com"})", "fields=id");
  ASSERT_EQ(restored.status, 200) << restored.body;
  EXPECT_EQ(json::parse(restored.body).at("id"), second.id);
  EXPECT_TRUE(first.deleted);
}

TEST_F(V5UndeleteTest, NoDeletedMatchIs404With109AndActiveProspectsAreNotMatches) {
  Prospect& active = AddProspect(*unit_, "here@example.com", kNow);
  ExpectError(Undelete(R"({"matchEmail":"here@example.com"})"), 404, 109);
  ExpectError(Undelete(R"({"matchEmail":"nobody@example.com"})"), 404, 109);
  EXPECT_FALSE(active.deleted);
}

TEST_F(V5UndeleteTest, NonAmpseaUnitRefusesAnAddressAnActiveProspectHolds) {
  unit_ = v5test::MakeUnit(/*ampsea=*/false);
  Prospect& gone = Deleted("once@example.com", kNow);
  AddProspect(*unit_, "ONCE@example.com", kNow);
  ExpectError(Undelete(R"({"matchEmail":"once@example.com"})"), 400, 54);
  EXPECT_TRUE(gone.deleted);
}

TEST_F(V5UndeleteTest, BadBodiesAreRefusedAndRestoreNothing) {
  Prospect& gone = Deleted("b@example.com", kNow);
  ExpectError(Undelete(""), 400, 152);
  ExpectError(Undelete(R"({"matchEmail":"b@example.com"})", "", "text/plain"), 400, 151);
  ExpectError(Undelete("{matchEmail}"), 400, 150);
  ExpectError(Undelete(R"(["b@example.com"])"), 400, 150);
  ExpectError(Undelete("{}"), 400, 153);
  ExpectError(Undelete(R"({"matchEmail":""})"), 400, 153);
  ExpectError(Undelete(R"({"matchEmail":7})"), 400, 154);
  ExpectError(Undelete(R"({"matchEmail":"b@example.com","id":1})"), 400, 154);
  ExpectError(Undelete(R"({"matchEmail":"b@example.com"})", "fields=nope"), 400, 51);
  const HttpResponse missing = Undelete("{}");
  EXPECT_EQ(json::parse(missing.body).at("message"), "Missing required property: matchEmail");
  EXPECT_TRUE(gone.deleted);
}

TEST_F(V5UndeleteTest, OnlyPostIsAllowed) {
  Deleted("m@example.com", kNow);
  ExpectError(Call(*unit_, Request("GET", "fields=id"), {"do", "undelete"}), 405, 60);
}

}  // namespace
}  // namespace pdc::emulator
