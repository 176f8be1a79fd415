// A map under one mutex: scenario state is test state, touched once per stateful request.
#include "stubbing/scenario_states.h"

#include "stubbing/stub_mapping.h"

namespace chatmock::stubbing {

std::string ScenarioStates::state(std::string_view session, std::string_view scenario) const {
  const std::lock_guard lock(mutex_);
  const auto it = states_.find(std::pair{std::string(session), std::string(scenario)});
  return it == states_.end() ? std::string(kStartedState) : it->second;
}

void ScenarioStates::set(std::string_view session, std::string_view scenario, std::string state) {
  const std::lock_guard lock(mutex_);
  states_[{std::string(session), std::string(scenario)}] = std::move(state);
}

void ScenarioStates::reset() {
  const std::lock_guard lock(mutex_);
  states_.clear();
}

}  // namespace chatmock::stubbing
