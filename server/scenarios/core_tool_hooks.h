// Hooks of the core tool-call scenarios: parallel calls streamed interleaved, arguments that no
// JSON parser accepts, valid JSON that breaks the tool's schema, calls to tools never offered,
// and the legacy function_call aimed at an offered tool. Registration is in catalogue_core.cpp.
#pragma once

#include <vector>

#include "scenarios/scenario.h"

namespace chatmock::scenarios {

/// Reorders each choice's tool-call chunks round-robin across call indexes (opener first per call).
void interleave_tool_call_chunks(std::vector<nlohmann::json>& chunks);

/// One realistic way a model's `arguments` fail to parse (trailing comma, single quotes, unquoted
/// keys, cut short, markdown fence), drawn from `rng`; never valid JSON.
std::string malformed_arguments(const std::string& arguments, synthesis::Rng& rng);

/// Rewrites every call's arguments into text a strict JSON parser rejects (trailing comma,
/// single quotes, markdown fence, unquoted keys, cut short), chosen per call from ctx.rng.
void break_tool_arguments(api::ChatCompletion& completion, ScenarioContext& ctx);

/// Replaces every call's arguments with valid JSON that violates the called tool's schema.
void violate_tool_schemas(api::ChatCompletion& completion, ScenarioContext& ctx);

/// Makes the reply one call to a plausible function the request did not offer.
void call_unoffered_tool(synthesis::ReplyDefinition& definition, ScenarioContext& ctx);

/// Points a legacy function_call at the first offered function tool when the request sent
/// `tools` but no `functions`, so the call names something the client knows.
void aim_function_call_at_offered_tool(api::ChatCompletion& completion, ScenarioContext& ctx);

}  // namespace chatmock::scenarios
