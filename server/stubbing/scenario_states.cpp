// A map under one mutex with a recency list: scenario state is test state, touched once per
// stateful request, so an O(log n) lookup and an O(1) eviction are all it needs.
#include "stubbing/scenario_states.h"

#include "stubbing/stub_mapping.h"

namespace chatmock::stubbing {

std::string ScenarioStates::state(std::string_view session, std::string_view scenario) const {
  const std::lock_guard lock(mutex_);
  const auto it = states_.find(Key{std::string(session), std::string(scenario)});
  return it == states_.end() ? std::string(kStartedState) : it->second.state;
}

void ScenarioStates::set(std::string_view session, std::string_view scenario, std::string state) {
  const std::lock_guard lock(mutex_);
  Key key{std::string(session), std::string(scenario)};
  if (const auto it = states_.find(key); it != states_.end()) {
    it->second.state = std::move(state);
    recency_.splice(recency_.begin(), recency_, it->second.recency);
    return;
  }
  recency_.push_front(key);
  states_.emplace(std::move(key), Entry{std::move(state), recency_.begin()});
  while (states_.size() > max_entries_ && !recency_.empty()) {
    states_.erase(recency_.back());
    recency_.pop_back();
    ++evicted_;
  }
}

void ScenarioStates::reset() {
  const std::lock_guard lock(mutex_);
  states_.clear();
  recency_.clear();
}

void ScenarioStates::reset_session(std::string_view session) {
  const std::lock_guard lock(mutex_);
  for (auto it = recency_.begin(); it != recency_.end();) {
    if (it->first == session) {
      states_.erase(*it);
      it = recency_.erase(it);
    } else {
      ++it;
    }
  }
}

std::size_t ScenarioStates::size() const {
  const std::lock_guard lock(mutex_);
  return states_.size();
}

std::size_t ScenarioStates::evicted() const {
  const std::lock_guard lock(mutex_);
  return evicted_;
}

}  // namespace chatmock::stubbing
