// Mutations of tool definitions and tool selection: `tools`, legacy `functions`, `tool_choice`,
// `function_call` and `parallel_tool_calls`, including the cross-field "only allowed when"
// rules.
#include <rapidcheck.h>

#include "generators/text_generators.h"
#include "request_mutations.h"

namespace chatmock::property {

namespace {

const ExpectedViolation kToolInvalidType{"validation.invalid_type", {}, "invalid_type"};

ExpectedViolation tool_at(ExpectedViolation v, std::string param) {
  v.param = std::move(param);
  return v;
}

bool non_empty(const json& body, const char* key) {
  return body.contains(key) && body[key].is_array() && !body[key].empty();
}
bool has_tools(const json& body) { return non_empty(body, "tools"); }
bool has_functions(const json& body) { return non_empty(body, "functions"); }

/// A bad tool or function name and the code check_name gives it.
std::pair<json, std::string> bad_name() {
  switch (*rc::gen::inRange(0, 3)) {
    case 0:
      return {json(""), "empty_string"};
    case 1:
      return {json(std::string(static_cast<std::size_t>(*rc::gen::inRange(65, 100)), 'f')),
              "string_above_max_length"};
    default:
      return {json(*rc::gen::element<std::string>("get weather", "a.b", "naïve", "x/y")),
              "invalid_value"};
  }
}

/// A random tool of the request: its index, path and the key of its body ("function"/"custom").
struct PickedTool {
  std::size_t index;
  std::string path;
  std::string kind;
};
PickedTool pick_tool(const json& body, const PathStyle& style) {
  const auto i = *rc::gen::inRange<std::size_t>(0, body["tools"].size());
  return {i, style.index("tools", i), body["tools"][i]["type"].get<std::string>()};
}

void add_definition_mutations(std::vector<Mutation>& out, const MutationLimits& limits) {
  out.push_back({"tools_empty", has_tools, [](json& body, const PathStyle&) -> ExpectedViolation {
                   body["tools"] = json::array();
                   return {"validation.tools_empty", "tools", "empty_array"};
                 }});
  out.push_back(
      {"tools_too_many", has_tools, [limits](json& body, const PathStyle&) -> ExpectedViolation {
         const auto target = limits.max_tools + *rc::gen::inRange<std::size_t>(1, 4);
         for (std::size_t k = 0; body["tools"].size() < target; ++k) {
           body["tools"].push_back(
               {{"type", "function"}, {"function", {{"name", "extra_tool_" + std::to_string(k)}}}});
         }
         return {"validation.tools_too_many", "tools", "array_above_max_length"};
       }});
  out.push_back(
      {"tool_broken", has_tools, [](json& body, const PathStyle& style) -> ExpectedViolation {
         const auto tool = pick_tool(body, style);
         json& t = body["tools"][tool.index];
         switch (*rc::gen::inRange(0, 4)) {
           case 0:
             t = wrong_kind({"object"});
             return tool_at(kToolInvalidType, tool.path);
           case 1:
             t["type"] = *rc::gen::element<std::string>("retrieval", "", "Function");
             return {"validation.tool_type_invalid", tool.path + ".type", "invalid_value"};
           case 2:
             t.erase("type");
             return {"validation.missing_field", tool.path + ".type", "missing_required_parameter"};
           default:
             t.erase(tool.kind);
             return {"validation.missing_field", tool.path + "." + tool.kind,
                     "missing_required_parameter"};
         }
       }});
  out.push_back(
      {"tool_definition_broken", has_tools,
       [](json& body, const PathStyle& style) -> ExpectedViolation {
         const auto tool = pick_tool(body, style);
         json& definition = body["tools"][tool.index][tool.kind];
         const std::string path = tool.path + "." + tool.kind;
         switch (*rc::gen::inRange(0, 5)) {
           case 0:
             definition.erase("name");
             return {"validation.missing_field", path + ".name", "missing_required_parameter"};
           case 1: {
             auto [name, code] = bad_name();
             definition["name"] = name;
             return {"validation.tool_name_invalid", path + ".name", code};
           }
           case 2:
             definition["parameters"] = wrong_kind({"object"});
             return tool_at(kToolInvalidType, path + ".parameters");
           case 3:
             definition["strict"] = wrong_kind({"boolean", "null"});
             return tool_at(kToolInvalidType, path + ".strict");
           default:
             definition["description"] = wrong_kind({"string"});
             return tool_at(kToolInvalidType, path + ".description");
         }
       }});
  out.push_back({"functions_empty", [](const json&) { return true; },
                 [](json& body, const PathStyle&) -> ExpectedViolation {
                   body["functions"] = json::array();
                   return {"validation.functions_empty", "functions", "empty_array"};
                 }});
  out.push_back(
      {"function_name_invalid", has_functions,
       [](json& body, const PathStyle& style) -> ExpectedViolation {
         const auto i = *rc::gen::inRange<std::size_t>(0, body["functions"].size());
         auto [name, code] = bad_name();
         body["functions"][i]["name"] = name;
         return {"validation.tool_name_invalid", style.index("functions", i) + ".name", code};
       }});
}

void add_selection_mutations(std::vector<Mutation>& out) {
  out.push_back(
      {"tool_choice_invalid", has_tools, [](json& body, const PathStyle&) -> ExpectedViolation {
         switch (*rc::gen::inRange(0, 5)) {
           case 0:
             body["tool_choice"] = *rc::gen::element<std::string>("any", "", "Auto", "function");
             return {"validation.tool_choice_invalid", "tool_choice", "invalid_value"};
           case 1:
             body["tool_choice"] = {{"type", "function"},
                                    {"function", {{"name", "zz_not_a_tool_at_all"}}}};
             return {"validation.tool_choice_unknown_tool", "tool_choice", std::nullopt};
           case 2:
             body["tool_choice"] = {
                 {"type", *rc::gen::element<std::string>("tool", "", "retrieval")}};
             return {"validation.tool_choice_invalid", "tool_choice.type", "invalid_value"};
           case 3:
             body["tool_choice"] = {{"type", "function"}, {"function", json::object()}};
             return {"validation.missing_field", "tool_choice.function.name",
                     "missing_required_parameter"};
           default:
             body["tool_choice"] = {
                 {"type", "allowed_tools"},
                 {"allowed_tools", {{"mode", "none"}, {"tools", json::array()}}}};
             return {"validation.tool_choice_invalid", "tool_choice.allowed_tools.mode",
                     "invalid_value"};
         }
       }});
  const auto no_tools = [](const json& body) { return !body.contains("tools"); };
  out.push_back({"tool_choice_without_tools", no_tools,
                 [](json& body, const PathStyle&) -> ExpectedViolation {
                   body["tool_choice"] =
                       *rc::gen::element(json("auto"), json("none"),
                                         json{{"type", "function"}, {"function", {{"name", "f"}}}});
                   return {"validation.tool_choice_without_tools", "tool_choice", std::nullopt};
                 }});
  out.push_back({"parallel_tool_calls_without_tools", no_tools,
                 [](json& body, const PathStyle&) -> ExpectedViolation {
                   body["parallel_tool_calls"] = *rc::gen::arbitrary<bool>();
                   return {"validation.parallel_tool_calls_without_tools", "parallel_tool_calls",
                           std::nullopt};
                 }});
  out.push_back(
      {"function_call_without_functions",
       [](const json& body) { return !body.contains("functions"); },
       [](json& body, const PathStyle&) -> ExpectedViolation {
         body["function_call"] = *rc::gen::element(json("auto"), json{{"name", "f"}});
         return {"validation.function_call_without_functions", "function_call", std::nullopt};
       }});
  out.push_back(
      {"function_call_invalid", has_functions,
       [](json& body, const PathStyle&) -> ExpectedViolation {
         if (*rc::gen::arbitrary<bool>()) {
           body["function_call"] = *rc::gen::element<std::string>("required", "", "any");
           return {"validation.function_call_invalid", "function_call", "invalid_value"};
         }
         body["function_call"] = {{"name", "zz_not_a_function_at_all"}};
         return {"validation.function_call_unknown_function", "function_call", std::nullopt};
       }});
}

}  // namespace

std::vector<Mutation> tool_mutations(const MutationLimits& limits) {
  std::vector<Mutation> out;
  add_definition_mutations(out, limits);
  add_selection_mutations(out);
  return out;
}

json wrong_kind(const std::vector<std::string>& allowed) {
  const auto allows = [&](const char* kind) {
    return std::find(allowed.begin(), allowed.end(), kind) != allowed.end();
  };
  std::vector<json> candidates;
  if (!allows("string")) candidates.emplace_back("x");
  if (!allows("integer") && !allows("number")) candidates.emplace_back(7);
  if (!allows("number")) candidates.emplace_back(1.5);
  if (!allows("boolean")) candidates.emplace_back(true);
  if (!allows("array")) candidates.push_back(json::array());
  if (!allows("object")) candidates.push_back(json::object());
  if (!allows("null")) candidates.emplace_back(nullptr);
  return *rc::gen::elementOf(candidates);
}

}  // namespace chatmock::property
