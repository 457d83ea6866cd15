#include "pipeline/io_pool.h"

namespace pdc {

IoPool::IoPool(std::size_t threads, std::size_t queue_limit) : queue_limit_(queue_limit) {
  for (std::size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { Work(); });
}

IoPool::~IoPool() {
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
  }
  has_job_.notify_all();
  for (auto& t : threads_) t.join();
}

void IoPool::Submit(std::function<void()> job) {
  std::unique_lock lock(mutex_);
  has_room_.wait(lock, [&] { return jobs_.size() < queue_limit_; });
  jobs_.push_back(std::move(job));
  lock.unlock();
  has_job_.notify_one();
}

void IoPool::Work() {
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      has_job_.wait(lock, [&] { return closing_ || !jobs_.empty(); });
      if (jobs_.empty()) return;  // closing, and nothing left to run
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    has_room_.notify_one();
    job();
  }
}

}  // namespace pdc
