#include "pipeline/pardot/governor.h"

#include <algorithm>
#include <thread>

namespace pdc::pardot {

Governor::Governor(GovernorOptions options)
    : options_(options),
      used_(options.used_before),
      jitter_(options.seed != 0
                  ? options.seed
                  : static_cast<std::uint64_t>(
                        std::chrono::steady_clock::now().time_since_epoch().count())) {}

bool Governor::AcquireSlotAndBudget() {
  std::unique_lock lock(mutex_);
  slot_free_.wait(lock, [&] { return in_flight_ < options_.slots; });
  if (used_ >= options_.budget) return false;
  ++used_;
  ++stats_.requests;
  ++in_flight_;
  stats_.max_in_flight = std::max(stats_.max_in_flight, in_flight_);
  return true;
}

void Governor::ReleaseSlot() {
  {
    std::lock_guard lock(mutex_);
    --in_flight_;
  }
  slot_free_.notify_one();
}

std::chrono::milliseconds Governor::Backoff(int attempt) {
  // "Full jitter": uniform in [0, min(cap, base * 2^attempt)], so that workers that failed
  // together do not come back together.
  const long long ceiling = std::min<long long>(
      options_.backoff_cap.count(), options_.backoff_base.count() << std::min(attempt, 20));
  std::lock_guard lock(mutex_);
  std::uniform_int_distribution<long long> pick(ceiling / 2, std::max<long long>(ceiling, 1));
  return std::chrono::milliseconds(pick(jitter_));
}

namespace {

// The request may have been applied: nothing (or a server failure) came back.
bool EffectUnknown(const Response& response) {
  if (!response.transported()) {
    return response.error == TransportError::kTimeout || response.error == TransportError::kReset ||
           response.error == TransportError::kOther;
  }
  return response.status >= 500;
}

}  // namespace

Governor::Result Governor::Call(const std::function<Response()>& attempt, bool idempotent) {
  Result result;
  for (int i = 0; i < options_.max_attempts; ++i) {
    if (!AcquireSlotAndBudget()) {
      result.budget_spent = true;
      result.classified = {Outcome::kStopForToday, 0,
                           "the daily request budget for this run is spent"};
      return result;
    }
    result.response = attempt();
    ReleaseSlot();
    ++result.attempts;
    result.classified = Classify(result.response);
    if (result.classified.outcome != Outcome::kOk) {
      std::lock_guard lock(mutex_);
      ++stats_.errors[result.classified.code];
    }
    if (result.classified.outcome != Outcome::kRetry || i + 1 == options_.max_attempts) break;
    if (!idempotent && EffectUnknown(result.response)) break;
    {
      std::lock_guard lock(mutex_);
      ++stats_.retries;
    }
    std::this_thread::sleep_for(Backoff(i));
  }
  return result;
}

long long Governor::used() const {
  std::lock_guard lock(mutex_);
  return used_;
}

long long Governor::remaining() const {
  std::lock_guard lock(mutex_);
  return std::max<long long>(options_.budget - used_, 0);
}

GovernorStats Governor::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

}  // namespace pdc::pardot
