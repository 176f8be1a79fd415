// Planning follows the real API's observable rules: a named tool_choice finishes with "stop",
// "required"/"auto" calls finish with "tool_calls" (vllm PR #25054 results table), legacy
// functions finish with "function_call". Truncation cuts at token pieces, so a tool call cut by
// the limit carries arguments that are not valid JSON, exactly as edge case 15 describes.
#include "synthesis/choice_builder.h"

#include <algorithm>

#include "synthesis/id_generator.h"
#include "synthesis/json_schema_generator.h"
#include "synthesis/logprob_generator.h"
#include "synthesis/reply_synthesizer.h"
#include "synthesis/text_generator.h"
#include "synthesis/token_splitter.h"

namespace chatmock::synthesis {

namespace {
const char* const kRefusal = "I'm sorry, but I can't help with that request.";

PlannedCall call_for(const api::Tool& tool) {
  PlannedCall call;
  call.name = tool.name();
  call.custom = tool.type == "custom";
  if (tool.function && tool.function->parameters) call.parameters = *tool.function->parameters;
  if (call.parameters.is_null())
    call.parameters = {{"type", "object"}, {"properties", nlohmann::json::object()}};
  return call;
}

const api::Tool* find_tool(const std::vector<api::Tool>& tools, const std::string& name) {
  const auto it =
      std::find_if(tools.begin(), tools.end(), [&](const auto& t) { return t.name() == name; });
  return it == tools.end() ? nullptr : &*it;
}

bool last_message_is(const api::ChatCompletionRequest& request, const char* role) {
  return !request.messages.empty() && request.messages.back().role == role;
}

ReplyKind automatic_kind(const api::ChatCompletionRequest& request) {
  if (request.response_format && request.response_format->type != "text")
    return ReplyKind::structured;
  const bool functions_on =
      !request.functions.empty() && !(request.function_call && *request.function_call == "none");
  if (functions_on && !last_message_is(request, "function")) return ReplyKind::function_call;
  if (!request.tools.empty()) {
    const auto mode = request.tool_choice ? request.tool_choice->mode : std::string("auto");
    if (mode == "none") return ReplyKind::text;
    if (mode == "auto" && last_message_is(request, "tool")) return ReplyKind::text;
    return ReplyKind::tool_calls;
  }
  return ReplyKind::text;
}

std::vector<PlannedCall> plan_calls(const api::ChatCompletionRequest& request,
                                    const ReplyDefinition& definition) {
  std::vector<PlannedCall> calls;
  for (const auto& forced : definition.tool_calls) {
    const api::Tool* tool = find_tool(request.tools, forced.name);
    PlannedCall call =
        tool ? call_for(*tool) : PlannedCall{forced.name, false, nullptr, std::nullopt};
    call.arguments = forced.arguments;
    calls.push_back(std::move(call));
  }
  if (!calls.empty()) return calls;
  std::vector<api::Tool> offered = request.tools;
  if (request.tool_choice && request.tool_choice->mode == "named") {
    if (const api::Tool* tool = find_tool(request.tools, request.tool_choice->name))
      offered = {*tool};
  }
  if (offered.empty()) offered = {default_weather_tool()};
  const std::size_t wanted = std::max<std::size_t>(definition.tool_call_count, 1);
  for (std::size_t i = 0; i < wanted; ++i) calls.push_back(call_for(offered[i % offered.size()]));
  return calls;
}

std::vector<PlannedCall> plan_function_call(const api::ChatCompletionRequest& request) {
  std::string name;
  if (request.function_call && request.function_call->is_object()) {
    name = request.function_call->value("name", "");
  }
  for (const auto& function : request.functions) {
    if (name.empty() || function.name == name) {
      api::Tool tool;
      tool.function = function;
      return {call_for(tool)};
    }
  }
  return {call_for(default_weather_tool())};
}

/// Cuts `text` before the earliest stop sequence; true if one was found.
bool apply_stop(std::string& text, const std::vector<std::string>& stops) {
  std::size_t cut = std::string::npos;
  for (const auto& stop : stops) {
    if (stop.empty()) continue;
    cut = std::min(cut, text.find(stop));
  }
  if (cut == std::string::npos) return false;
  text.resize(cut);
  return true;
}

/// Keeps at most `budget` token pieces of `text`; returns the pieces kept.
std::vector<std::string> apply_budget(std::string& text, std::int64_t& budget, bool& truncated) {
  auto pieces = split_tokens(text);
  if (budget >= 0 && static_cast<std::int64_t>(pieces.size()) > budget) {
    pieces.resize(static_cast<std::size_t>(budget));
    text.clear();
    for (const auto& p : pieces) text += p;
    truncated = true;
  }
  if (budget >= 0) budget -= static_cast<std::int64_t>(pieces.size());
  return pieces;
}

std::string arguments_for(const PlannedCall& call, Rng& rng, budget::WorkBudget& work) {
  if (call.arguments) return *call.arguments;
  if (call.custom) return generate_text(rng, 3, 8);
  return generate_instance(call.parameters, rng, work).dump();
}
}  // namespace

LimitedContent limit_content(const api::ChatCompletionRequest& request, std::string text) {
  LimitedContent limited;
  limited.stopped = apply_stop(text, request.stop);
  const auto limit = request.token_limit();
  std::int64_t budget = limit ? *limit : -1;
  limited.tokens = static_cast<std::int64_t>(apply_budget(text, budget, limited.truncated).size());
  limited.text = std::move(text);
  return limited;
}

ReplyPlan plan_reply(const api::ChatCompletionRequest& request, const ReplyDefinition& definition) {
  ReplyPlan plan;
  plan.kind = definition.kind == ReplyKind::automatic ? automatic_kind(request) : definition.kind;
  if (!definition.tool_calls.empty() && definition.kind == ReplyKind::automatic) {
    plan.kind = ReplyKind::tool_calls;
  }
  switch (plan.kind) {
    case ReplyKind::tool_calls: {
      plan.calls = plan_calls(request, definition);
      const bool named = request.tool_choice && request.tool_choice->mode == "named";
      plan.finish_reason = named ? api::FinishReason::stop : api::FinishReason::tool_calls;
      break;
    }
    case ReplyKind::function_call:
      plan.calls = plan_function_call(request);
      plan.finish_reason = api::FinishReason::function_call;
      break;
    case ReplyKind::structured:
      if (request.response_format && request.response_format->json_schema &&
          request.response_format->json_schema->schema) {
        plan.schema = *request.response_format->json_schema->schema;
      }
      break;
    case ReplyKind::automatic:
    case ReplyKind::text:
    case ReplyKind::refusal:
      break;
  }
  if (definition.finish_reason) plan.finish_reason = *definition.finish_reason;
  return plan;
}

BuiltChoice build_choice(const api::ChatCompletionRequest& request,
                         const ReplyDefinition& definition, const ReplyPlan& plan,
                         std::int64_t index, Rng& rng) {
  budget::WorkBudget unlimited;
  return build_choice(request, definition, plan, index, rng, unlimited);
}

BuiltChoice build_choice(const api::ChatCompletionRequest& request,
                         const ReplyDefinition& definition, const ReplyPlan& plan,
                         std::int64_t index, Rng& rng, budget::WorkBudget& work) {
  BuiltChoice built;
  api::Choice& choice = built.choice;
  choice.index = index;
  choice.finish_reason = plan.finish_reason;
  const auto limit = request.token_limit();
  std::int64_t budget = limit ? *limit : -1;
  bool truncated = false;
  std::vector<std::string> pieces;
  bool refusal_pieces = false;

  if (plan.kind == ReplyKind::tool_calls || plan.kind == ReplyKind::function_call) {
    std::vector<api::ToolCall> calls;
    for (const auto& planned : plan.calls) {
      if (budget == 0) break;
      std::string arguments = arguments_for(planned, rng, work);
      built.completion_tokens +=
          static_cast<std::int64_t>(apply_budget(arguments, budget, truncated).size());
      api::ToolCall call;
      call.id = tool_call_id(rng);
      if (planned.custom) {
        call.type = "custom";
        call.custom = api::CustomToolCall{planned.name, arguments};
      } else {
        call.function = api::Function{planned.name, arguments};
      }
      calls.push_back(std::move(call));
    }
    if (plan.kind == ReplyKind::function_call && !calls.empty()) {
      choice.message.function_call = *calls.front().function;
    } else {
      choice.message.tool_calls = calls;
    }
  } else if (plan.kind == ReplyKind::refusal) {
    std::string refusal = definition.refusal.value_or(kRefusal);
    pieces = apply_budget(refusal, budget, truncated);
    refusal_pieces = true;
    choice.message.refusal = refusal;
  } else {
    std::string content;
    if (definition.content) {
      content = *definition.content;
    } else if (plan.kind == ReplyKind::structured) {
      content =
          plan.schema.is_null()
              ? nlohmann::json{{"answer", generate_text(rng, 3, 8)}, {"confidence", 0.9}}.dump()
              : generate_instance(plan.schema, rng, work).dump();
    } else {
      content = generate_text(rng, definition.min_words, definition.max_words, work);
    }
    if (apply_stop(content, request.stop)) choice.finish_reason = api::FinishReason::stop;
    // Splitting a long text into tokens is the costliest step of a choice: not past the budget.
    if (spent_now(work)) return built;
    pieces = apply_budget(content, budget, truncated);
    choice.message.content = content;
  }
  built.completion_tokens += static_cast<std::int64_t>(pieces.size());
  if (truncated && !definition.finish_reason) choice.finish_reason = api::FinishReason::length;

  if ((request.logprobs || definition.force_logprobs) && !pieces.empty() && !work.spent()) {
    api::ChoiceLogprobs logprobs;
    auto entries = generate_logprobs(pieces, request.top_logprobs.value_or(0), rng);
    if (refusal_pieces) {
      logprobs.refusal = std::move(entries);
    } else {
      logprobs.content = std::move(entries);
    }
    choice.logprobs = logprobs;
  }
  return built;
}

}  // namespace chatmock::synthesis
