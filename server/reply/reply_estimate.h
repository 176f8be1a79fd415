// A lower bound of a reply's bytes from what is known before synthesis (words, choices, stream
// framing, logprobs), so a reply that cannot fit --max-reply-bytes is refused before any of it
// is built. Lower bound on purpose: a reply the estimate lets through may still be stopped by
// the byte charges made while it is rendered, but none is refused that would have fit.
#pragma once

#include <cstddef>
#include <optional>

#include "api/api_error.h"
#include "api/chat_completion_request.h"
#include "budget/work_budget.h"
#include "synthesis/reply_definition.h"

namespace chatmock::reply {

/// Bytes the prose reply of `definition` takes at least (0 when it is not prose).
std::size_t minimum_reply_bytes(const api::ChatCompletionRequest& request,
                                const synthesis::ReplyDefinition& definition);

/// reply_too_large (and `budget` spent) when the minimum cannot fit what `budget` has left.
std::optional<api::ApiError> check_reply_estimate(const api::ChatCompletionRequest& request,
                                                  const synthesis::ReplyDefinition& definition,
                                                  budget::WorkBudget& budget);

/// The same check for a Responses text answer of `words` words (X-Chatmock-Words), at most
/// `token_limit` of them (max_output_tokens); a stream adds one delta event per word.
std::optional<api::ApiError> check_response_words_estimate(std::int64_t words,
                                                           std::optional<std::int64_t> token_limit,
                                                           bool stream, budget::WorkBudget& budget);

}  // namespace chatmock::reply
