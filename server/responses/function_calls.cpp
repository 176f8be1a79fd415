// One call per Response, as Chat's default: parallel calls are the parallel_tool_calls scenario.
#include "responses/function_calls.h"

#include "responses/response_builder.h"
#include "synthesis/id_generator.h"
#include "synthesis/json_schema_generator.h"

namespace chatmock::responses {

std::vector<Json> tools_to_call(const ResponseRequest& request) {
  std::vector<Json> functions;
  for (const auto& tool : request.tools) {
    if (tool.value("type", std::string()) == "function") functions.push_back(tool);
  }
  if (functions.empty() || request.text_format.value("type", std::string("text")) != "text") {
    return {};
  }
  const Json& choice = request.tool_choice;
  if (choice == "none") return {};
  const bool answered = !request.input.empty() &&
                        request.input.back().value("type", std::string()) == "function_call_output";
  if (choice == "auto" && answered) return {};
  if (choice.is_object() && choice.value("type", std::string()) == "function") {
    const auto name = choice.value("name", std::string());
    for (const auto& tool : functions) {
      if (tool.value("name", std::string()) == name) return {tool};
    }
  }
  return functions;
}

Json parameters_of(const Json& tool) {
  Json parameters = tool.value("parameters", Json());
  if (!parameters.is_object()) parameters = {{"type", "object"}, {"properties", Json::object()}};
  return parameters;
}

Json function_call_item(const Json& tool, synthesis::Rng& rng, budget::WorkBudget& budget) {
  const auto arguments = synthesis::generate_instance(parameters_of(tool), rng, budget);
  return Json{{"id", hex_id(rng, "fc_")},
              {"type", "function_call"},
              {"status", "completed"},
              {"arguments", arguments.dump(-1, ' ', false, Json::error_handler_t::replace)},
              {"call_id", synthesis::tool_call_id(rng)},
              {"name", tool.value("name", std::string())}};
}

}  // namespace chatmock::responses
