#include "pipeline/pardot/session.h"

#include <gtest/gtest.h>

#include <atomic>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace pdc::pardot {
namespace {

// A transport answered by a function, recording every request.
class FakeTransport final : public Transport {
 public:
  explicit FakeTransport(std::function<Response(const Request&)> answer)
      : answer_(std::move(answer)) {}
  Response Send(const Request& request) override {
    {
      std::lock_guard lock(mutex_);
      sent.push_back(request);
    }
    return answer_(request);
  }
  std::vector<Request> Sent() {
    std::lock_guard lock(mutex_);
    return sent;
  }

 private:
  std::function<Response(const Request&)> answer_;
  std::mutex mutex_;
  std::vector<Request> sent;
};

std::string HeaderOf(const Request& r, const std::string& name) {
  for (const auto& [k, v] : r.headers) {
    if (k == name) return v;
  }
  return "";
}

Response Json(int status, std::string body) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

SessionOptions Options() {
  SessionOptions o;
  o.base_url = "http://127.0.0.1:1";
  o.business_unit_id = "0Uv000000000001AAA";
  o.credentials = {"old-token", "http://127.0.0.1:1/services/oauth2/token", "client",
                   "s3cret-client", "r3fresh"};
  return o;
}

std::shared_ptr<Governor> FastGovernor() {
  GovernorOptions g;
  g.backoff_base = std::chrono::milliseconds(1);
  g.backoff_cap = std::chrono::milliseconds(2);
  return std::make_shared<Governor>(g);
}

// Answers API calls with 184 unless they carry "new-token"; the token endpoint issues it.
Response TokenAware(const Request& r, std::atomic<int>& refreshes) {
  if (r.url.find("/services/oauth2/token") != std::string::npos) {
    ++refreshes;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    return Json(200, R"({"access_token":"new-token","token_type":"Bearer","issued_at":"1"})");
  }
  if (HeaderOf(r, "Authorization") == "Bearer new-token") return Json(200, R"({"values":[]})");
  return Json(401, R"({"code":184,"message":"access_token is invalid, unknown, or malformed"})");
}

TEST(SessionTest, SendsBearerAndBusinessUnitHeaders) {
  auto transport = std::make_shared<FakeTransport>([](const Request&) { return Json(200, "{}"); });
  Session session(Options(), transport, FastGovernor());
  Request request;
  request.url = "/api/v5/objects/prospects?fields=id";
  const auto result = session.Send(request);
  EXPECT_EQ(result.classified.outcome, Outcome::kOk);
  const auto sent = transport->Sent();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].url, "http://127.0.0.1:1/api/v5/objects/prospects?fields=id");
  EXPECT_EQ(HeaderOf(sent[0], "Authorization"), "Bearer old-token");
  EXPECT_EQ(HeaderOf(sent[0], "Pardot-Business-Unit-Id"), "0Uv000000000001AAA");
}

TEST(SessionTest, RefreshesOnceForAllThreadsAndReplays) {
  std::atomic<int> refreshes{0};
  auto transport =
      std::make_shared<FakeTransport>([&](const Request& r) { return TokenAware(r, refreshes); });
  Session session(Options(), transport, FastGovernor());
  std::vector<std::thread> workers;
  std::atomic<int> ok{0};
  for (int i = 0; i < 8; ++i) {
    workers.emplace_back([&] {
      Request request;
      request.url = "/api/v5/objects/prospects?fields=id";
      if (session.Send(request).classified.outcome == Outcome::kOk) ++ok;
    });
  }
  for (auto& w : workers) w.join();
  EXPECT_EQ(ok.load(), 8);
  EXPECT_EQ(refreshes.load(), 1);
  for (const auto& r : transport->Sent()) {
    if (r.url.find("oauth2") == std::string::npos) continue;
    EXPECT_EQ(r.method, "POST");
    EXPECT_NE(r.body.find("grant_type=refresh_token"), std::string::npos);
    EXPECT_NE(r.body.find("refresh_token=r3fresh"), std::string::npos);
  }
}

TEST(SessionTest, RefusedAfterRefreshIsAnAuthFailure) {
  std::atomic<int> calls{0};
  auto transport = std::make_shared<FakeTransport>([&](const Request& r) {
    ++calls;
    if (r.url.find("oauth2") != std::string::npos) {
      return Json(200, R"({"access_token":"still-bad"})");
    }
    return Json(200, "<rsp stat=\"fail\"><err code=\"184\">access_token is invalid</err></rsp>");
  });
  Session session(Options(), transport, FastGovernor());
  Request request;
  request.url = "/api/prospect/version/4/do/query";
  const auto result = session.Send(request);
  EXPECT_TRUE(result.auth_failed);
  EXPECT_EQ(calls.load(), 3);  // the call, one refresh, one replay
}

TEST(SessionTest, RefreshErrorsNameTheCauseButNoSecret) {
  auto transport = std::make_shared<FakeTransport>([](const Request& r) {
    if (r.url.find("oauth2") != std::string::npos) {
      return Json(
          400, R"({"error":"invalid_grant","error_description":"expired access/refresh token"})");
    }
    return Json(401, R"({"code":184,"message":"access_token is invalid, unknown, or malformed"})");
  });
  Session session(Options(), transport, FastGovernor());
  Request request;
  request.url = "/api/v5/objects/prospects?fields=id";
  const auto result = session.Send(request);
  EXPECT_TRUE(result.auth_failed);
  EXPECT_NE(result.classified.message.find("invalid_grant"), std::string::npos);
  EXPECT_EQ(result.classified.message.find("s3cret"), std::string::npos);
  EXPECT_EQ(result.classified.message.find("r3fresh"), std::string::npos);
  EXPECT_EQ(result.classified.message.find("old-token"), std::string::npos);
}

TEST(SessionTest, NoTokenAndNoRefreshGrant) {
  SessionOptions o = Options();
  o.credentials = {};
  auto transport = std::make_shared<FakeTransport>([](const Request&) { return Json(200, "{}"); });
  Session session(o, transport, FastGovernor());
  Request request;
  request.url = "/x";
  const auto result = session.Send(request);
  EXPECT_TRUE(result.auth_failed);
  EXPECT_TRUE(transport->Sent().empty());
}

TEST(SessionTest, BusinessUnitIdFormat) {
  EXPECT_TRUE(CheckBusinessUnitId("0Uv000000000001AAA").ok());
  EXPECT_FALSE(CheckBusinessUnitId("0Uv000000000001").ok());
  EXPECT_FALSE(CheckBusinessUnitId("00D000000000001AAA").ok());
  EXPECT_FALSE(CheckBusinessUnitId("0Uv00000000000-AAA").ok());
  EXPECT_EQ(BaseUrlOf("demo"), "https://pi.demo.pardot.com");
  EXPECT_EQ(BaseUrlOf("production"), "https://pi.pardot.com");
}

}  // namespace
}  // namespace pdc::pardot
