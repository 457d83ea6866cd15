// RunControl: how the stages of a running job tell each other to stop (the daily limit, an
// authentication failure, a fault), and why. The first reason wins. Thread-safe.
#pragma once

#include <atomic>
#include <mutex>
#include <string>

namespace pdc {

class RunControl {
 public:
  void Stop(int exit_code, std::string why) {
    std::lock_guard lock(mutex_);
    if (stopped_.exchange(true)) return;
    exit_code_ = exit_code;
    why_ = std::move(why);
  }
  bool stopped() const { return stopped_.load(); }
  int exit_code() const {
    std::lock_guard lock(mutex_);
    return exit_code_;
  }
  std::string why() const {
    std::lock_guard lock(mutex_);
    return why_;
  }

 private:
  std::atomic<bool> stopped_{false};
  mutable std::mutex mutex_;
  int exit_code_ = 0;
  std::string why_;
};

}  // namespace pdc
