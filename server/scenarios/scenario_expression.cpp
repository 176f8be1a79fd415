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
}  // namespace

std::variant<ScenarioExpression, std::string> parse_scenario_expression(
    std::string_view text, const ScenarioCatalogue& catalogue) {
  ScenarioExpression expression;
  text = trim(text);
  if (text.empty()) text = "default";
  expression.text = std::string(text);
  for (const auto step_text : split(text, ',')) {
    if (const Scenario* whole = catalogue.find(step_text);
        whole != nullptr && !whole->expands_to.empty()) {
      auto expanded = parse_scenario_expression(whole->expands_to, catalogue);
      if (auto* error = std::get_if<std::string>(&expanded)) return *error;
      for (auto& step : std::get<ScenarioExpression>(expanded).steps)
        expression.steps.push_back(std::move(step));
      continue;
    }
    Composition step;
    for (const auto name : split(step_text, '+')) {
      const Scenario* scenario = catalogue.find(name);
      if (scenario == nullptr) {
        return "Unknown scenario '" + std::string(name) + "' in '" + std::string(text) +
               "'. Valid scenarios: " + catalogue.names() + ".";
      }
      step.push_back(scenario);
    }
    expression.steps.push_back(std::move(step));
  }
  return expression;
}

}  // namespace chatmock::scenarios
