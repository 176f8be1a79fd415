// Valid requests are drawn field by field with the cross-field rules applied as they are drawn:
// tool_choice and parallel_tool_calls only with tools, function_call only with functions,
// stream_options only when streaming, top_logprobs only with logprobs, json_object only when a
// message mentions JSON, and no max_tokens or temperature != 1 for reasoning models. The model
// takes what the request sends (server/models catalogue): images only to models that see them,
// no logprobs from reasoning models, web_search_options only to a model that searches,
// prediction without tools or n > 1, and no more output tokens than gpt-3.5-turbo's 4096.
#include "generators/valid_request.h"

#include <algorithm>
#include <cctype>

#include "generators/schema_generators.h"
#include "generators/valid_conversation.h"
#include "generators/wire_generators.h"

namespace chatmock::property {

namespace {
using nlohmann::json;

const std::vector<std::string> kModels = {
    "gpt-4o-mini", "gpt-4o",  "gpt-4.1-nano", "gpt-3.5-turbo", "my-model",
    "o3-mini",     "o4-mini", "gpt-5",        "gpt-5-mini",    "ft:o4-mini-2025-04-16:org::abc"};
// Of kModels, those the catalogue says take no image parts.
const std::vector<std::string> kModelsWithoutImages = {"gpt-3.5-turbo", "o3-mini"};
constexpr std::int64_t kMaxOutputTokens = 4096;  // the smallest limit among kModels

bool has_image(const std::vector<api::Message>& messages) {
  for (const auto& m : messages) {
    if (!m.content_parts) continue;
    for (const auto& part : *m.content_parts) {
      if (part.type == "image_url") return true;
    }
  }
  return false;
}

api::Tool valid_tool(const std::string& name) {
  api::Tool tool;
  if (*rc::gen::inRange(0, 4) == 0) {
    tool.type = "custom";
    tool.custom = api::CustomToolDefinition{name, *field(prose(), 1, 0, 1), {}};
    return tool;
  }
  api::FunctionDefinition function{
      name, *field(prose(), 1, 0, 1), {}, *field(rc::gen::arbitrary<bool>(), 2, 1, 1)};
  if (*rc::gen::inRange(0, 3) > 0) function.parameters = *object_schema();
  tool.function = function;
  return tool;
}

bool mentions_json(const std::vector<api::Message>& messages) {
  for (const auto& m : messages) {
    std::string text = m.text();
    for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (text.find("json") != std::string::npos) return true;
  }
  return false;
}

/// 1..max distinct identifiers.
std::vector<std::string> distinct_names(std::size_t max) {
  std::vector<std::string> names;
  for (auto& name : *small_vector(identifier(12), max, 1)) {
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  return names;
}

void add_tools(api::ChatCompletionRequest& r) {
  const auto names = distinct_names(kValidMaxTools);
  for (const auto& name : names) r.tools.push_back(valid_tool(name));
  if (r.tools.empty()) return;
  std::vector<std::string> function_names;
  for (const auto& tool : r.tools) {
    if (tool.function) function_names.push_back(tool.function->name);
  }
  const int choice = *rc::gen::inRange(0, function_names.empty() ? 4 : 5);
  if (choice < 3) {
    r.tool_choice = api::ToolChoice{*rc::gen::element<std::string>("none", "auto", "required"), ""};
  } else if (choice == 4) {
    r.tool_choice = api::ToolChoice{"named", *rc::gen::elementOf(function_names)};
  }
  if (*rc::gen::arbitrary<bool>()) r.parallel_tool_calls = *rc::gen::arbitrary<bool>();
}

void add_functions(api::ChatCompletionRequest& r) {
  const auto names = distinct_names(3);
  for (const auto& name : names) {
    r.functions.push_back({name, *field(prose(), 1, 0, 1), *field(object_schema(), 1, 0, 1), {}});
  }
  if (r.functions.empty() || *rc::gen::arbitrary<bool>()) return;
  r.function_call =
      *rc::gen::oneOf(rc::gen::element(json("none"), json("auto")),
                      rc::gen::map(rc::gen::elementOf(names), [](const std::string& n) {
                        return json{{"name", n}};
                      }));
  if (r.function_call->is_object() &&
      std::find_if(r.functions.begin(), r.functions.end(), [&](const auto& f) {
        return f.name == r.function_call->at("name");
      }) == r.functions.end()) {
    r.function_call = json("auto");
  }
}

void add_response_format(api::ChatCompletionRequest& r) {
  api::ResponseFormat format;
  switch (*rc::gen::inRange(0, 4)) {
    case 0:
      format.type = "text";
      break;
    case 1:
      if (!mentions_json(r.messages)) return;
      format.type = "json_object";
      break;
    case 2: {
      format.type = "json_schema";
      api::JsonSchemaFormat schema{
          *identifier(), *field(prose(), 1, 0, 1), {}, *field(rc::gen::arbitrary<bool>(), 2, 1, 1)};
      schema.schema = *rc::gen::oneOf(object_schema(), strict_object_schema());
      format.json_schema = schema;
      break;
    }
    default:
      return;
  }
  r.response_format = format;
}

// The fields ChatCompletionRequest leaves in `extra`, each valid for its rule and `r`'s model.
json extra_fields(const api::ChatCompletionRequest& r, bool reasoning) {
  json extra = json::object();
  const auto maybe = [&](const char* key, const rc::Gen<json>& value) {
    if (*rc::gen::inRange(0, 3) == 0) extra[key] = *value;
  };
  const auto number = [](double lo, double hi) {
    return rc::gen::oneOf(rc::gen::just(json(nullptr)),
                          rc::gen::map(double_in(lo, hi), [](double d) { return json(d); }));
  };
  maybe("temperature",
        reasoning ? rc::gen::element(json(nullptr), json(1), json(1.0)) : number(0, 2));
  maybe("top_p", number(0, 1));
  maybe("presence_penalty", number(-2, 2));
  maybe("frequency_penalty", number(-2, 2));
  maybe(
      "logit_bias",
      rc::gen::map(
          small_vector(rc::gen::pair(rc::gen::inRange(0, 100000), rc::gen::inRange(-100, 101)), 3),
          [](const std::vector<std::pair<int, int>>& biases) {
            json bias = json::object();
            for (const auto& [token, value] : biases) bias[std::to_string(token)] = value;
            return bias;
          }));
  maybe("user", rc::gen::map(text(16), [](std::string s) { return json(std::move(s)); }));
  maybe("metadata", rc::gen::map(small_vector(rc::gen::pair(identifier(8), text(12)), 3),
                                 [](const std::vector<std::pair<std::string, std::string>>& items) {
                                   json metadata = json::object();
                                   for (const auto& [k, v] : items) metadata[k] = v;
                                   return metadata;
                                 }));
  maybe("store", rc::gen::element(json(true), json(false), json(nullptr)));
  maybe("reasoning_effort",
        rc::gen::element(json("low"), json("medium"), json("high"), json(nullptr)));
  maybe("verbosity", rc::gen::element(json("low"), json("medium"), json("high"), json(nullptr)));
  maybe("safety_identifier", rc::gen::map(text(16, TextKind::printable),
                                          [](std::string s) { return json(std::move(s)); }));
  maybe("prompt_cache_key",
        rc::gen::map(identifier(20), [](std::string s) { return json(std::move(s)); }));
  if (r.tools.empty() && r.n.value_or(1) <= 1) {
    maybe("prediction", rc::gen::just(json{{"type", "content"}, {"content", "Hello"}}));
  }
  if (r.model == "my-model") maybe("web_search_options", rc::gen::just(json::object()));
  return extra;
}
}  // namespace

bool reasoning_model(std::string_view model) {
  if (model.starts_with("ft:")) model.remove_prefix(3);
  if (model.size() >= 2 && model[0] == 'o' && model[1] >= '0' && model[1] <= '9') return true;
  return model.starts_with("gpt-5");
}

rc::Gen<api::ChatCompletionRequest> valid_request() {
  return rc::gen::exec([] {
    api::ChatCompletionRequest r;
    r.messages = valid_conversation();
    const bool images = has_image(r.messages);
    r.model = *rc::gen::suchThat(rc::gen::elementOf(kModels), [&](const std::string& model) {
      return !images || std::find(kModelsWithoutImages.begin(), kModelsWithoutImages.end(),
                                  model) == kModelsWithoutImages.end();
    });
    const bool reasoning = reasoning_model(r.model);
    r.n = *field(rc::gen::inRange<std::int64_t>(1, 129), 3, 1, 1);
    const auto tokens = rc::gen::inRange<std::int64_t>(1, kMaxOutputTokens + 1);
    if (!reasoning) r.max_tokens = *field(tokens, 3, 1, 1);
    r.max_completion_tokens = *field(tokens, 3, 1, 1);
    r.stop = *small_vector(non_empty_text(6), 4);
    r.stream = *rc::gen::arbitrary<bool>();
    // API ref: stream_options only with stream: true (null is always accepted).
    r.stream_options = *field(stream_options(), 2, 1, r.stream ? 3 : 0);
    if (*rc::gen::arbitrary<bool>()) add_tools(r);
    if (*rc::gen::inRange(0, 4) == 0) add_functions(r);
    add_response_format(r);
    r.logprobs = !reasoning && *rc::gen::arbitrary<bool>();
    r.top_logprobs = *field(rc::gen::inRange<std::int64_t>(0, 21), 3, 1, r.logprobs ? 2 : 0);
    r.seed = *field(rc::gen::arbitrary<std::int64_t>(), 2, 1, 2);
    r.service_tier = *field(
        rc::gen::element<std::string>("auto", "default", "flex", "scale", "priority", "fast"), 3, 1,
        1);
    // Audio output needs an audio model and the `audio` parameter; text is what every model takes.
    r.modalities = *field(small_vector(rc::gen::just(std::string("text")), 2), 3, 1, 1);
    r.extra = extra_fields(r, reasoning);
    return r;
  });
}

}  // namespace chatmock::property
