// When a Response calls a function instead of answering, and the function_call item it makes:
// the same observable rules as Chat's tool calls (synthesis/choice_builder.cpp), so an agent
// loop (call → function_call_output → answer) runs against chatmock without a scenario.
#pragma once

#include <vector>

#include "budget/work_budget.h"
#include "responses/response_json.h"
#include "responses/response_request.h"
#include "synthesis/random.h"

namespace chatmock::responses {

/// The function tools `request` lets the model call now: the one tool_choice names, else every
/// function tool; empty when it answers with a message instead (no function tools, tool_choice
/// "none", a text.format asking for JSON, or "auto" right after a function_call_output).
std::vector<Json> tools_to_call(const ResponseRequest& request);

/// The tool's parameters schema, or an empty object schema when it has none.
Json parameters_of(const Json& tool);

/// A completed function_call item (`fc_…`, `call_…`) to `tool`, its arguments an instance of
/// the tool's parameters schema (an empty object schema when it has none), generated within
/// `budget`.
Json function_call_item(const Json& tool, synthesis::Rng& rng, budget::WorkBudget& budget);

}  // namespace chatmock::responses
