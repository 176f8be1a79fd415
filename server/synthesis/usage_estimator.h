// UsageEstimator: prompt-token counts from the request. An approximation of tiktoken's chat
// accounting (3 tokens per message + role + content pieces + 3 for the reply primer), using
// split_tokens; documented in docs/synthesis.md. Same request → same count, always.
#pragma once

#include <cstdint>

#include "api/chat_completion.h"
#include "api/chat_completion_request.h"

namespace chatmock::synthesis {

/// Estimated prompt tokens of `request` (messages, tool definitions, response schema).
std::int64_t estimate_prompt_tokens(const api::ChatCompletionRequest& request);
/// The usage object the API reports, with its zero-filled details as the real API sends them.
api::CompletionUsage make_usage(std::int64_t prompt_tokens, std::int64_t completion_tokens);

}  // namespace chatmock::synthesis
