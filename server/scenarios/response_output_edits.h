// Edits of a built Response (docs/interface.md, Responses) that the Responses scenarios share:
// what the output holds (refusal, function calls, reasoning, citations), how it ends (incomplete,
// failed) and the usage recounted from it. Pure functions over the JSON value; the stream is
// rendered from the edited Response afterwards, so both forms agree.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "responses/response_builder.h"
#include "scenarios/scenario.h"

namespace chatmock::scenarios {

using responses::Json;
using responses::text_message;  // the builder's message item, for scenarios that add one

/// The first message item of the output, or nullptr.
Json* first_message(Json& response);
/// A fresh id with `prefix` (msg_, fc_, rs_) drawn from `rng`.
std::string item_id(synthesis::Rng& rng, std::string_view prefix);

/// The first message answers with one refusal part instead of text.
void refuse(Json& response, ResponseScenarioContext& ctx);
/// Cuts the first message's text (at max_output_tokens when the request sets one, else about
/// half) and marks the Response incomplete with `reason`.
void end_incomplete(Json& response, ResponseScenarioContext& ctx, std::string_view reason);
/// Marks the Response failed with `code` and `message` (status, error, no incomplete_details).
void end_failed(Json& response, std::string_view code, std::string_view message);

/// Turns valid arguments into the text a call carries instead (schema-breaking, unparsable).
using DamageFunctionArguments =
    std::function<std::string(const Json& arguments, const Json& parameters, synthesis::Rng&)>;
/// Replaces the output with `count` function_call items (one when the request sets
/// parallel_tool_calls false) to the offered function tools in turn, else get_weather; their
/// arguments validate against the tool's parameters unless `damage` rewrites them.
void call_functions(Json& response, ResponseScenarioContext& ctx, int count,
                    const DamageFunctionArguments& damage = nullptr);
/// Inserts source links into the first message's text with url_citation annotations.
void cite_links(Json& response, ResponseScenarioContext& ctx);
/// Puts a reasoning item with a summary before the output (the only item when `alone`).
void add_reasoning(Json& response, ResponseScenarioContext& ctx, bool alone);

/// usage.output_tokens (and total, reasoning tokens) counted from what the output now holds.
void recount_usage(Json& response);

}  // namespace chatmock::scenarios
