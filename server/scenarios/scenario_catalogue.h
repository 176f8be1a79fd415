// ScenarioCatalogue: the registry of built-in scenarios by name. The built-in catalogue is
// built once (function-local static) from the per-group register_* functions and then only read.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scenarios/scenario.h"

namespace chatmock::scenarios {

class ScenarioCatalogue {
 public:
  /// Adds `scenario`; a later scenario with the same name replaces the earlier one.
  void add(Scenario scenario);
  /// The scenario called `name`, or nullptr.
  const Scenario* find(std::string_view name) const;
  /// The scenario called `name` for changing while the catalogue is built, or nullptr.
  Scenario* edit(std::string_view name);
  /// Every scenario in registration order.
  const std::vector<Scenario>& all() const { return scenarios_; }
  /// Comma-separated names, for "unknown scenario" errors.
  std::string names() const;
  /// Comma-separated names of the scenarios `api` accepts (chat: chat and both; responses:
  /// responses and both; both: every name).
  std::string names(ScenarioApi api) const;

 private:
  std::vector<Scenario> scenarios_;
};

/// The catalogue every server uses: core names from the contract plus docs/scenarios.md.
const ScenarioCatalogue& builtin_catalogue();

// One registration function per catalogue group (each in its own catalogue_*.cpp).
void register_core_scenarios(ScenarioCatalogue& catalogue);
void register_message_shape_scenarios(ScenarioCatalogue& catalogue);
void register_finish_reason_scenarios(ScenarioCatalogue& catalogue);
void register_tool_argument_scenarios(ScenarioCatalogue& catalogue);
void register_stream_delta_scenarios(ScenarioCatalogue& catalogue);
void register_usage_scenarios(ScenarioCatalogue& catalogue);
void register_sse_framing_scenarios(ScenarioCatalogue& catalogue);
void register_error_scenarios(ScenarioCatalogue& catalogue);
void register_transport_scenarios(ScenarioCatalogue& catalogue);
// The Responses API: chat names that serve it too, then its own groups (catalogue_response_*.cpp).
void register_response_counterparts(ScenarioCatalogue& catalogue);
void register_response_output_scenarios(ScenarioCatalogue& catalogue);
void register_response_stream_scenarios(ScenarioCatalogue& catalogue);
void register_response_fuzz(ScenarioCatalogue& catalogue);  ///< `fuzz` on both APIs

/// True when a request to `endpoint` may use `scenario`.
bool serves(const Scenario& scenario, ScenarioApi endpoint);

}  // namespace chatmock::scenarios
