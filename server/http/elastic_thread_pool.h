// ElasticThreadPool: cpp-httplib's task queue, but threads are created on demand up to a cap
// instead of all at start. httplib holds one thread per open connection, so the cap must be
// large (slow clients, paced streams) while start-up and idle memory stay small.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "http/httplib_compat.h"

namespace chatmock::http {

class ElasticThreadPool final : public httplib::TaskQueue {
 public:
  /// Starts `initial` threads; grows by one whenever a task arrives and none is idle.
  ElasticThreadPool(std::size_t initial, std::size_t maximum);
  ~ElasticThreadPool() override;

  /// httplib's entry point, in the shape of the installed release (void, or bool from 0.18).
  compat::EnqueueResult enqueue(std::function<void()> task) override {
    return compat::enqueue_result(try_enqueue(std::move(task)));
  }
  /// False (the task dropped) once shutdown() has begun.
  bool try_enqueue(std::function<void()> task);
  void shutdown() override;

  /// Threads created so far (for tests and diagnostics).
  std::size_t size() const;

 private:
  void spawn_locked();
  void work();

  const std::size_t maximum_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> tasks_;
  std::vector<std::thread> threads_;
  std::size_t idle_ = 0;
  bool stopping_ = false;
};

}  // namespace chatmock::http
