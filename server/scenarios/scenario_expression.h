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

/// Why an expression cannot serve a request: the message of the 400 and its code,
/// `unknown_scenario` (no such name) or `unsupported_scenario` (a name of the other API).
struct ScenarioRejection {
  std::string message;
  std::string code;
};

/// The parsed expression for a request to `endpoint`, or why it is refused; the message names
/// the scenarios `endpoint` accepts.
std::variant<ScenarioExpression, ScenarioRejection> select_scenario_expression(
    std::string_view text, const ScenarioCatalogue& catalogue, ScenarioApi endpoint);

/// The parsed expression for a chat request (stubs, chaos, tests), or the message of a 400
/// naming the valid scenarios.
std::variant<ScenarioExpression, std::string> parse_scenario_expression(
    std::string_view text, const ScenarioCatalogue& catalogue);

}  // namespace chatmock::scenarios
