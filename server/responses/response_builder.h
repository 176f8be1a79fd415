// Synthesis of one Response object (reference §2) from a CreateResponse and a seed: one assistant
// message with one output_text part, usage, and every field the schema requires echoed from the
// request. The JSON reply, the stream (response_events.h) and the store all use this one value.
#pragma once

#include <cstdint>
#include <vector>

#include "budget/work_budget.h"
#include "responses/response_json.h"
#include "responses/response_request.h"
#include "synthesis/random.h"

namespace chatmock::responses {

/// What besides the request decides the Response.
struct BuildContext {
  std::uint64_t seed = 0;
  bool seeded = false;              ///< seeded: `created_at` comes from the seed, not the clock
  std::int64_t now_seconds = 0;     ///< the clock, for unseeded requests
  std::int64_t carried_tokens = 0;  ///< context of the previous_response_id chain
  std::int64_t words = 0;           ///< X-Chatmock-Words: a text answer's exact words (0: any)
  /// Bounds generating schema instances (json_schema text, function arguments); null for none.
  /// The caller checks it afterwards: a spent budget leaves the smallest values behind.
  budget::WorkBudget* budget = nullptr;
};

struct BuiltResponse {
  Json response;                  ///< the Response object
  std::vector<Json> input_items;  ///< the request's input items, each with an `id`
  /// Tokens a response chained onto this one inherits: its context and input (instructions
  /// excluded, they are not carried over) plus its output.
  std::int64_t carried_tokens = 0;
};

/// The Response for `request`; the same request and context give the same value.
BuiltResponse build_response(const ResponseRequest& request, const BuildContext& context);

/// The request's input tokens as `usage.input_tokens` counts them, without a previous
/// response's context (the rate limiter's estimate before anything is built).
std::int64_t estimate_input_tokens(const ResponseRequest& request);

/// The request's input items with the ids `build_response` gives them under `seed`.
std::vector<Json> identified_input_items(const ResponseRequest& request, std::uint64_t seed);

/// A completed assistant message item with one output_text part holding `text`.
Json text_message(std::string id, std::string text);

/// `prefix` + 48 hex digits drawn from `rng` (the shape of resp_…, msg_… ids).
std::string hex_id(synthesis::Rng& rng, std::string_view prefix);

}  // namespace chatmock::responses
