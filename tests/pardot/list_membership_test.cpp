// List memberships as `list_<id>` fields: the names and values, the member pull's paging, and
// how the writer sends a change in v3 (inside the batch update) and v5 (the list-membership
// object, idempotent both ways).
#include "pipeline/pardot/list_membership.h"

#include <gtest/gtest.h>

#include <functional>
#include <mutex>
#include <vector>

#include "pipeline/pardot/writer.h"

namespace pdc::pardot {
namespace {

class ScriptedTransport final : public Transport {
 public:
  explicit ScriptedTransport(std::function<Response(const Request&)> answer)
      : answer_(std::move(answer)) {}
  Response Send(const Request& request) override {
    std::lock_guard lock(mutex_);
    sent.push_back(request);
    return answer_(request);
  }
  std::vector<Request> sent;

 private:
  std::function<Response(const Request&)> answer_;
  std::mutex mutex_;
};

Response Answer(int status, std::string body) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

struct Harness {
  explicit Harness(std::function<Response(const Request&)> answer)
      : transport(std::make_shared<ScriptedTransport>(std::move(answer))),
        session(Options(), transport, FastGovernor()) {}
  static SessionOptions Options() {
    SessionOptions o;
    o.base_url = "http://127.0.0.1:1";
    o.business_unit_id = "0Uv000000000001AAA";
    o.credentials.access_token = "tok";
    return o;
  }
  static std::shared_ptr<Governor> FastGovernor() {
    GovernorOptions g;
    g.backoff_base = std::chrono::milliseconds(1);
    g.backoff_cap = std::chrono::milliseconds(2);
    return std::make_shared<Governor>(g);
  }
  std::shared_ptr<ScriptedTransport> transport;
  Session session;
};

Operation Change(const std::string& prospect, long long list, bool before, bool after) {
  Operation op;
  op.op_id = 1;
  op.prospect_id = prospect;
  op.fields.push_back({ListField(list), MemberValue(before), MemberValue(after)});
  return op;
}

TEST(ListMembershipTest, FieldNamesAndValues) {
  EXPECT_EQ(ListIdOf("list_12"), 12);
  EXPECT_EQ(ListField(12), "list_12");
  for (const char* other : {"list_", "list_0", "list_-3", "list_12a", "lists", "list_id", "x"}) {
    EXPECT_FALSE(ListIdOf(other).has_value()) << other;
  }
  for (const char* yes : {"1", "true", "TRUE", "yes"}) EXPECT_EQ(IsMember(Value::Text(yes)), true);
  for (const char* no : {"", "0", "false", "No"}) EXPECT_EQ(IsMember(Value::Text(no)), false);
  EXPECT_EQ(IsMember(Value()), false);
  EXPECT_FALSE(IsMember(Value::Text("maybe")).has_value());
  EXPECT_EQ(MemberValue(true).text(), "1");
  EXPECT_TRUE(MemberValue(false).is_null());
}

TEST(ListMembershipTest, V4PullPagesByIdUntilAShortPage) {
  int pages = 0;
  Harness h([&](const Request& r) {
    ++pages;
    if (r.url.find("id_greater_than=0") != std::string::npos) {
      std::string rows;
      for (int i = 1; i <= 200; ++i)
        rows += (i > 1 ? "," : "") + ("{\"id\":" + std::to_string(i)) + "}";
      return Answer(200, R"({"@attributes":{"stat":"ok"},"result":{"prospect":[)" + rows + "]}}");
    }
    EXPECT_NE(r.url.find("id_greater_than=200"), std::string::npos) << r.url;
    return Answer(200, R"({"@attributes":{"stat":"ok"},"result":{"prospect":{"id":250}}})");
  });
  const auto pulled = PullListMembers(h.session, 4, 12);
  ASSERT_EQ(pulled.outcome.outcome, Outcome::kOk) << pulled.error;
  EXPECT_EQ(pages, 2);
  EXPECT_EQ(pulled.members.size(), 201u);
  EXPECT_TRUE(pulled.members.contains(250));
  EXPECT_NE(h.transport->sent[0].url.find("list_id=12"), std::string::npos);
}

TEST(ListMembershipTest, APullThatFailsNamesTheList) {
  Harness h([](const Request&) {
    return Answer(400, R"({"@attributes":{"stat":"fail","err_code":55},"err":"Invalid list ID"})");
  });
  const auto pulled = PullListMembers(h.session, 4, 99);
  EXPECT_NE(pulled.outcome.outcome, Outcome::kOk);
  EXPECT_NE(pulled.error.find("list 99"), std::string::npos) << pulled.error;
}

TEST(ListMembershipTest, V3SendsTheMembershipInTheBatchUpdate) {
  Harness h([](const Request&) { return Answer(200, R"({"@attributes":{"stat":"ok"}})"); });
  ProspectWriter writer(h.session, 3);
  const auto result = writer.Send({Change("7", 12, true, false)});
  ASSERT_EQ(result.outcomes.size(), 1u);
  EXPECT_EQ(result.outcomes[0].state, OpState::kConfirmed);
  ASSERT_EQ(h.transport->sent.size(), 1u);
  // prospects={"prospects":{"7":{"list_12":"0"}}}, URL-encoded
  EXPECT_NE(h.transport->sent[0].body.find("%22list_12%22%3A%220%22"), std::string::npos)
      << h.transport->sent[0].body;
}

TEST(ListMembershipTest, V5AddOfAMemberAndRemoveOfANonMemberAreConfirmed) {
  // The prospect is on list 12 already (the POST is refused) and not on list 13.
  Harness h([](const Request& r) {
    if (r.method == "POST") {
      return Answer(400, R"({"code":62,"message":"Conflicting Update"})");
    }
    if (r.url.find("listId=12") != std::string::npos) {
      return Answer(200, R"({"values":[{"id":555,"prospectId":7}]})");
    }
    return Answer(200, R"({"values":[]})");
  });
  ProspectWriter writer(h.session, 5);
  const auto added = writer.Send({Change("7", 12, false, true)});
  ASSERT_EQ(added.outcomes.size(), 1u);
  EXPECT_EQ(added.outcomes[0].state, OpState::kConfirmed) << added.outcomes[0].error;
  const auto removed = writer.Send({Change("7", 13, true, false)});
  ASSERT_EQ(removed.outcomes.size(), 1u);
  EXPECT_EQ(removed.outcomes[0].state, OpState::kConfirmed) << removed.outcomes[0].error;
  for (const Request& r : h.transport->sent) EXPECT_NE(r.method, "DELETE");
  // A v5 operation that mixes a membership with other fields is refused, not half sent.
  Operation mixed = Change("7", 12, false, true);
  mixed.fields.push_back({"city", Value(), Value::Text("Berlin")});
  const auto refused = writer.Send({mixed});
  ASSERT_EQ(refused.outcomes.size(), 1u);
  EXPECT_EQ(refused.outcomes[0].state, OpState::kFailed);
}

TEST(ListMembershipTest, V5RemoveDeletesTheMembershipItFinds) {
  Harness h([](const Request& r) {
    if (r.method == "DELETE") return Answer(204, "");
    return Answer(200, R"({"values":[{"id":555,"prospectId":7}]})");
  });
  ProspectWriter writer(h.session, 5);
  const auto removed = writer.Send({Change("7", 12, true, false)});
  ASSERT_EQ(removed.outcomes.size(), 1u);
  EXPECT_EQ(removed.outcomes[0].state, OpState::kConfirmed) << removed.outcomes[0].error;
  ASSERT_EQ(h.transport->sent.size(), 2u);
  EXPECT_EQ(h.transport->sent[1].url, "http://127.0.0.1:1/api/v5/objects/list-memberships/555");
}

}  // namespace
}  // namespace pdc::pardot
