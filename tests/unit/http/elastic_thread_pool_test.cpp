// The pool grows one thread per task that finds none idle, stops at its cap (later tasks wait
// their turn), and runs every accepted task before shutdown returns.
#include "http/elastic_thread_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>

namespace chatmock::http {
namespace {

TEST(ElasticThreadPool, StartsSmallAndGrowsWhileTasksBlock) {
  ElasticThreadPool pool(2, 16);
  EXPECT_EQ(pool.size(), 2U);
  std::promise<void> release;
  auto released = release.get_future().share();
  std::atomic<int> started{0};
  for (int i = 0; i < 10; ++i) {
    pool.enqueue([&started, released] {
      ++started;
      released.wait();
    });
  }
  while (started.load() < 10) std::this_thread::yield();
  EXPECT_GE(pool.size(), 10U);
  EXPECT_LE(pool.size(), 16U);
  release.set_value();
}

TEST(ElasticThreadPool, QueuesBeyondTheCapAndRunsEverythingBeforeShutdownReturns) {
  std::atomic<int> ran{0};
  {
    ElasticThreadPool pool(1, 3);
    std::promise<void> release;
    auto released = release.get_future().share();
    for (int i = 0; i < 3; ++i) {
      pool.enqueue([&ran, released] {
        released.wait();
        ++ran;
      });
    }
    for (int i = 0; i < 20; ++i) pool.enqueue([&ran] { ++ran; });
    EXPECT_EQ(pool.size(), 3U);
    release.set_value();
    pool.shutdown();
    EXPECT_EQ(ran.load(), 23);
  }
}

TEST(ElasticThreadPool, EnqueueAfterShutdownIsIgnored) {
  ElasticThreadPool pool(1, 2);
  pool.shutdown();
  std::atomic<bool> ran{false};
  pool.enqueue([&ran] { ran = true; });
  EXPECT_FALSE(ran.load());
}

}  // namespace
}  // namespace chatmock::http
