// IoPool: a few threads for blocking network calls, outside oneTBB's worker threads (which are
// one per core and must not wait on the network). Submit blocks while `queue_limit` jobs are
// waiting, which bounds the memory that writes can hold when Pardot is slower than the pull.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace pdc {

class IoPool {
 public:
  IoPool(std::size_t threads, std::size_t queue_limit);
  ~IoPool();  // runs what was submitted, then joins
  IoPool(const IoPool&) = delete;
  IoPool& operator=(const IoPool&) = delete;

  void Submit(std::function<void()> job);

 private:
  void Work();

  const std::size_t queue_limit_;
  std::mutex mutex_;
  std::condition_variable has_job_, has_room_;
  std::deque<std::function<void()>> jobs_;
  bool closing_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace pdc
