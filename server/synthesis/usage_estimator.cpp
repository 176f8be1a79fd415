// Counting rule (OpenAI cookbook "How to count tokens with tiktoken", chat format): each message
// costs 3 tokens plus its role and content, a name costs one more, and every reply is primed
// with 3. Tools and response schemas are counted from their compact JSON text.
#include "synthesis/usage_estimator.h"

#include "synthesis/token_splitter.h"

namespace chatmock::synthesis {

std::int64_t estimate_prompt_tokens(const api::ChatCompletionRequest& request) {
  constexpr std::int64_t kPerMessage = 3;
  constexpr std::int64_t kReplyPrimer = 3;
  std::int64_t total = kReplyPrimer;
  for (const auto& message : request.messages) {
    total += kPerMessage + 1;  // the role is one token
    total += static_cast<std::int64_t>(count_tokens(message.text()));
    if (message.name) total += 1;
    if (message.tool_calls) {
      total += static_cast<std::int64_t>(count_tokens(nlohmann::json(*message.tool_calls).dump()));
    }
  }
  for (const auto& tool : request.tools) {
    total += static_cast<std::int64_t>(count_tokens(nlohmann::json(tool).dump()));
  }
  for (const auto& function : request.functions) {
    total += static_cast<std::int64_t>(count_tokens(nlohmann::json(function).dump()));
  }
  if (request.response_format && request.response_format->json_schema) {
    total += static_cast<std::int64_t>(
        count_tokens(nlohmann::json(*request.response_format->json_schema).dump()));
  }
  return total;
}

api::CompletionUsage make_usage(std::int64_t prompt_tokens, std::int64_t completion_tokens) {
  api::CompletionUsage usage;
  usage.prompt_tokens = prompt_tokens;
  usage.completion_tokens = completion_tokens;
  usage.total_tokens = prompt_tokens + completion_tokens;
  api::PromptTokensDetails prompt_details;
  prompt_details.cached_tokens = std::int64_t{0};
  prompt_details.audio_tokens = std::int64_t{0};
  usage.prompt_tokens_details = prompt_details;
  api::CompletionTokensDetails completion_details;
  completion_details.reasoning_tokens = std::int64_t{0};
  completion_details.audio_tokens = std::int64_t{0};
  completion_details.accepted_prediction_tokens = std::int64_t{0};
  completion_details.rejected_prediction_tokens = std::int64_t{0};
  usage.completion_tokens_details = completion_details;
  return usage;
}

}  // namespace chatmock::synthesis
