// The spec warns that "the model does not always generate valid JSON, and may hallucinate
// parameters" (openapi.yaml:31029-31031, docs/scenarios.md (tool_arguments).22/C.24/C.26); these
// hooks make each failure concrete while keeping the reply's shape (ids, finish_reason, streaming)
// untouched.
#include "scenarios/core_tool_hooks.h"

#include <algorithm>
#include <array>
#include <map>
#include <string_view>

#include "scenarios/core_reply_edits.h"
#include "synthesis/json_schema_generator.h"
#include "synthesis/reply_synthesizer.h"

namespace chatmock::scenarios {

namespace {
using nlohmann::json;

/// The call's index inside a chunk whose only choice carries one tool-call delta, else -1.
std::int64_t tool_delta_index(const json& chunk, std::int64_t choice_index) {
  const auto& choices = chunk.value("choices", json::array());
  if (choices.size() != 1 || choices[0].value("index", -1) != choice_index) return -1;
  const auto& delta = choices[0].value("delta", json::object());
  // The first call's opener rides on the role chunk; it must stay first.
  if (delta.contains("role") || !delta.contains("tool_calls") || delta["tool_calls"].size() != 1)
    return -1;
  return delta["tool_calls"][0].value("index", -1);
}

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

std::string unquote_keys(const std::string& arguments) {
  const json parsed = json::parse(arguments, nullptr, false);
  if (!parsed.is_object() || parsed.empty()) return {};
  std::string out = "{";
  for (const auto& [key, value] : parsed.items()) {
    if (out.size() > 1) out += ", ";
    out += key + ": " + value.dump();
  }
  return out + "}";
}

std::string malformed(const std::string& arguments, synthesis::Rng& rng) {
  const auto closing = arguments.rfind('}');
  switch (rng.between(0, 4)) {
    case 0:
      if (closing != std::string::npos) return arguments.substr(0, closing) + ",}";
      break;
    case 1:
      if (arguments.find('"') != std::string::npos) return replace_all(arguments, "\"", "'");
      break;
    case 2:
      if (auto text = unquote_keys(arguments); !text.empty()) return text;
      break;
    case 3:
      if (arguments.size() > 1) return arguments.substr(0, arguments.size() / 2);
      break;
    default:
      break;
  }
  return "```json\n" + arguments + "\n```";
}

nlohmann::json schema_of(const api::ChatCompletionRequest& request, const std::string& name) {
  if (const auto* function = offered_function(request, name); function && function->parameters) {
    return *function->parameters;
  }
  return *synthesis::default_weather_tool().function->parameters;
}

struct UnofferedTool {
  const char* name;
  const char* parameters;  ///< JSON Schema text
};
constexpr std::array<UnofferedTool, 5> kUnofferedTools = {{
    {"search_web",
     R"({"type":"object","properties":{"query":{"type":"string"}},"required":["query"]})"},
    {"get_stock_price",
     R"({"type":"object","properties":{"symbol":{"type":"string","pattern":"^[A-Z]{3,4}$"}},"required":["symbol"]})"},
    {"send_email",
     R"({"type":"object","properties":{"to":{"type":"string","format":"email"},"subject":{"type":"string"}},"required":["to","subject"]})"},
    {"run_python",
     R"({"type":"object","properties":{"code":{"type":"string"}},"required":["code"]})"},
    {"lookup_order",
     R"({"type":"object","properties":{"order_id":{"type":"integer","minimum":1000}},"required":["order_id"]})"},
}};
}  // namespace

void interleave_tool_call_chunks(std::vector<nlohmann::json>& chunks) {
  std::map<std::int64_t, std::vector<std::size_t>> positions_by_choice;
  for (std::size_t i = 0; i < chunks.size(); ++i) {
    const auto& choices = chunks[i].value("choices", json::array());
    if (choices.size() == 1 && tool_delta_index(chunks[i], choices[0].value("index", -1)) >= 0) {
      positions_by_choice[choices[0].value("index", -1)].push_back(i);
    }
  }
  for (const auto& [choice_index, positions] : positions_by_choice) {
    std::map<std::int64_t, std::vector<json>> per_call;
    for (const auto at : positions)
      per_call[tool_delta_index(chunks[at], choice_index)].push_back(chunks[at]);
    std::vector<json> round_robin;
    for (std::size_t step = 0; round_robin.size() < positions.size(); ++step) {
      for (auto& [call, fragments] : per_call) {
        if (step < fragments.size()) round_robin.push_back(std::move(fragments[step]));
      }
    }
    for (std::size_t k = 0; k < positions.size(); ++k)
      chunks[positions[k]] = std::move(round_robin[k]);
  }
}

std::string malformed_arguments(const std::string& arguments, synthesis::Rng& rng) {
  return malformed(arguments, rng);
}

void break_tool_arguments(api::ChatCompletion& completion, ScenarioContext& ctx) {
  for (auto& choice : completion.choices) {
    if (choice.message.tool_calls.has_value()) {
      for (auto& call : *choice.message.tool_calls) {
        if (call.function) call.function->arguments = malformed(call.function->arguments, ctx.rng);
      }
    }
    if (choice.message.function_call.has_value()) {
      choice.message.function_call->arguments =
          malformed(choice.message.function_call->arguments, ctx.rng);
    }
  }
  recount_usage(completion);
}

void violate_tool_schemas(api::ChatCompletion& completion, ScenarioContext& ctx) {
  auto violate = [&](api::Function& function) {
    function.arguments = synthesis::generate_violating_instance(
                             schema_of(ctx.request, function.name), ctx.rng, ctx.budget)
                             .dump();
  };
  for (auto& choice : completion.choices) {
    if (choice.message.tool_calls.has_value()) {
      for (auto& call : *choice.message.tool_calls) {
        if (call.function) violate(*call.function);
      }
    }
    if (choice.message.function_call.has_value()) violate(*choice.message.function_call);
  }
  recount_usage(completion);
}

void call_unoffered_tool(synthesis::ReplyDefinition& definition, ScenarioContext& ctx) {
  std::vector<const UnofferedTool*> candidates;
  for (const auto& tool : kUnofferedTools) {
    const bool offered = std::any_of(ctx.request.tools.begin(), ctx.request.tools.end(),
                                     [&](const api::Tool& t) { return t.name() == tool.name; });
    if (!offered && offered_function(ctx.request, tool.name) == nullptr)
      candidates.push_back(&tool);
  }
  // A request offering every one of these names still gets a call it did not offer.
  static constexpr UnofferedTool kLastResort = {"unlisted_function", R"({"type":"object"})"};
  if (candidates.empty()) candidates.push_back(&kLastResort);
  const UnofferedTool& pick = *candidates[static_cast<std::size_t>(
      ctx.rng.between(0, static_cast<std::int64_t>(candidates.size()) - 1))];
  const auto arguments =
      synthesis::generate_instance(json::parse(pick.parameters), ctx.rng, ctx.budget).dump();
  definition.kind = synthesis::ReplyKind::tool_calls;
  definition.tool_calls = {synthesis::ForcedToolCall{pick.name, arguments}};
}

void aim_function_call_at_offered_tool(api::ChatCompletion& completion, ScenarioContext& ctx) {
  if (!ctx.request.functions.empty()) return;
  const auto tool = std::find_if(ctx.request.tools.begin(), ctx.request.tools.end(),
                                 [](const api::Tool& t) { return t.function.has_value(); });
  if (tool == ctx.request.tools.end()) return;
  for (auto& choice : completion.choices) {
    if (!choice.message.function_call.has_value()) continue;
    choice.message.function_call->name = tool->function->name;
    choice.message.function_call->arguments =
        synthesis::generate_instance(schema_of(ctx.request, tool->function->name), ctx.rng,
                                     ctx.budget)
            .dump();
  }
  recount_usage(completion);
}

}  // namespace chatmock::scenarios
