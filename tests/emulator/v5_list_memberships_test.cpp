// The v5 list-membership object: create, read, query with filters and paging, delete, their
// errors and write-log entries, and that v3/v4 `list_<id>=1` and v5 see one set of memberships.
// In-process through the handler, then through the router for authentication, stats and state.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "tests/emulator/router.h"
#include "tests/emulator/v34_test_support.h"
#include "tests/emulator/v5_test_support.h"

namespace pdc::emulator {
namespace {

namespace json = boost::json;
using v5test::kNow;
using v5test::Request;

constexpr const char* kFields = "fields=id,listId,prospectId,optedOut,createdAt,updatedAt";

std::string Id(long long id) { return std::to_string(id); }

std::string Body(long long list_id, long long prospect_id) {
  return R"({"listId":)" + Id(list_id) + R"(,"prospectId":)" + Id(prospect_id) + "}";
}

class V5ListMembershipsTest : public ::testing::Test {
 protected:
  HttpResponse Call(const HttpRequest& request, const std::vector<std::string>& segments = {},
                    const HandlerOptions& options = {}) {
    return HandleV5ListMemberships(request, *unit_, segments, kNow + 60, options);
  }
  HttpResponse Add(long long list_id, long long prospect_id, const std::string& query = kFields) {
    return Call(Request("POST", query, Body(list_id, prospect_id)));
  }
  json::value Created(long long list_id, long long prospect_id) {
    const HttpResponse response = Add(list_id, prospect_id);
    EXPECT_EQ(response.status, 201) << response.body;
    return json::parse(response.body);
  }
  std::vector<long long> Ids(const HttpResponse& response) {
    EXPECT_EQ(response.status, 200) << response.body;
    std::vector<long long> ids;
    const json::value body = json::parse(response.body);
    for (const auto& v : body.at("values").as_array()) {
      ids.push_back(v.at("id").as_int64());
    }
    return ids;
  }
  static void ExpectError(const HttpResponse& response, int status, int code) {
    EXPECT_EQ(response.status, status) << response.body;
    EXPECT_EQ(json::parse(response.body).at("code"), code) << response.body;
  }
  std::unique_ptr<BusinessUnit> unit_ = v5test::MakeUnit();
  Prospect& ann_ = v5test::AddProspect(*unit_, "ann@example.com", kNow - 3600);
  Prospect& bob_ = v5test::AddProspect(*unit_, "bob@example.com", kNow - 3600);
};

TEST_F(V5ListMembershipsTest, CreateAnswers201AndStoresTheMembership) {
  unit_->next_list_membership_id = 7000001;
  const HttpResponse response = Call(Request(
      "POST", kFields, R"({"listId":42,"prospectId":)" + Id(ann_.id) + R"(,"optedOut":true})"));
  EXPECT_EQ(response.status, 201) << response.body;
  EXPECT_EQ(json::parse(response.body),
            json::parse(R"({"id":7000001,"listId":42,"prospectId":)" + Id(ann_.id) +
                        R"(,"optedOut":true,"createdAt":"2025-05-16T11:28:08-07:00",)"
                        R"("updatedAt":"2025-05-16T11:28:08-07:00"})"));
  ASSERT_NE(v5test::ResponseHeader(response, "Location"), nullptr);
  EXPECT_EQ(*v5test::ResponseHeader(response, "Location"),
            "https://pi.demo.pardot.com/api/v5/objects/list-memberships/7000001");
  ASSERT_TRUE(ann_.lists.contains(42));
  EXPECT_EQ(ann_.lists.at(42).id, 7000001);
  EXPECT_TRUE(ann_.lists.at(42).did_opt_out);
  EXPECT_EQ(ann_.Epoch("updated_at"), kNow + 60);
  EXPECT_EQ(unit_->write_log.writes.at(ann_.id),
            (std::vector<std::vector<std::string>>{{"list_42"}}));
  EXPECT_EQ(bob_.Epoch("updated_at"), kNow - 3600);

  const HttpResponse quiet = Add(43, ann_.id, "");
  EXPECT_EQ(quiet.status, 204);
  EXPECT_TRUE(quiet.body.empty());
  EXPECT_NE(v5test::ResponseHeader(quiet, "Location"), nullptr);
}

TEST_F(V5ListMembershipsTest, ReadAnswersTheRequestedFields) {
  const long long id = Created(42, bob_.id).at("id").as_int64();
  const HttpResponse read = Call(Request("GET", "fields=prospectId, listId,listId"), {Id(id)});
  EXPECT_EQ(read.status, 200);
  EXPECT_EQ(read.body, R"({"prospectId":)" + Id(bob_.id) + R"(,"listId":42})");
  ExpectError(Call(Request("GET", ""), {Id(id)}), 400, 13);
  ExpectError(Call(Request("GET", "fields=id,email"), {Id(id)}), 400, 51);
  ExpectError(Call(Request("GET", "fields=id"), {Id(id + 100)}), 404, 109);
  ExpectError(Call(Request("GET", "fields=id"), {"abc"}), 404, 109);
  ExpectError(Call(Request("PATCH", "fields=id", "{}"), {Id(id)}), 405, 60);
  ExpectError(Call(Request("PUT", "fields=id", "{}")), 405, 60);
}

TEST_F(V5ListMembershipsTest, CreateErrors) {
  ExpectError(Call(Request("POST", kFields, R"({"listId":42})")), 400, 153);
  ExpectError(Call(Request("POST", kFields, R"({"prospectId":1000001,"listId":null})")), 400, 153);
  ExpectError(Add(0, ann_.id), 400, 154);
  ExpectError(Add(-3, ann_.id), 400, 154);
  ExpectError(Call(Request("POST", kFields, R"({"listId":"42","prospectId":1000001})")), 400, 154);
  ExpectError(Call(Request("POST", kFields, Body(42, ann_.id).insert(1, R"("name":"x",)"))), 400,
              154);
  ExpectError(Call(Request("POST", kFields, Body(42, ann_.id).insert(1, R"("optedOut":1,)"))), 400,
              154);
  ExpectError(Call(Request("POST", kFields, "")), 400, 152);
  ExpectError(Call(Request("POST", kFields, Body(42, ann_.id), "text/plain")), 400, 151);
  ExpectError(Call(Request("POST", kFields, "[1]")), 400, 150);
  ExpectError(Call(Request("POST", "fields=nope", Body(42, ann_.id))), 400, 51);
  ExpectError(Add(42, 999), 404, 109);
  bob_.deleted = true;
  ExpectError(Add(42, bob_.id), 404, 109);
  EXPECT_TRUE(unit_->write_log.writes.empty());  // failed writes are not entries

  Created(42, ann_.id);
  ExpectError(Add(42, ann_.id), 400, 62);
  EXPECT_EQ(unit_->write_log.writes.at(ann_.id).size(), 1u);
}

TEST_F(V5ListMembershipsTest, DeleteRemovesTheMembershipAndIsAWrite) {
  const long long id = Created(42, ann_.id).at("id").as_int64();
  Created(43, ann_.id);
  const HttpResponse deleted = Call(Request("DELETE", ""), {Id(id)}, {});
  EXPECT_EQ(deleted.status, 204);
  EXPECT_TRUE(deleted.body.empty());
  EXPECT_FALSE(ann_.lists.contains(42));
  EXPECT_TRUE(ann_.lists.contains(43));
  EXPECT_EQ(unit_->write_log.writes.at(ann_.id),
            (std::vector<std::vector<std::string>>{{"list_42"}, {"list_43"}, {"list_42"}}));
  ExpectError(Call(Request("DELETE", ""), {Id(id)}), 404, 109);
  ExpectError(Call(Request("GET", "fields=id"), {Id(id)}), 404, 109);
  // A membership of a recycle-bin prospect is not found.
  const long long hidden = Created(44, bob_.id).at("id").as_int64();
  bob_.deleted = true;
  ExpectError(Call(Request("DELETE", ""), {Id(hidden)}), 404, 109);
}

TEST_F(V5ListMembershipsTest, QueryFiltersByListAndProspectInIdOrder) {
  const long long a42 = Created(42, ann_.id).at("id").as_int64();
  const long long b42 = Created(42, bob_.id).at("id").as_int64();
  const long long a43 = Created(43, ann_.id).at("id").as_int64();
  const long long b44 = Created(44, bob_.id).at("id").as_int64();
  EXPECT_EQ(Ids(Call(Request("GET", "fields=id"))), (std::vector<long long>{a42, b42, a43, b44}));
  EXPECT_EQ(Ids(Call(Request("GET", "fields=id&listId=42&orderBy=id"))),
            (std::vector<long long>{a42, b42}));
  EXPECT_EQ(Ids(Call(Request("GET", "fields=id&prospectId=" + Id(ann_.id)))),
            (std::vector<long long>{a42, a43}));
  EXPECT_EQ(Ids(Call(Request("GET", "fields=id&listId=42&prospectId=" + Id(bob_.id)))),
            (std::vector<long long>{b42}));
  EXPECT_TRUE(Ids(Call(Request("GET", "fields=id&listId=99"))).empty());
  bob_.deleted = true;
  EXPECT_EQ(Ids(Call(Request("GET", "fields=id&listId=42"))), (std::vector<long long>{a42}));

  ExpectError(Call(Request("GET", "")), 400, 13);
  ExpectError(Call(Request("GET", "fields=id&listId=x")), 400, 51);
  ExpectError(Call(Request("GET", "fields=id&listId=0")), 400, 51);
  ExpectError(Call(Request("GET", "fields=id&orderBy=createdAt")), 400, 51);
  ExpectError(Call(Request("GET", "fields=id&limit=1001")), 400, 51);
  ExpectError(Call(Request("GET", "fields=id&deleted=true")), 400, 51);
}

TEST_F(V5ListMembershipsTest, QueryPagesWithNextPageToken) {
  std::vector<long long> ids;
  for (long long list = 1; list <= 5; ++list) {
    ids.push_back(Created(list, ann_.id).at("id").as_int64());
  }
  Created(9, bob_.id);
  HttpResponse page =
      Call(Request("GET", "fields=id,listId&prospectId=" + Id(ann_.id) + "&limit=2"));
  std::vector<long long> seen;
  int pages = 0;
  while (true) {
    ++pages;
    for (long long id : Ids(page)) seen.push_back(id);
    const json::value body = json::parse(page.body);
    if (body.at("nextPageToken").is_null()) break;
    const std::string url(body.at("nextPageUrl").as_string());
    EXPECT_TRUE(
        url.starts_with("https://pi.demo.pardot.com/api/v5/objects/"
                        "list-memberships?fields=id,listId&nextPageToken="))
        << url;
    const std::string token(body.at("nextPageToken").as_string());
    page = Call(Request("GET", "fields=id,listId&nextPageToken=" + UrlEncode(token)));
  }
  EXPECT_EQ(seen, ids);
  EXPECT_EQ(pages, 3);

  const json::value first = json::parse(Call(Request("GET", "fields=id&limit=1")).body);
  const std::string token(first.at("nextPageToken").as_string());
  ExpectError(Call(Request("GET", "fields=id&limit=2&nextPageToken=" + UrlEncode(token))), 400, 51);
  ExpectError(Call(Request("GET", "fields=id&nextPageToken=garbage")), 400, 211);
  const long long later = kNow + 60 + HandlerOptions{}.v5_token_hours * 3600LL;
  ExpectError(HandleV5ListMemberships(Request("GET", "fields=id&nextPageToken=" + UrlEncode(token)),
                                      *unit_, {}, later, {}),
              400, 210);
  // A prospect query's token does not continue a membership query.
  const json::value prospects = json::parse(
      v5test::Call(*unit_, Request("GET", "fields=id&limit=1&orderBy=updatedAt"), {}).body);
  const std::string other(prospects.at("nextPageToken").as_string());
  ExpectError(Call(Request("GET", "fields=id&nextPageToken=" + UrlEncode(other))), 400, 211);
}

TEST_F(V5ListMembershipsTest, V34AndV5SeeTheSameMemberships) {
  // A v3/v4 subscription is a v5 membership...
  auto unit = v34test::MakeUnit(false);
  Prospect& p = v34test::AddProspect(*unit, "carol@example.com");
  v34test::Call subscribe;
  subscribe.method = "POST";
  subscribe.path = "update/id/" + Id(p.id);
  subscribe.form = {{"list_42", "1"}};
  ASSERT_EQ(v34test::Send(*unit, subscribe).status, 200);
  const HttpResponse query = HandleV5ListMemberships(
      Request("GET", "fields=id,listId,prospectId&listId=42"), *unit, {}, v34test::kNow, {});
  EXPECT_EQ(json::parse(query.body).at("values"),
            json::parse(R"([{"id":)" + Id(p.lists.at(42).id) + R"(,"listId":42,"prospectId":)" +
                        Id(p.id) + "}]"));

  // ...and a v5 membership is a v3/v4 subscription, its id from the same id space.
  const HttpResponse created = HandleV5ListMemberships(Request("POST", "fields=id", Body(43, p.id)),
                                                       *unit, {}, v34test::kNow, {});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(json::parse(created.body).at("id"), p.lists.at(42).id + 1);
  v34test::Call read;
  read.path = "read/id/" + Id(p.id);
  const std::string xml = v34test::Send(*unit, read).body;
  EXPECT_NE(xml.find("<id>43</id>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<id>" + Id(p.lists.at(43).id) + "</id>"), std::string::npos) << xml;

  // v3/v4 `list_43=0` removes what v5 created.
  v34test::Call unsubscribe = subscribe;
  unsubscribe.form = {{"list_43", "0"}};
  ASSERT_EQ(v34test::Send(*unit, unsubscribe).status, 200);
  EXPECT_EQ(HandleV5ListMemberships(Request("GET", "fields=id"), *unit,
                                    {Id(json::parse(created.body).at("id").as_int64())},
                                    v34test::kNow, {})
                .status,
            404);
  EXPECT_EQ(unit->write_log.writes.at(p.id),
            (std::vector<std::vector<std::string>>{{"list_42"}, {"list_43"}, {"list_43"}}));
}

// Through the router: authentication and the unit header apply, every request is counted by
// endpoint, and /_emulator/state shows the memberships.
TEST(V5ListMembershipsRouteTest, AuthStatsAndState) {
  Store store;
  BusinessUnit& unit = store.Add(v34test::MakeUnit(false));
  const long long prospect = v34test::AddProspect(unit, "dan@example.com").id;
  RouterOptions options;
  options.auth.static_tokens = {"T"};
  Router router(store, options);
  const auto send = [&](const std::string& method, const std::string& target,
                        const std::string& body = "", bool authorised = true) {
    HttpRequest request;
    request.method = method;
    const std::size_t question = target.find('?');
    request.raw_path = target.substr(0, question);
    request.path = request.raw_path;
    if (question != std::string::npos) request.query = ParseForm(target.substr(question + 1));
    request.body = body;
    request.headers.emplace_back("content-type", "application/json");
    if (authorised) {
      request.headers.emplace_back("authorization", "Bearer T");
      request.headers.emplace_back("pardot-business-unit-id", unit.id);
    }
    return router.Handle(request);
  };
  const std::string collection = "/api/v5/objects/list-memberships";
  EXPECT_EQ(send("GET", collection + "?fields=id", "", false).status, 400);  // 181
  const HttpResponse created = send("POST", collection + "?fields=id", Body(42, prospect));
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id = Id(json::parse(created.body).at("id").as_int64());
  EXPECT_EQ(send("GET", collection + "/" + id + "?fields=listId").body, R"({"listId":42})");
  EXPECT_EQ(send("GET", collection + "?fields=id&listId=42").status, 200);

  const json::value state = json::parse(send("GET", "/_emulator/state").body);
  const auto& lists = state.at("units").at(0).at("prospects").at(0).at("lists");
  EXPECT_EQ(lists.at(0).at("list_id"), 42);
  EXPECT_EQ(lists.at(0).at("id").as_int64(), std::stoll(id));

  EXPECT_EQ(send("DELETE", collection + "/" + id).status, 204);
  const json::value stats = json::parse(send("GET", "/_emulator/stats").body);
  const auto& by = stats.at("by_endpoint");
  EXPECT_EQ(by.at("v5 GET list-memberships"), 2);
  EXPECT_EQ(by.at("v5 POST list-memberships"), 1);
  EXPECT_EQ(by.at("v5 GET list-memberships/{id}"), 1);
  EXPECT_EQ(by.at("v5 DELETE list-memberships/{id}"), 1);
  EXPECT_EQ(stats.at("errors").at("181"), 1);
  EXPECT_EQ(stats.at("units").at(unit.id).at("writes"), 2);
}

}  // namespace
}  // namespace pdc::emulator
