// The per-token constants undercount on purpose (a word is at least 4 bytes with its space, a
// stream chunk at least kMinChunkBytes, a logprob entry at least 30 bytes per alternative).
#include "reply/reply_estimate.h"

#include <algorithm>

#include "reply/budget_errors.h"
#include "streaming/chunk_planner.h"
#include "synthesis/choice_builder.h"

namespace chatmock::reply {

namespace {
constexpr std::size_t kMinWordBytes = 4;
constexpr std::size_t kMinLogprobBytes = 30;
constexpr std::int64_t kMostWordsCounted = 10'000'000;
constexpr std::int64_t kMostChoicesCounted = 1'000'000;
// `event: response.output_text.delta` and its data line carry the type, sequence number, item
// id (52 bytes), indexes and an empty logprobs array: well over 150 bytes with one word.
constexpr std::size_t kMinResponseDeltaBytes = 150;

std::int64_t choice_count(const api::ChatCompletionRequest& request,
                          const synthesis::ReplyDefinition& definition) {
  return std::clamp<std::int64_t>(definition.choice_count.value_or(request.choice_count()), 1,
                                  kMostChoicesCounted);
}

bool is_prose(const api::ChatCompletionRequest& request,
              const synthesis::ReplyDefinition& definition) {
  if (definition.content) return false;
  if (definition.kind == synthesis::ReplyKind::automatic) {
    return synthesis::plan_reply(request, definition).kind == synthesis::ReplyKind::text;
  }
  return definition.kind == synthesis::ReplyKind::text;
}
}  // namespace

std::size_t minimum_reply_bytes(const api::ChatCompletionRequest& request,
                                const synthesis::ReplyDefinition& definition) {
  if (!is_prose(request, definition)) return 0;
  std::int64_t words = std::clamp<std::int64_t>(definition.min_words, 0, kMostWordsCounted);
  if (const auto limit = request.token_limit(); limit && *limit >= 0)
    words = std::min(words, *limit);
  std::size_t per_word = kMinWordBytes;
  if (request.stream) per_word += streaming::kMinChunkBytes;
  if (request.logprobs || definition.force_logprobs) {
    const auto alternatives = std::clamp<std::int64_t>(request.top_logprobs.value_or(0), 0, 20);
    per_word += kMinLogprobBytes * static_cast<std::size_t>(alternatives + 1);
  }
  return static_cast<std::size_t>(words) *
         static_cast<std::size_t>(choice_count(request, definition)) * per_word;
}

std::optional<api::ApiError> check_reply_estimate(const api::ChatCompletionRequest& request,
                                                  const synthesis::ReplyDefinition& definition,
                                                  budget::WorkBudget& budget) {
  const std::size_t bytes = minimum_reply_bytes(request, definition);
  if (bytes <= budget.remaining_bytes()) return std::nullopt;
  budget.charge(bytes);
  const bool many = choice_count(request, definition) > 1;
  const bool logprobs = request.logprobs || definition.force_logprobs;
  return reply_too_large(budget.limits(), bytes,
                         many       ? "n"
                         : logprobs ? "top_logprobs"
                                    : "X-Chatmock-Words");
}

std::optional<api::ApiError> check_response_words_estimate(std::int64_t words,
                                                           std::optional<std::int64_t> token_limit,
                                                           bool stream,
                                                           budget::WorkBudget& budget) {
  words = std::clamp<std::int64_t>(words, 0, kMostWordsCounted);
  if (token_limit && *token_limit >= 0) words = std::min(words, *token_limit);
  const std::size_t per_word = kMinWordBytes + (stream ? kMinResponseDeltaBytes : 0);
  const std::size_t bytes = static_cast<std::size_t>(words) * per_word;
  if (bytes <= budget.remaining_bytes()) return std::nullopt;
  budget.charge(bytes);
  return reply_too_large(budget.limits(), bytes, "X-Chatmock-Words");
}

}  // namespace chatmock::reply
