// Threads never exit before shutdown: a pool that once served N connections keeps N threads,
// which costs only their (mostly untouched) stacks and avoids thread churn under bursty load.
#include "http/elastic_thread_pool.h"

#include <algorithm>

namespace chatmock::http {

ElasticThreadPool::ElasticThreadPool(std::size_t initial, std::size_t maximum)
    : maximum_(std::max<std::size_t>(1, maximum)) {
  const std::lock_guard lock(mutex_);
  for (std::size_t i = 0; i < std::min(initial, maximum_); ++i) spawn_locked();
}

ElasticThreadPool::~ElasticThreadPool() { shutdown(); }

bool ElasticThreadPool::try_enqueue(std::function<void()> task) {
  const std::lock_guard lock(mutex_);
  if (stopping_) return false;
  tasks_.push_back(std::move(task));
  // Every queued task needs its own thread: an httplib task holds its thread until the
  // connection closes, so a task queued behind busy threads waits for a client to leave.
  if (idle_ < tasks_.size() && threads_.size() < maximum_) spawn_locked();
  // Notified under the lock: the PacedWriter enqueues from its own thread, and httplib (on yet
  // another thread) destroys the pool after shutdown(), which takes this lock, so the condition
  // variable cannot be destroyed while a notify is still inside it (ThreadSanitizer found it).
  wake_.notify_one();
  return true;
}

void ElasticThreadPool::shutdown() {
  std::vector<std::thread> threads;
  {
    const std::lock_guard lock(mutex_);
    if (stopping_ && threads_.empty()) return;
    stopping_ = true;
    threads.swap(threads_);
  }
  wake_.notify_all();
  for (auto& thread : threads) {
    if (thread.joinable()) thread.join();
  }
}

std::size_t ElasticThreadPool::size() const {
  const std::lock_guard lock(mutex_);
  return threads_.size();
}

void ElasticThreadPool::spawn_locked() {
  threads_.emplace_back([this] { work(); });
}

void ElasticThreadPool::work() {
  while (true) {
    std::function<void()> task;
    {
      std::unique_lock lock(mutex_);
      ++idle_;
      wake_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
      --idle_;
      // Drain what was accepted before shutdown so in-flight connections finish.
      if (tasks_.empty()) return;
      task = std::move(tasks_.front());
      tasks_.pop_front();
    }
    task();
  }
}

}  // namespace chatmock::http
