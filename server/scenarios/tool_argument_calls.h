// Tool calls whose arguments a scenario damages. Argument pathologies and truncated calls both
// start from what the model would have sent to the tool it would have called, so the choice of
// tool keeps synthesis' rules (named tool_choice, else the offered tools, else get_weather).
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "scenarios/scenario.h"

namespace chatmock::scenarios {

/// Turns a call's schema-valid arguments into the text the scenario sends instead.
using DamageArguments = std::function<std::string(
    const nlohmann::json& valid_arguments, const nlohmann::json& parameters, synthesis::Rng& rng)>;

/// Makes the reply a tool-call reply whose calls carry `damage`d arguments: the calls an earlier
/// scenario forced, else max(tool_call_count, 1) calls cycling through the offered function
/// tools (only the named one under a named tool_choice), else the invented get_weather.
void force_damaged_tool_calls(synthesis::ReplyDefinition& definition, ScenarioContext& ctx,
                              const DamageArguments& damage);

/// The names of the tools (function and custom) the request offers.
std::vector<std::string> offered_tool_names(const api::ChatCompletionRequest& request);

}  // namespace chatmock::scenarios
