// Governor: the one gate every request to a business unit passes, reads, writes and token
// refreshes alike (DESIGN.md §6):
//   - at most `slots` requests in flight for the whole process (Pardot answers 66 past five);
//   - the daily budget (edition limit minus reserve), counted locally, every attempt included;
//     once spent, nothing more is sent and the run stops resumably;
//   - transient failures (Outcome::kRetry) are retried with capped, jittered exponential
//     backoff, each retry counted against the budget.
// Thread-safe. Retries sleep without holding a slot.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <random>

#include "pipeline/pardot/outcome.h"

namespace pdc::pardot {

struct GovernorOptions {
  int slots = 5;
  long long budget = 25000 - 500;  // requests this process may send today
  long long used_before = 0;       // requests already sent today (earlier runs)
  std::chrono::milliseconds backoff_base{250};
  std::chrono::milliseconds backoff_cap{30000};
  int max_attempts = 8;    // per call, the first attempt included
  std::uint64_t seed = 0;  // jitter seed (0: from the clock)
};

struct GovernorStats {
  long long requests = 0;  // attempts sent
  long long retries = 0;
  int max_in_flight = 0;
  std::map<int, long long> errors;  // by Pardot code (0 for transport/HTTP failures)
};

class Governor {
 public:
  explicit Governor(GovernorOptions options);

  // The result of a governed call: the last response and its classification. `budget_spent`
  // is set (and the outcome is kStopForToday) when the budget ran out before an attempt.
  struct Result {
    Response response;
    Classified classified;
    int attempts = 0;
    bool budget_spent = false;
  };

  // Sends `attempt` under a slot, retrying what is retryable. The function is one HTTP exchange.
  // A call that is not `idempotent` (a write) is not retried after an answer that leaves its
  // effect unknown (a timeout, a reset, a 5xx): the caller verifies by a read first.
  Result Call(const std::function<Response()>& attempt, bool idempotent = true);

  long long used() const;       // today's requests including earlier runs
  long long remaining() const;  // budget left
  GovernorStats stats() const;

 private:
  bool AcquireSlotAndBudget();
  void ReleaseSlot();
  std::chrono::milliseconds Backoff(int attempt);

  const GovernorOptions options_;
  mutable std::mutex mutex_;
  std::condition_variable slot_free_;
  int in_flight_ = 0;
  long long used_;
  GovernorStats stats_;
  std::mt19937_64 jitter_;
};

}  // namespace pdc::pardot
