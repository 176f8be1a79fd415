// Logprobs consistent with the content: one entry per token piece, tokens concatenating to the
// text, `bytes` the exact UTF-8 of each token, `top_logprobs` led by the chosen token.
#pragma once

#include <string>
#include <vector>

#include "api/chat_completion.h"
#include "synthesis/random.h"

namespace chatmock::synthesis {

/// Entries for `tokens`, each with `top_count` alternatives (0–20).
std::vector<api::TokenLogprob> generate_logprobs(const std::vector<std::string>& tokens,
                                                 std::int64_t top_count, Rng& rng);
/// The UTF-8 bytes of `token` as the API lists them.
std::vector<int> utf8_bytes(const std::string& token);

}  // namespace chatmock::synthesis
