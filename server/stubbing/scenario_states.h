// ScenarioStates: the current state of each WireMock-style scenario, per session
// (X-Chatmock-Session), "Started" until a served stub's new_state moves it. Sessions keep
// parallel tests apart, the same way scenario sequences are keyed.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

namespace chatmock::stubbing {

class ScenarioStates {
 public:
  /// The state of `scenario` in `session` ("Started" when never moved).
  std::string state(std::string_view session, std::string_view scenario) const;
  /// Moves `scenario` in `session` to `state`.
  void set(std::string_view session, std::string_view scenario, std::string state);
  /// Every scenario back to "Started".
  void reset();

 private:
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, std::string>, std::string, std::less<>> states_;
};

}  // namespace chatmock::stubbing
