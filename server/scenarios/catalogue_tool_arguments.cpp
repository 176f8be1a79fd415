// Edge-cases.md §5 C: tool-call arguments as models really send them. The spec warns that "the
// model does not always generate valid JSON, and may hallucinate parameters" (openapi.yaml
// :31029-31031), so each scenario damages otherwise schema-valid arguments in one known way;
// the JSON body and the streamed argument fragments carry the same damaged text.
#include <algorithm>
#include <array>
#include <string_view>

#include "scenarios/scenario_catalogue.h"
#include "scenarios/tool_argument_calls.h"

namespace chatmock::scenarios {

namespace {
using nlohmann::json;

constexpr std::string_view kToolArgumentsGroup = "tool_arguments";

/// Trailing comma, Python-style single quotes, or a markdown fence: the three shapes of
/// not-quite-JSON seen from models (docs/scenarios.md (tool_arguments).22).
std::string invalid_json(const json& valid, const json& /*parameters*/, synthesis::Rng& rng) {
  std::string text = valid.dump();
  const bool has_keys = valid.is_object() && !valid.empty();
  // Without a key neither a trailing comma nor quote swapping is guaranteed to break the text.
  switch (has_keys ? rng.between(0, 2) : 2) {
    case 0:
      text.insert(text.size() - 1, ",");
      return text;
    case 1:
      std::replace(text.begin(), text.end(), '"', '\'');
      return text;
    default:
      return "```json\n" + text + "\n```";
  }
}

std::string empty_string(const json& /*valid*/, const json& /*parameters*/,
                         synthesis::Rng& /*rng*/) {
  return "";
}

bool declared(const json& parameters, const std::string& key) {
  const auto properties = parameters.find("properties");
  return properties != parameters.end() && properties->is_object() && properties->contains(key);
}

std::string hallucinated_params(const json& valid, const json& parameters, synthesis::Rng& rng) {
  static const std::array<std::pair<const char*, json>, 6> kInventions = {{
      {"verbose", true},
      {"include_forecast", true},
      {"units", "metric"},
      {"session_id", "sess_8f3a2c"},
      {"max_results", 5},
      {"language", "en"},
  }};
  json arguments = valid.is_object() ? valid : json::object();
  const auto wanted = rng.between(1, 2);
  const auto start =
      static_cast<std::size_t>(rng.between(0, static_cast<std::int64_t>(kInventions.size()) - 1));
  for (std::size_t k = 0, added = 0;
       k < kInventions.size() && added < static_cast<std::size_t>(wanted); ++k) {
    const auto& [key, value] = kInventions[(start + k) % kInventions.size()];
    if (declared(parameters, key) || arguments.contains(key)) continue;
    arguments[key] = value;
    ++added;
  }
  return arguments.dump();
}

/// The value a model sends when it gets the type wrong: numbers and booleans quoted
/// ("count":"3"), a string wrapped in a list, containers flattened into their JSON text.
json mistyped(const json& value) {
  if (value.is_string()) return json::array({value});
  return value.dump();
}

std::string wrong_types(const json& valid, const json& /*parameters*/, synthesis::Rng& rng) {
  if (!valid.is_object() || valid.empty()) return json{{"count", "3"}}.dump();
  std::vector<std::string> keys;
  for (const auto& [key, value] : valid.items()) {
    if (value.is_number() || value.is_boolean()) keys.push_back(key);
  }
  // Prefer the classic quoted number; with none, any property will do.
  if (keys.empty()) {
    for (const auto& [key, value] : valid.items()) keys.push_back(key);
  }
  json arguments = valid;
  const auto& key =
      keys[static_cast<std::size_t>(rng.between(0, static_cast<std::int64_t>(keys.size()) - 1))];
  arguments[key] = mistyped(arguments[key]);
  return arguments.dump();
}

std::string double_encoded(const json& valid, const json& /*parameters*/, synthesis::Rng& /*rng*/) {
  return json(valid.dump()).dump();
}

std::string kept(const json& valid, const json& /*parameters*/, synthesis::Rng& /*rng*/) {
  return valid.dump();
}

std::string unknown_tool_name(const api::ChatCompletionRequest& request, synthesis::Rng& rng) {
  static const std::array<const char*, 5> kNames = {"search_web", "lookup_order", "get_stock_price",
                                                    "send_email", "run_python"};
  const auto offered = offered_tool_names(request);
  const auto start =
      static_cast<std::size_t>(rng.between(0, static_cast<std::int64_t>(kNames.size()) - 1));
  for (std::size_t k = 0; k < kNames.size(); ++k) {
    const std::string name = kNames[(start + k) % kNames.size()];
    if (std::find(offered.begin(), offered.end(), name) == offered.end()) return name;
  }
  return std::string(kNames[start]) + "_v2";
}

Scenario damaging(std::string name, std::string description, DamageArguments damage) {
  return {.name = std::move(name),
          .description = std::move(description),
          .breaks_spec = false,
          .group = std::string(kToolArgumentsGroup),
          .shape_reply = [damage = std::move(damage)](synthesis::ReplyDefinition& definition,
                                                      ScenarioContext& ctx) {
            force_damaged_tool_calls(definition, ctx, damage);
          }};
}

/// Missing or empty, chosen once per request; both hooks draw it first so JSON and stream agree.
bool drops_the_id(ScenarioContext& ctx) { return ctx.rng.chance(0.5); }

/// Drops or empties the id of every call in a message's or delta's `tool_calls`.
void damage_call_ids(json& message, bool drop) {
  const auto calls = message.find("tool_calls");
  if (calls == message.end() || !calls->is_array()) return;
  for (auto& call : *calls) {
    if (!call.is_object() || !call.contains("id")) continue;
    if (drop) {
      call.erase("id");
    } else {
      call["id"] = "";
    }
  }
}
}  // namespace

void register_tool_argument_scenarios(ScenarioCatalogue& catalogue) {
  catalogue.add(damaging("args_invalid_json",
                         "Tool-call arguments that are not JSON: a trailing comma, single quotes "
                         "or a markdown fence around the object.",
                         invalid_json));
  catalogue.add(damaging("args_empty_string",
                         "Tool-call arguments \"\" instead of \"{}\", as non-OpenAI providers send "
                         "for a call without parameters.",
                         empty_string));
  catalogue.add(damaging("args_hallucinated_params",
                         "Tool-call arguments with extra keys the tool's schema does not declare.",
                         hallucinated_params));
  catalogue.add(damaging("args_wrong_types",
                         "Tool-call arguments with a property of the wrong type, e.g. "
                         "\"count\":\"3\" where the schema says integer.",
                         wrong_types));
  catalogue.add(damaging("args_double_encoded",
                         "Tool-call arguments encoded twice: a JSON string whose text is the "
                         "arguments object.",
                         double_encoded));

  auto unknown = damaging("tool_name_unknown",
                          "A tool call naming a function the request did not offer.", kept);
  unknown.shape_reply = [](synthesis::ReplyDefinition& definition, ScenarioContext& ctx) {
    force_damaged_tool_calls(definition, ctx, kept);
    for (auto& call : definition.tool_calls) call.name = unknown_tool_name(ctx.request, ctx.rng);
  };
  catalogue.add(std::move(unknown));

  catalogue.add(
      {.name = "tool_call_id_missing_or_empty",
       .description = "A tool call whose id is \"\" or absent (in the JSON message and "
                      "in the stream's opening tool-call delta).",
       .breaks_spec = true,
       .group = std::string(kToolArgumentsGroup),
       .shape_reply = [](synthesis::ReplyDefinition& definition,
                         ScenarioContext&) { definition.kind = synthesis::ReplyKind::tool_calls; },
       .edit_body =
           [](json& body, ScenarioContext& ctx) {
             const bool drop = drops_the_id(ctx);
             if (!body.contains("choices") || !body["choices"].is_array()) return;
             for (auto& choice : body["choices"]) {
               if (choice.contains("message")) damage_call_ids(choice["message"], drop);
             }
           },
       .edit_chunks =
           [](std::vector<json>& chunks, ScenarioContext& ctx) {
             const bool drop = drops_the_id(ctx);
             for (auto& chunk : chunks) {
               if (!chunk.contains("choices") || !chunk["choices"].is_array()) continue;
               for (auto& choice : chunk["choices"]) {
                 if (!choice.contains("delta")) continue;
                 damage_call_ids(choice["delta"], drop);
               }
             }
           }});
}

}  // namespace chatmock::scenarios
