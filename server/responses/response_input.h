// CreateResponse `input` as items: a string is one user message, an array is checked item by item
// (messages with string or part content, function_call and function_call_output). The items are
// what the store keeps and GET …/input_items lists.
#pragma once

#include <vector>

#include "reply/expected.h"
#include "responses/response_json.h"

namespace chatmock::responses {

/// Upper bound on input items in one request (the body limit bounds their bytes).
inline constexpr std::size_t kMaxInputItems = 2048;

/// `input` normalised: every item gets its `type`, string message content stays a string.
reply::Expected<std::vector<Json>> parse_input(const Json& input);

/// The plain text of an item (message text parts, a function call's arguments, a tool output),
/// for token estimates.
std::string item_text(const Json& item);

}  // namespace chatmock::responses
