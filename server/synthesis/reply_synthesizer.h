// ReplySynthesizer: (request, ReplyDefinition, seed) → ChatCompletion, the `default` behaviour.
// Pure and deterministic: the same inputs give an equal completion, ids and `created` included.
// It does not stream (streaming/chunk_planner derives chunks from its result) or apply scenarios.
#pragma once

#include <cstdint>

#include "api/chat_completion.h"
#include "api/chat_completion_request.h"
#include "budget/work_budget.h"
#include "synthesis/reply_definition.h"

namespace chatmock::synthesis {

/// Where randomness and time come from for one synthesis.
struct SynthesisContext {
  std::uint64_t seed = 0;
  bool seeded = false;           ///< with a seed, `created` is derived from it too
  std::int64_t now_seconds = 0;  ///< `created` when unseeded
};

/// The completion the API would plausibly return for `request`.
api::ChatCompletion synthesize_completion(const api::ChatCompletionRequest& request,
                                          const ReplyDefinition& definition,
                                          const SynthesisContext& context);
/// The same under `budget`: stops between choices (and inside long text) once it is spent; the
/// caller then discards the partial completion and answers with the budget's error.
api::ChatCompletion synthesize_completion(const api::ChatCompletionRequest& request,
                                          const ReplyDefinition& definition,
                                          const SynthesisContext& context,
                                          budget::WorkBudget& budget);

/// The tool definition synthesis invents when a scenario needs a call and none was offered.
api::Tool default_weather_tool();

}  // namespace chatmock::synthesis
