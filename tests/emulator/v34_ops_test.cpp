// read, create, update, upsert, delete, assign and unassign by id, email and fid (v3 and v4).
#include <gtest/gtest.h>

#include "tests/emulator/v34_test_support.h"

namespace pdc::emulator {
namespace {

using namespace v34test;
namespace json = boost::json;

constexpr char kLead[] = "00Q5e00000AbCdE";
constexpr char kContact[] = "0035e00000AbCdEAAX";

std::string Id(const Prospect& p) { return std::to_string(p.id); }

HttpResponse Post(BusinessUnit& unit, const std::string& path, Params form = {}) {
  return Send(unit, {.method = "POST", .path = path, .form = std::move(form)});
}

TEST(V34Ops, ReadByIdAndUrlEncodedEmail) {
  auto unit = MakeUnit(false);
  const Prospect& p = AddProspect(*unit, "a+b@example.com");
  EXPECT_EQ(Text(Send(*unit, {.path = "read/id/" + Id(p)}).body, "email"), "a+b@example.com");
  const auto by_email = Send(*unit, {.path = "read/email/a%2Bb%40example.com"});
  EXPECT_EQ(Text(by_email.body, "id"), Id(p));
  EXPECT_EQ(Text(Send(*unit, {.path = "read/email/A%2BB%40Example.com"}).body, "id"), Id(p));
  EXPECT_EQ(ErrorCode(Send(*unit, {.path = "read/id/42"})), 3);
  EXPECT_EQ(ErrorCode(Send(*unit, {.path = "read/id/4x"})), 16);
  EXPECT_EQ(ErrorCode(Send(*unit, {.path = "read/email/nobody%40example.com"})), 4);
  EXPECT_EQ(ErrorCode(Send(*unit, {.path = "read/email/not-an-email"})), 4);
  EXPECT_EQ(ErrorCode(Send(*unit, {.path = "read/fid/00Q5e00000AbCdE"})), 22);  // v3
  EXPECT_EQ(ErrorCode(Send(*unit, {.path = "read/name/x"})), 2);
  EXPECT_EQ(ErrorCode(Send(*unit, {.path = "read"})), 13);
  EXPECT_EQ(ErrorCode(Send(*unit, {.path = "read/id/1/extra"})), 2);
  EXPECT_EQ(ErrorCode(Send(*unit, {.path = "frobnicate"})), 2);
}

TEST(V34Ops, ArchivedProspects) {
  auto unit = MakeUnit(false);
  Prospect& p = AddProspect(*unit, "gone@example.com");
  p.deleted = true;
  EXPECT_EQ(ErrorCode(Send(*unit, {.path = "read/id/" + Id(p)})), 132);
  EXPECT_EQ(ErrorCode(Post(*unit, "update/id/" + Id(p), {{"city", "X"}})), 132);
  EXPECT_EQ(ErrorCode(Send(*unit, {.path = "read/email/gone%40example.com"})), 4);
  // upsert by id restores it
  EXPECT_EQ(ErrorCode(Post(*unit, "upsert/id/" + Id(p), {{"city", "Back"}})), 0);
  EXPECT_FALSE(p.deleted);
  EXPECT_EQ(p.Get("city"), "Back");
}

TEST(V34Ops, V3Create) {
  auto unit = MakeUnit(false);
  const auto created =
      Post(*unit, "create/email/new%40example.com", {{"first_name", "Ann"}, {"format", "json"}});
  const auto body = Json(created);
  EXPECT_EQ(body.at("prospect").at("email"), json::value("new@example.com"));
  EXPECT_EQ(body.at("prospect").at("first_name"), json::value("Ann"));
  EXPECT_TRUE(body.at("prospect").as_object().contains("lists"));
  EXPECT_EQ(ErrorCode(Post(*unit, "create/email/new%40example.com")), 9);
  EXPECT_EQ(ErrorCode(Post(*unit, "create/email/NEW%40example.com")), 9);
  EXPECT_EQ(ErrorCode(Post(*unit, "create/email/bad%40")), 4);
  EXPECT_EQ(ErrorCode(Post(*unit, "create/email/" + std::string(250, 'a') + "%40x.com")), 4);
  EXPECT_EQ(ErrorCode(Post(*unit, "create/id/5")), 22);
  EXPECT_EQ(unit->prospects.size(), 1u);
}

TEST(V34Ops, WritesSetClearAndIgnore) {
  auto unit = MakeUnit(false);
  Prospect& p = AddProspect(*unit, "w@example.com", 100);
  p.values["city"] = "Boston";
  const auto response = Post(*unit, "update/id/" + Id(p),
                             {{"city", ""},
                              {"company", "Acme"},
                              {"is_do_not_email", "1"},
                              {"grade", "A"},      // read-only: ignored
                              {"nickname", "Al"},  // unknown: ignored
                              {"Hobby", "chess"},
                              {"Colors_0", "red"},
                              {"Colors_1", "blue"},
                              {"list_12", "1"},
                              {"list_13", "1"}});
  ASSERT_EQ(ErrorCode(response), 0) << response.body;
  EXPECT_EQ(p.Get("city"), "");
  EXPECT_EQ(p.Get("company"), "Acme");
  EXPECT_EQ(p.Get("is_do_not_email"), "true");
  EXPECT_EQ(p.Get("grade"), "");
  EXPECT_EQ(p.Get("Hobby"), "chess");
  EXPECT_EQ(p.multi["Colors"], (std::vector<std::string>{"red", "blue"}));
  EXPECT_EQ(p.lists.size(), 2u);
  EXPECT_EQ(p.Epoch("updated_at"), kNow);
  EXPECT_EQ(Text(response.body, "is_do_not_email"), "1");
  EXPECT_EQ(ChildNames(response.body, "lists"),
            (std::vector<std::string>{"list_subscription", "list_subscription"}));

  ASSERT_EQ(ErrorCode(Post(*unit, "update/id/" + Id(p),
                           {{"Colors_0", ""}, {"list_12", "0"}, {"Hobby", ""}})),
            0);
  EXPECT_FALSE(p.multi.contains("Colors"));
  EXPECT_EQ(p.lists.size(), 1u);
  EXPECT_EQ(Send(*unit, {.path = "read/id/" + Id(p)}).body.find("<Hobby"), std::string::npos);
}

TEST(V34Ops, WriteValueErrorsLeaveTheProspectAlone) {
  auto unit = MakeUnit(false);
  Prospect& p = AddProspect(*unit, "v@example.com", 100);
  const std::string path = "update/id/" + Id(p);
  EXPECT_EQ(ErrorCode(Post(*unit, path, {{"city", "X"}, {"is_starred", "yes"}})), 50);
  EXPECT_EQ(ErrorCode(Post(*unit, path, {{"campaign_id", "abc"}})), 38);
  EXPECT_EQ(ErrorCode(Post(*unit, path, {{"score", "high"}})), 29);
  EXPECT_EQ(ErrorCode(Post(*unit, path, {{"prospect_account_id", "-3"}})), 61);
  EXPECT_EQ(ErrorCode(Post(*unit, path, {{"Seats", "many"}})), 56);
  EXPECT_EQ(ErrorCode(Post(*unit, path, {{"list_x", "1"}})), 55);
  EXPECT_EQ(ErrorCode(Post(*unit, path, {{"list_5", "maybe"}})), 50);
  EXPECT_EQ(ErrorCode(Post(*unit, path, {{"email", "broken"}})), 4);
  EXPECT_EQ(ErrorCode(Post(*unit, path, {{"email", ""}})), 4);
  EXPECT_EQ(ErrorCode(Post(*unit, path, {{"user_id", "77"}})), 10);
  EXPECT_EQ(ErrorCode(Post(*unit, path, {{"user_id", "1"}, {"crm_owner_fid", "005xx"}})), 125);
  EXPECT_EQ(p.Get("city"), "");
  EXPECT_EQ(p.Epoch("updated_at"), kNow - 100);
}

TEST(V34Ops, V3UpdateByEmailKeepsTheEmail) {
  auto unit = MakeUnit(false);
  Prospect& p = AddProspect(*unit, "keep@example.com");
  AddProspect(*unit, "other@example.com");
  ASSERT_EQ(ErrorCode(Post(*unit, "update/email/keep%40example.com",
                           {{"email", "changed@example.com"}, {"city", "Rome"}})),
            0);
  EXPECT_EQ(p.Get("email"), "keep@example.com");
  EXPECT_EQ(p.Get("city"), "Rome");
  EXPECT_EQ(ErrorCode(Post(*unit, "update/id/" + Id(p), {{"email", "other@example.com"}})), 9);
  ASSERT_EQ(ErrorCode(Post(*unit, "update/id/" + Id(p), {{"email", "new@example.com"}})), 0);
  EXPECT_EQ(p.Get("email"), "new@example.com");
}

TEST(V34Ops, V3Upsert) {
  auto unit = MakeUnit(false);
  Prospect& p = AddProspect(*unit, "up@example.com");
  ASSERT_EQ(ErrorCode(Post(*unit, "upsert/email/up%40example.com", {{"city", "A"}})), 0);
  EXPECT_EQ(p.Get("city"), "A");
  ASSERT_EQ(ErrorCode(Post(*unit, "upsert/email/fresh%40example.com", {{"city", "B"}})), 0);
  EXPECT_EQ(unit->prospects.size(), 2u);
  // Unknown id: the email param finds the prospect, else creates one; no email → 14.
  ASSERT_EQ(ErrorCode(Post(*unit, "upsert/id/999", {{"email", "up@example.com"}, {"city", "C"}})),
            0);
  EXPECT_EQ(p.Get("city"), "C");
  ASSERT_EQ(ErrorCode(Post(*unit, "upsert/id/999", {{"email", "third@example.com"}})), 0);
  EXPECT_EQ(unit->prospects.size(), 3u);
  EXPECT_EQ(ErrorCode(Post(*unit, "upsert/id/999", {{"city", "D"}})), 14);
  ASSERT_EQ(ErrorCode(Post(*unit, "upsert/id/" + Id(p), {{"email", "moved@example.com"}})), 0);
  EXPECT_EQ(p.Get("email"), "moved@example.com");
  EXPECT_EQ(ErrorCode(Post(*unit, "upsert/email/nope")), 4);
}

TEST(V34Ops, V4ReadByEmailReturnsEverySharer) {
  auto unit = MakeUnit(true);
  const Prospect& a = AddProspect(*unit, "shared@example.com");
  const Prospect& b = AddProspect(*unit, "shared@example.com");
  AddProspect(*unit, "Shared@example.com");  // another address on an AMPSEA unit
  const auto xml = Send(*unit, {.path = "read/email/shared%40example.com"}).body;
  std::size_t count = 0;
  for (auto at = xml.find("\n    <prospect>"); at != std::string::npos;
       at = xml.find("\n    <prospect>", at + 1)) {
    ++count;
  }
  EXPECT_EQ(count, 2u);
  EXPECT_EQ(Text(xml, "id"), Id(a));
  EXPECT_EQ(Text(xml, "id", xml.find("</prospect>")), Id(b));
  const auto json =
      Json(Send(*unit, {.path = "read/email/shared%40example.com", .query = {{"format", "json"}}}));
  EXPECT_EQ(json.at("prospect").as_array().size(), 2u);
  const auto one =
      Json(Send(*unit, {.path = "read/email/Shared%40example.com", .query = {{"format", "json"}}}));
  EXPECT_TRUE(one.at("prospect").is_object());
}

TEST(V34Ops, V4IdentifierRules) {
  auto unit = MakeUnit(true);
  Prospect& p = AddProspect(*unit, "v4@example.com");
  p.values["crm_lead_fid"] = kLead;
  EXPECT_EQ(Text(Send(*unit, {.path = std::string("read/fid/") + kLead}).body, "id"), Id(p));
  EXPECT_EQ(ErrorCode(Send(*unit, {.path = "read/fid/001xx000003DGb2"})), 77);
  EXPECT_EQ(ErrorCode(Send(*unit, {.path = "read/fid/00Q5e00000ZZZZZ"})), 92);
  EXPECT_EQ(ErrorCode(Post(*unit, "update/email/v4%40example.com", {{"city", "X"}})), 22);
  EXPECT_EQ(ErrorCode(Post(*unit, "delete/email/v4%40example.com")), 22);
  EXPECT_EQ(ErrorCode(Post(*unit, "assign/email/v4%40example.com", {{"user_id", "1"}})), 22);
  ASSERT_EQ(ErrorCode(Post(*unit, std::string("update/fid/") + kLead, {{"city", "Y"}})), 0);
  EXPECT_EQ(p.Get("city"), "Y");
  EXPECT_EQ(ErrorCode(Post(*unit, "update/id/" + Id(p), {{"fid", kContact}})), 81);
  EXPECT_EQ(ErrorCode(Post(*unit, "update/id/" + Id(p), {{"fid", "bogus"}})), 77);
}

TEST(V34Ops, V4CreateAndUpsert) {
  auto unit = MakeUnit(true);
  ASSERT_EQ(ErrorCode(Post(*unit, "create/email/dup%40example.com")), 0);
  ASSERT_EQ(ErrorCode(Post(*unit, "create/email/dup%40example.com", {{"fid", kContact}})), 0);
  EXPECT_EQ(unit->prospects.size(), 2u);  // duplicates allowed
  EXPECT_NE(unit->FindByFid(kContact), nullptr);
  // upsert by email always creates
  ASSERT_EQ(ErrorCode(Post(*unit, "upsert/email/dup%40example.com")), 0);
  EXPECT_EQ(unit->prospects.size(), 3u);
  // upsert by fid: update when it matches, else create with the email+fid pair, else 92
  ASSERT_EQ(ErrorCode(Post(*unit, std::string("upsert/fid/") + kContact, {{"city", "Z"}})), 0);
  EXPECT_EQ(unit->FindByFid(kContact)->Get("city"), "Z");
  ASSERT_EQ(
      ErrorCode(Post(*unit, std::string("upsert/fid/") + kLead, {{"email", "lead@example.com"}})),
      0);
  EXPECT_EQ(unit->FindByFid(kLead)->Get("email"), "lead@example.com");
  EXPECT_EQ(ErrorCode(Post(*unit, "upsert/fid/00Q5e00000QQQQQ")), 92);
  // upsert by an unknown id: creates with an email param, else 14
  EXPECT_EQ(ErrorCode(Post(*unit, "upsert/id/5")), 14);
  ASSERT_EQ(ErrorCode(Post(*unit, "upsert/id/5", {{"email", "x@example.com"}})), 0);
  EXPECT_EQ(unit->prospects.size(), 5u);
}

TEST(V34Ops, DeleteIs204AndNotByGet) {
  auto unit = MakeUnit(false);
  Prospect& p = AddProspect(*unit, "del@example.com", 100);
  EXPECT_EQ(ErrorCode(Send(*unit, {.path = "delete/id/" + Id(p)})), 60);
  EXPECT_FALSE(p.deleted);
  const auto deleted = Send(*unit, {.method = "DELETE", .path = "delete/id/" + Id(p)});
  EXPECT_EQ(deleted.status, 204);
  EXPECT_TRUE(deleted.body.empty());
  EXPECT_TRUE(p.deleted);
  EXPECT_EQ(p.Epoch("updated_at"), kNow);
  EXPECT_EQ(ErrorCode(Post(*unit, "delete/id/" + Id(p))), 132);
  Prospect& q = AddProspect(*unit, "del2@example.com");
  EXPECT_EQ(Post(*unit, "delete/email/del2%40example.com").status, 204);
  EXPECT_TRUE(q.deleted);
  EXPECT_EQ(ErrorCode(Send(*unit, {.method = "PUT", .path = "read/id/" + Id(q)})), 60);
}

TEST(V34Ops, AssignAndUnassign) {
  auto unit = MakeUnit(false);
  Prospect& p = AddProspect(*unit, "as@example.com", 100);
  const std::string path = "assign/id/" + Id(p);
  const auto assigned = Post(*unit, path, {{"user_email", "Sales.User@example.com"}});
  ASSERT_EQ(ErrorCode(assigned), 0) << assigned.body;
  EXPECT_EQ(p.assigned_user, 2332);
  EXPECT_EQ(Text(assigned.body, "email", assigned.body.find("<user>")), "sales.user@example.com");
  EXPECT_EQ(p.Epoch("updated_at"), kNow);
  ASSERT_EQ(ErrorCode(Post(*unit, "assign/email/as%40example.com", {{"user_id", "1"}})), 0);
  EXPECT_EQ(p.assigned_user, 1);
  EXPECT_EQ(ErrorCode(Post(*unit, path, {{"user_id", "1"}, {"group_id", "3"}})), 47);
  EXPECT_EQ(ErrorCode(Post(*unit, path)), 13);
  EXPECT_EQ(ErrorCode(Post(*unit, path, {{"user_id", "404"}})), 10);
  EXPECT_EQ(ErrorCode(Post(*unit, path, {{"user_email", "x@example.com"}})), 11);
  EXPECT_EQ(ErrorCode(Post(*unit, path, {{"group_id", "3"}})), 12);
  EXPECT_EQ(ErrorCode(Post(*unit, "assign/id/9", {{"user_id", "1"}})), 3);
  const auto unassigned = Post(*unit, "unassign/id/" + Id(p));
  ASSERT_EQ(ErrorCode(unassigned), 0);
  EXPECT_FALSE(p.assigned_user);
  EXPECT_EQ(unassigned.body.find("<assigned_to>"), std::string::npos);
}

TEST(V34Ops, CreateAssignsByUserId) {
  auto unit = MakeUnit(false);
  ASSERT_EQ(ErrorCode(Post(*unit, "create/email/own%40example.com", {{"user_id", "2332"}})), 0);
  EXPECT_EQ(unit->prospects.begin()->second.assigned_user, 2332);
}

}  // namespace
}  // namespace pdc::emulator
