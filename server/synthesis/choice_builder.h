// The per-choice half of synthesis: plan_reply decides what kind of answer the request gets
// (once per completion), build_choice fills one choice's message from that plan with its own
// Rng, applying stop sequences and the token limit.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "api/chat_completion.h"
#include "api/chat_completion_request.h"
#include "budget/work_budget.h"
#include "synthesis/random.h"
#include "synthesis/reply_definition.h"

namespace chatmock::synthesis {

/// A tool the reply will call, with the schema its arguments must satisfy.
struct PlannedCall {
  std::string name;
  bool custom = false;                   ///< a custom tool: free-text `input`
  nlohmann::json parameters;             ///< JSON Schema (function tools)
  std::optional<std::string> arguments;  ///< forced raw arguments
};

/// The resolved shape of every choice of one completion.
struct ReplyPlan {
  ReplyKind kind = ReplyKind::text;
  std::vector<PlannedCall> calls;  ///< for tool_calls / function_call
  api::FinishReason finish_reason = api::FinishReason::stop;
  nlohmann::json schema;  ///< for structured output; null → json_object
};

/// One synthesized choice and the completion tokens it cost.
struct BuiltChoice {
  api::Choice choice;
  std::int64_t completion_tokens = 0;
};

/// Content text after the request's stop sequences and token limit, cut as build_choice cuts it.
struct LimitedContent {
  std::string text;
  std::int64_t tokens = 0;  ///< completion tokens the kept text costs
  bool stopped = false;     ///< a stop sequence cut it (finish_reason "stop")
  bool truncated = false;   ///< the token limit cut it (finish_reason "length")
};

/// Applies `request`'s stop sequences, then its token limit, to `text`. Scenarios that stand a
/// placeholder in for big content use it so the stream cuts where the JSON reply does.
LimitedContent limit_content(const api::ChatCompletionRequest& request, std::string text);

/// Resolves `definition` against the request's tools, tool_choice, functions and response_format.
ReplyPlan plan_reply(const api::ChatCompletionRequest& request, const ReplyDefinition& definition);
/// Builds choice `index` of a completion following `plan`.
BuiltChoice build_choice(const api::ChatCompletionRequest& request,
                         const ReplyDefinition& definition, const ReplyPlan& plan,
                         std::int64_t index, Rng& rng);
/// The same, stopping early (with a partial choice) once `budget` is spent.
BuiltChoice build_choice(const api::ChatCompletionRequest& request,
                         const ReplyDefinition& definition, const ReplyPlan& plan,
                         std::int64_t index, Rng& rng, budget::WorkBudget& budget);

}  // namespace chatmock::synthesis
