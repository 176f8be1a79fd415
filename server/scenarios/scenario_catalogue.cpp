// The built-in catalogue is assembled once; groups register in the order docs/scenarios.md
// lists them (core first, then docs/scenarios.md (message_shapes)–G, then the Responses groups,
// which first mark the chat names that serve /v1/responses too).
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

Scenario* ScenarioCatalogue::edit(std::string_view name) {
  for (auto& scenario : scenarios_) {
    if (scenario.name == name) return &scenario;
  }
  return nullptr;
}

std::string_view api_name(ScenarioApi api) {
  switch (api) {
    case ScenarioApi::chat:
      return "chat";
    case ScenarioApi::responses:
      return "responses";
    case ScenarioApi::both:
      return "both";
  }
  return "both";
}

bool serves(const Scenario& scenario, ScenarioApi endpoint) {
  return endpoint == ScenarioApi::both || scenario.api == ScenarioApi::both ||
         scenario.api == endpoint;
}

std::string ScenarioCatalogue::names(ScenarioApi api) const {
  std::string out;
  for (const auto& scenario : scenarios_) {
    if (!serves(scenario, api)) continue;
    if (!out.empty()) out += ", ";
    out += scenario.name;
  }
  return out;
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
    register_response_counterparts(catalogue);
    register_response_output_scenarios(catalogue);
    register_response_stream_scenarios(catalogue);
    register_response_fuzz(catalogue);
    return catalogue;
  }();
  return kCatalogue;
}

}  // namespace chatmock::scenarios
