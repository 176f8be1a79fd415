// ScenarioExpression: the selection language of the contract. `a+b` composes scenarios into one
// step; `x,y,z` is a sequence of steps served in order across requests, the last repeating.
// Parsing is pure; picking the step for a request is ScenarioSequences' job.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "scenarios/scenario_catalogue.h"

namespace chatmock::scenarios {

/// One step: the scenarios applied together, in order.
using Composition = std::vector<const Scenario*>;

struct ScenarioExpression {
  std::string text;                ///< normalised source ("default" when empty)
  std::vector<Composition> steps;  ///< at least one
  bool is_sequence() const { return steps.size() > 1; }
};

/// The parsed expression, or the message of a 400 naming the valid scenarios.
std::variant<ScenarioExpression, std::string> parse_scenario_expression(
    std::string_view text, const ScenarioCatalogue& catalogue);

}  // namespace chatmock::scenarios
