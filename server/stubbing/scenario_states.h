// ScenarioStates: the current state of each WireMock-style scenario, per session
// (X-Chatmock-Session), "Started" until a served stub's new_state moves it. Sessions keep
// parallel tests apart; a client names them freely, so the table is bounded and forgets the
// least recently used entry first (a forgotten scenario is back at "Started").
#pragma once

#include <cstddef>
#include <list>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

namespace chatmock::stubbing {

class ScenarioStates {
 public:
  /// Keeps at most `max_entries` (session, scenario) states; --max-sessions sets it.
  explicit ScenarioStates(std::size_t max_entries = 10000) : max_entries_(max_entries) {}

  /// The state of `scenario` in `session` ("Started" when never moved or forgotten).
  std::string state(std::string_view session, std::string_view scenario) const;
  /// Moves `scenario` in `session` to `state`.
  void set(std::string_view session, std::string_view scenario, std::string state);
  /// Every scenario back to "Started".
  /// Forgets the states of `session` only.
  void reset_session(std::string_view session);
  void reset();
  /// How many states are kept, and how many were forgotten to stay within the bound.
  std::size_t size() const;
  std::size_t evicted() const;

 private:
  using Key = std::pair<std::string, std::string>;
  struct Entry {
    std::string state;
    std::list<Key>::iterator recency;
  };

  std::size_t max_entries_;
  mutable std::mutex mutex_;
  std::map<Key, Entry, std::less<>> states_;
  std::list<Key> recency_;  ///< most recently set first
  std::size_t evicted_ = 0;
};

}  // namespace chatmock::stubbing
