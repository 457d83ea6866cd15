#include "pipeline/pardot/governor.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace pdc::pardot {
namespace {

GovernorOptions Fast(long long budget = 1000) {
  GovernorOptions o;
  o.budget = budget;
  o.backoff_base = std::chrono::milliseconds(1);
  o.backoff_cap = std::chrono::milliseconds(4);
  o.seed = 7;
  return o;
}

Response Answer(int status, std::string body = "") {
  Response r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

TEST(GovernorTest, NeverMoreThanFiveInFlight) {
  Governor governor(Fast());
  std::atomic<int> now{0}, peak{0};
  std::vector<std::thread> workers;
  for (int t = 0; t < 16; ++t) {
    workers.emplace_back([&] {
      for (int i = 0; i < 10; ++i) {
        governor.Call([&] {
          const int n = ++now;
          int seen = peak.load();
          while (n > seen && !peak.compare_exchange_weak(seen, n)) {
          }
          std::this_thread::sleep_for(std::chrono::milliseconds(1));
          --now;
          return Answer(200);
        });
      }
    });
  }
  for (auto& w : workers) w.join();
  EXPECT_LE(peak.load(), 5);
  EXPECT_EQ(governor.stats().requests, 160);
  EXPECT_LE(governor.stats().max_in_flight, 5);
}

TEST(GovernorTest, RetriesConcurrencyErrorsAndCountsEveryAttempt) {
  Governor governor(Fast());
  int calls = 0;
  const auto result = governor.Call([&] {
    return ++calls < 3 ? Answer(200, "<rsp stat=\"fail\"><err code=\"66\">busy</err></rsp>")
                       : Answer(200, "<rsp stat=\"ok\"></rsp>");
  });
  EXPECT_EQ(result.classified.outcome, Outcome::kOk);
  EXPECT_EQ(result.attempts, 3);
  EXPECT_EQ(governor.used(), 3);
  EXPECT_EQ(governor.stats().retries, 2);
  EXPECT_EQ(governor.stats().errors.at(66), 2);
}

TEST(GovernorTest, GivesUpAfterMaxAttempts) {
  GovernorOptions o = Fast();
  o.max_attempts = 4;
  Governor governor(o);
  const auto result = governor.Call([] { return Answer(503, "<html>down</html>"); });
  EXPECT_EQ(result.classified.outcome, Outcome::kRetry);
  EXPECT_EQ(result.attempts, 4);
}

TEST(GovernorTest, StopsWhenTheBudgetIsSpent) {
  GovernorOptions o = Fast(5);
  o.used_before = 3;
  Governor governor(o);
  EXPECT_EQ(governor.remaining(), 2);
  int sent = 0;
  for (int i = 0; i < 4; ++i) {
    const auto r = governor.Call([&] {
      ++sent;
      return Answer(200);
    });
    if (i < 2) {
      EXPECT_EQ(r.classified.outcome, Outcome::kOk);
    } else {
      EXPECT_TRUE(r.budget_spent);
      EXPECT_EQ(r.classified.outcome, Outcome::kStopForToday);
    }
  }
  EXPECT_EQ(sent, 2);
  EXPECT_EQ(governor.remaining(), 0);
}

TEST(GovernorTest, DailyLimitFromPardotStops) {
  Governor governor(Fast());
  const auto r = governor.Call(
      [] { return Answer(429, R"({"code":122,"message":"Daily API rate limit met."})"); });
  EXPECT_EQ(r.classified.outcome, Outcome::kStopForToday);
  EXPECT_EQ(r.attempts, 1);
}

TEST(GovernorTest, AWriteWithAnUnknownOutcomeIsNotBlindlyRepeated) {
  Governor governor(Fast());
  int calls = 0;
  const auto r = governor.Call(
      [&] {
        ++calls;
        Response timeout;
        timeout.error = TransportError::kTimeout;
        return timeout;
      },
      /*idempotent=*/false);
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(r.classified.outcome, Outcome::kRetry);
  // A refused connection was never sent, so even a write is retried.
  calls = 0;
  governor.Call(
      [&] {
        Response down;
        down.error = ++calls < 2 ? TransportError::kConnect : TransportError::kNone;
        down.status = 200;
        return down;
      },
      false);
  EXPECT_EQ(calls, 2);
}

}  // namespace
}  // namespace pdc::pardot
