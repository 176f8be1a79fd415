// The output items a request calls for before its answer, as the real API puts them: a
// reasoning item when the model reasons (o-series, gpt-5), and one call of each built-in tool
// the request offers (web_search, file_search). Pure: the same request and seed, the same items.
#pragma once

#include <cstdint>
#include <vector>

#include "responses/response_json.h"
#include "responses/response_request.h"
#include "synthesis/random.h"

namespace chatmock::responses {

struct LeadingItems {
  std::vector<Json> items;            ///< in output order, before the message or function call
  std::int64_t reasoning_tokens = 0;  ///< counted in usage.output_tokens
};

/// The reasoning item (summary when `reasoning.summary` asks, `encrypted_content` when
/// `include` asks) and the built-in tool calls (`file_search_call.results` when `include` asks)
/// of `request`. Reasoning tokens take at most half of `max_output_tokens`.
LeadingItems leading_items(const ResponseRequest& request, synthesis::Rng rng);

}  // namespace chatmock::responses
