// The calls are forced with explicit raw arguments rather than edited after synthesis, so the
// synthesizer still applies the token limit to them and counts them in usage, and the chunk
// planner streams them in the same token fragments as any other arguments.
#include "scenarios/tool_argument_calls.h"

#include <algorithm>

#include "synthesis/json_schema_generator.h"
#include "synthesis/reply_synthesizer.h"

namespace chatmock::scenarios {

namespace {
const nlohmann::json& empty_object_schema() {
  static const nlohmann::json kSchema = {{"type", "object"},
                                         {"properties", nlohmann::json::object()}};
  return kSchema;
}

nlohmann::json parameters_of(const api::Tool& tool) {
  if (tool.function && tool.function->parameters) return *tool.function->parameters;
  return empty_object_schema();
}

std::vector<api::Tool> callable_function_tools(const api::ChatCompletionRequest& request) {
  std::vector<api::Tool> tools;
  const bool named = request.tool_choice && request.tool_choice->mode == "named";
  for (const auto& tool : request.tools) {
    if (tool.type != "function" || !tool.function) continue;
    if (named && tool.name() != request.tool_choice->name) continue;
    tools.push_back(tool);
  }
  if (tools.empty()) tools.push_back(synthesis::default_weather_tool());
  return tools;
}

/// The parameters schema of the tool called `name`, as the model would have read it.
nlohmann::json parameters_named(const api::ChatCompletionRequest& request,
                                const std::string& name) {
  for (const auto& tool : request.tools) {
    if (tool.name() == name) return parameters_of(tool);
  }
  const auto weather = synthesis::default_weather_tool();
  return name == weather.name() ? parameters_of(weather) : empty_object_schema();
}
}  // namespace

void force_damaged_tool_calls(synthesis::ReplyDefinition& definition, ScenarioContext& ctx,
                              const DamageArguments& damage) {
  definition.kind = synthesis::ReplyKind::tool_calls;
  if (definition.tool_calls.empty()) {
    const auto tools = callable_function_tools(ctx.request);
    const std::size_t wanted = std::max<std::size_t>(definition.tool_call_count, 1);
    for (std::size_t i = 0; i < wanted; ++i) {
      definition.tool_calls.push_back({tools[i % tools.size()].name(), std::nullopt});
    }
  }
  for (auto& call : definition.tool_calls) {
    const auto parameters = parameters_named(ctx.request, call.name);
    const auto valid = synthesis::generate_instance(parameters, ctx.rng, ctx.budget);
    call.arguments = damage(valid, parameters, ctx.rng);
  }
}

std::vector<std::string> offered_tool_names(const api::ChatCompletionRequest& request) {
  std::vector<std::string> names;
  names.reserve(request.tools.size());
  for (const auto& tool : request.tools) names.push_back(tool.name());
  return names;
}

}  // namespace chatmock::scenarios
