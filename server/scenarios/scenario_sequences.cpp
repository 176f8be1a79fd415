// A map under one mutex: sequences are short-lived test state, not a hot path at scale.
#include "scenarios/scenario_sequences.h"

#include <algorithm>

namespace chatmock::scenarios {

std::size_t ScenarioSequences::next_step(const std::string& session, const std::string& expression,
                                         std::size_t step_count) {
  if (step_count <= 1) return 0;
  const std::lock_guard lock(mutex_);
  std::size_t& position = positions_[{session, expression}];
  const std::size_t step = std::min(position, step_count - 1);
  if (position < step_count) ++position;
  return step;
}

void ScenarioSequences::reset() {
  const std::lock_guard lock(mutex_);
  positions_.clear();
}

}  // namespace chatmock::scenarios
