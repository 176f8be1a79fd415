// ScenarioSequences: per-session positions in scenario sequences (`error_500,error_500,default`).
// Keyed by (session, expression) so two tests with different sequences never share a counter.
#pragma once

#include <cstddef>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace chatmock::scenarios {

class ScenarioSequences {
 public:
  /// The step to serve now for `expression` in `session`, advancing the position; the last step
  /// repeats once reached.
  std::size_t next_step(const std::string& session, const std::string& expression,
                        std::size_t step_count);
  /// Every sequence back to its first step.
  void reset();

 private:
  std::mutex mutex_;
  std::map<std::pair<std::string, std::string>, std::size_t> positions_;
};

}  // namespace chatmock::scenarios
