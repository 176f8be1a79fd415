// The built-in catalogue is assembled once; groups register in the order docs/scenarios.md
// lists them (core first, then docs/scenarios.md (message_shapes)–G).
#include "scenarios/scenario_catalogue.h"

namespace chatmock::scenarios {

void ScenarioCatalogue::add(Scenario scenario) {
  for (auto& existing : scenarios_) {
    if (existing.name == scenario.name) {
      existing = std::move(scenario);
      return;
    }
  }
  scenarios_.push_back(std::move(scenario));
}

const Scenario* ScenarioCatalogue::find(std::string_view name) const {
  for (const auto& scenario : scenarios_) {
    if (scenario.name == name) return &scenario;
  }
  return nullptr;
}

std::string ScenarioCatalogue::names() const {
  std::string out;
  for (const auto& scenario : scenarios_) {
    if (!out.empty()) out += ", ";
    out += scenario.name;
  }
  return out;
}

const ScenarioCatalogue& builtin_catalogue() {
  static const ScenarioCatalogue kCatalogue = [] {
    ScenarioCatalogue catalogue;
    register_core_scenarios(catalogue);
    register_message_shape_scenarios(catalogue);
    register_finish_reason_scenarios(catalogue);
    register_tool_argument_scenarios(catalogue);
    register_stream_delta_scenarios(catalogue);
    register_usage_scenarios(catalogue);
    register_sse_framing_scenarios(catalogue);
    register_error_scenarios(catalogue);
    register_transport_scenarios(catalogue);
    return catalogue;
  }();
  return kCatalogue;
}

}  // namespace chatmock::scenarios
