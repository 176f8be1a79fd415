// WorkBudget: what one request may cost — a deadline for CPU work (synthesis, schema work), a
// cap on the reply's bytes, and a cancellation flag the HTTP edge raises on hang-up or
// shutdown. Checks are cooperative and never throw: a loop that finds the budget spent stops
// early, and the reply pipeline turns a spent budget into an error naming the limit and flag.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>

namespace chatmock::budget {

inline constexpr std::size_t kUnlimited = static_cast<std::size_t>(-1);

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
inline constexpr std::int64_t kDefaultWorkBudgetMs = 10000;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
inline constexpr std::int64_t kDefaultWorkBudgetMs = 10000;
#else
inline constexpr std::int64_t kDefaultWorkBudgetMs = 2000;
#endif
#else
inline constexpr std::int64_t kDefaultWorkBudgetMs = 2000;
#endif

/// The per-request limits, from `chatmock serve` flags (defaults documented in
/// docs/reliability.md). The default deadline is 2 s; a sanitizer build does the same work
/// several times slower, so there (the CI test build) it is 10 s and ordinary replies of the
/// test suite never meet it by accident.
struct BudgetLimits {
  std::chrono::milliseconds work{kDefaultWorkBudgetMs};  ///< --work-budget-ms
  std::size_t reply_bytes = std::size_t{64} << 20;  ///< --max-reply-bytes: body across all choices
};

/// Why a budget stopped the work; `none` while it still has room.
enum class Exhaustion { none, deadline, reply_bytes, cancelled };

/// Set by whoever may cancel a request (the connection on hang-up, the server on shutdown).
using CancelFlag = std::shared_ptr<const std::atomic<bool>>;

class WorkBudget {
 public:
  using Clock = std::chrono::steady_clock;

  /// No limit at all: for tests, tools and the CLI, which run under their own bounds.
  WorkBudget() = default;
  explicit WorkBudget(BudgetLimits limits, CancelFlag cancelled = nullptr,
                      Clock::time_point start = Clock::now())
      : limits_(limits),
        deadline_(start + limits.work),
        cancelled_(std::move(cancelled)),
        limited_(true) {}

  /// True once the deadline has passed, the request was cancelled or the byte cap was hit;
  /// sticky. Cheap enough for inner loops: the clock is read once every 64 calls.
  bool spent() {
    if (exhaustion_ != Exhaustion::none) return true;
    if (!limited_) return false;
    if (cancelled_ && cancelled_->load(std::memory_order_relaxed)) {
      exhaustion_ = Exhaustion::cancelled;
      return true;
    }
    if ((++calls_ & 63U) == 0 && Clock::now() >= deadline_) exhaustion_ = Exhaustion::deadline;
    return exhaustion_ != Exhaustion::none;
  }

  /// Counts `bytes` against the reply cap; false (and spent) once the total passes it.
  bool charge(std::size_t bytes) {
    charged_ = bytes > kUnlimited - charged_ ? kUnlimited : charged_ + bytes;
    if (limited_ && charged_ > limits_.reply_bytes && exhaustion_ == Exhaustion::none) {
      exhaustion_ = Exhaustion::reply_bytes;
    }
    return exhaustion_ == Exhaustion::none;
  }

  /// Bytes a reply may still take before the cap (kUnlimited when unlimited).
  std::size_t remaining_bytes() const {
    if (!limited_) return kUnlimited;
    return charged_ >= limits_.reply_bytes ? 0 : limits_.reply_bytes - charged_;
  }

  Exhaustion exhaustion() const { return exhaustion_; }
  const BudgetLimits& limits() const { return limits_; }
  std::size_t charged() const { return charged_; }
  bool limited() const { return limited_; }

 private:
  BudgetLimits limits_{};
  Clock::time_point deadline_{};
  CancelFlag cancelled_;
  bool limited_ = false;
  std::uint32_t calls_ = 0;
  std::size_t charged_ = 0;
  Exhaustion exhaustion_ = Exhaustion::none;
};

}  // namespace chatmock::budget
