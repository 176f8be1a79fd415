// Names are trimmed; empty names (",," or a trailing "+") are errors rather than silently
// meaning `default`, so a typo in a CI header fails loudly.
#include "scenarios/scenario_expression.h"

namespace chatmock::scenarios {

namespace {
std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  while (true) {
    const auto at = text.find(separator);
    parts.push_back(trim(text.substr(0, at)));
    if (at == std::string_view::npos) break;
    text.remove_prefix(at + 1);
  }
  return parts;
}

/// "Chat Completions" or "Responses", as the wrong-API message names them.
std::string_view endpoint_title(ScenarioApi endpoint) {
  return endpoint == ScenarioApi::responses ? "Responses (/v1/responses)"
                                            : "Chat Completions (/v1/chat/completions)";
}
}  // namespace

std::variant<ScenarioExpression, ScenarioRejection> select_scenario_expression(
    std::string_view text, const ScenarioCatalogue& catalogue, ScenarioApi endpoint) {
  ScenarioExpression expression;
  text = trim(text);
  if (text.empty()) text = "default";
  expression.text = std::string(text);
  for (const auto step_text : split(text, ',')) {
    if (const Scenario* whole = catalogue.find(step_text);
        whole != nullptr && !whole->expands_to.empty() && serves(*whole, endpoint)) {
      auto expanded = select_scenario_expression(whole->expands_to, catalogue, endpoint);
      if (auto* error = std::get_if<ScenarioRejection>(&expanded)) return *error;
      for (auto& step : std::get<ScenarioExpression>(expanded).steps)
        expression.steps.push_back(std::move(step));
      continue;
    }
    Composition step;
    for (const auto name : split(step_text, '+')) {
      const Scenario* scenario = catalogue.find(name);
      if (scenario == nullptr) {
        return ScenarioRejection{"Unknown scenario '" + std::string(name) + "' in '" +
                                     std::string(text) +
                                     "'. Valid scenarios: " + catalogue.names(endpoint) + ".",
                                 "unknown_scenario"};
      }
      if (!serves(*scenario, endpoint)) {
        return ScenarioRejection{
            "Scenario '" + std::string(name) + "' in '" + std::string(text) +
                "' does not apply to the " + std::string(endpoint_title(endpoint)) +
                " API; it serves " + std::string(api_name(scenario->api)) +
                " requests only. Valid scenarios here: " + catalogue.names(endpoint) + ".",
            "unsupported_scenario"};
      }
      step.push_back(scenario);
    }
    expression.steps.push_back(std::move(step));
  }
  return expression;
}

std::variant<ScenarioExpression, std::string> parse_scenario_expression(
    std::string_view text, const ScenarioCatalogue& catalogue) {
  auto selected = select_scenario_expression(text, catalogue, ScenarioApi::chat);
  if (auto* rejection = std::get_if<ScenarioRejection>(&selected)) return rejection->message;
  return std::move(std::get<ScenarioExpression>(selected));
}

}  // namespace chatmock::scenarios
