// RequestDefaults: the scenario and seed a request gets when it carries neither a scenario
// (header or path) nor a seed (header or body). Starts from --scenario / --seed and can be
// changed while serving, which is how an in-process MockServer sets them per test.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

namespace chatmock::app {

class RequestDefaults {
 public:
  RequestDefaults(std::string scenario, std::optional<std::uint64_t> seed)
      : scenario_(std::move(scenario)), seed_(seed) {}

  /// The scenario expression for requests that select none.
  std::string scenario() const {
    const std::lock_guard lock(mutex_);
    return scenario_;
  }
  /// The seed for requests that carry none; nullopt leaves them unseeded.
  std::optional<std::uint64_t> seed() const {
    const std::lock_guard lock(mutex_);
    return seed_;
  }
  void set_scenario(std::string scenario) {
    const std::lock_guard lock(mutex_);
    scenario_ = std::move(scenario);
  }
  void set_seed(std::optional<std::uint64_t> seed) {
    const std::lock_guard lock(mutex_);
    seed_ = seed;
  }

 private:
  mutable std::mutex mutex_;
  std::string scenario_;
  std::optional<std::uint64_t> seed_;
};

}  // namespace chatmock::app
