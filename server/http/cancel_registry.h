// CancelRegistry: the cancel flags of every request the server holds, so a stopping server can
// raise them all at once (runaway work sees WorkBudget::spent() and ends). Each flag unregisters
// itself when its last owner drops it; the registry outlives its flags through shared ownership.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <unordered_set>

namespace chatmock::http {

class CancelRegistry : public std::enable_shared_from_this<CancelRegistry> {
 public:
  using Flag = std::shared_ptr<std::atomic<bool>>;

  /// A new flag, already raised once raise_all() has been called.
  Flag issue() {
    auto self = shared_from_this();
    Flag flag(new std::atomic<bool>(false), [self](std::atomic<bool>* raw) {
      {
        const std::lock_guard lock(self->mutex_);
        self->live_.erase(raw);
      }
      delete raw;
    });
    const std::lock_guard lock(mutex_);
    if (raised_) flag->store(true);
    live_.insert(flag.get());
    return flag;
  }

  /// Raises every live flag and every flag issued from now on.
  void raise_all() {
    const std::lock_guard lock(mutex_);
    raised_ = true;
    for (auto* flag : live_) flag->store(true);
  }

  std::size_t live() const {
    const std::lock_guard lock(mutex_);
    return live_.size();
  }

 private:
  mutable std::mutex mutex_;
  std::unordered_set<std::atomic<bool>*> live_;
  bool raised_ = false;
};

}  // namespace chatmock::http
