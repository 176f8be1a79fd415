// Valid conversations are drawn as turns (a system line, a user question, an assistant answer,
// an assistant tool-call block followed by one tool message per call, a legacy function
// result) so tool-call pairing holds by construction rather than by filtering.
#include "generators/valid_request.h"

#include <algorithm>
#include <cctype>

#include "generators/schema_generators.h"
#include "generators/wire_generators.h"

namespace chatmock::property {

namespace {
using nlohmann::json;

const std::vector<std::string> kModels = {
    "gpt-4o-mini", "gpt-4o",  "gpt-4.1-nano", "gpt-3.5-turbo", "my-model",
    "o3-mini",     "o4-mini", "gpt-5",        "gpt-5-mini",    "ft:o4-mini-2025-04-16:org::abc"};

/// Text up to 24 code points (at most 96 bytes), sometimes asking for JSON.
rc::Gen<std::string> prose() {
  return rc::gen::weightedOneOf<std::string>({
      {6, text()},
      {1, rc::gen::element<std::string>("Answer in JSON, please.", "Return a json object.",
                                        "What is the weather?")},
  });
}

api::ContentPart text_part(std::string type = "text") {
  api::ContentPart part;
  part.type = type;
  part.payload = json::object();
  (type == "refusal" ? part.refusal : part.text) = *prose();
  return part;
}

api::ContentPart user_part() {
  switch (*rc::gen::inRange(0, 6)) {
    case 0: {
      api::ContentPart part{
          "image_url", {}, {}, {{"image_url", {{"url", "https://example.com/cat.png"}}}}};
      if (*rc::gen::arbitrary<bool>())
        part.payload["image_url"]["detail"] = *rc::gen::element<std::string>("auto", "low", "high");
      return part;
    }
    case 1:
      return {"input_audio",
              {},
              {},
              {{"input_audio",
                {{"data", "UklGRg=="}, {"format", *rc::gen::element<std::string>("wav", "mp3")}}}}};
    case 2:
      return {"file", {}, {}, {{"file", {{"file_id", "file-abc123"}, {"filename", "notes.txt"}}}}};
    default:
      return text_part();
  }
}

/// String content, or a non-empty array of parts made by `part`.
template <class MakePart>
void set_content(api::Message& m, MakePart make_part) {
  if (*rc::gen::inRange(0, 3) > 0) {
    m.content_text = *prose();
    return;
  }
  std::vector<api::ContentPart> parts(static_cast<std::size_t>(*rc::gen::inRange(1, 4)));
  for (auto& part : parts) part = make_part();
  m.content_parts = parts;
}

api::Message simple_message(const std::string& role) {
  api::Message m;
  m.role = role;
  if (role == "user") {
    set_content(m, user_part);
  } else {
    set_content(m, [] { return text_part(); });
  }
  if (*rc::gen::inRange(0, 4) == 0) m.name = *identifier();
  return m;
}

api::Message assistant_answer() {
  api::Message m;
  m.role = "assistant";
  set_content(m,
              [] { return text_part(*rc::gen::element<std::string>("text", "text", "refusal")); });
  if (*rc::gen::inRange(0, 4) == 0) m.refusal = api::Field<std::string>::null();
  if (*rc::gen::inRange(0, 6) == 0) m.function_call = api::FunctionCall{*identifier(), "{}"};
  return m;
}

/// An assistant message with 1..3 tool calls and one tool message answering each, in order.
std::vector<api::Message> tool_block(int& next_call) {
  api::Message assistant;
  assistant.role = "assistant";
  assistant.content_text =
      *rc::gen::element(api::Field<std::string>(), api::Field<std::string>::null(),
                        api::Field<std::string>("Let me check."));
  std::vector<api::ToolCall> calls(static_cast<std::size_t>(*rc::gen::inRange(1, 4)));
  std::vector<api::Message> block;
  for (auto& call : calls) {
    call.id = "call_" + std::to_string(next_call++) + "_" + *identifier(6);
    if (*rc::gen::inRange(0, 4) == 0) {
      call.type = "custom";
      call.custom = api::CustomToolCall{*identifier(), *prose()};
    } else {
      call.function = api::Function{
          *identifier(), *rc::gen::element<std::string>("{}", "{\"city\":\"Paris\"}", "not json")};
    }
  }
  assistant.tool_calls = calls;
  block.push_back(assistant);
  for (const auto& call : calls) {
    api::Message answer = simple_message("tool");
    answer.name = {};
    answer.tool_call_id = call.id;
    block.push_back(answer);
  }
  return block;
}

std::vector<api::Message> conversation() {
  std::vector<api::Message> messages;
  int next_call = 0;
  const int turns = *rc::gen::inRange(1, 6);
  for (int t = 0; t < turns; ++t) {
    switch (*rc::gen::inRange(0, 8)) {
      case 0:
        messages.push_back(simple_message(*rc::gen::element<std::string>("system", "developer")));
        break;
      case 1:
        messages.push_back(assistant_answer());
        break;
      case 2:
      case 3: {
        for (auto& m : tool_block(next_call)) messages.push_back(std::move(m));
        break;
      }
      case 4: {
        api::Message m;
        m.role = "function";
        m.name = *identifier();
        m.content_text = *rc::gen::element(api::Field<std::string>::null(),
                                           api::Field<std::string>("{\"ok\":true}"));
        messages.push_back(m);
        break;
      }
      default:
        messages.push_back(simple_message("user"));
        break;
    }
  }
  return messages;
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

// The fields ChatCompletionRequest leaves in `extra`, each valid for its rule.
json extra_fields(bool reasoning) {
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
  maybe("prediction", rc::gen::just(json{{"type", "content"}, {"content", "Hello"}}));
  maybe("web_search_options", rc::gen::just(json::object()));
  maybe("x_chatmock_note", json_value(1));
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
    r.model = *rc::gen::elementOf(kModels);
    const bool reasoning = reasoning_model(r.model);
    r.messages = conversation();
    r.n = *field(rc::gen::inRange<std::int64_t>(1, 129), 3, 1, 1);
    if (!reasoning) r.max_tokens = *field(rc::gen::inRange<std::int64_t>(1, 5000), 3, 1, 1);
    r.max_completion_tokens = *field(rc::gen::inRange<std::int64_t>(1, 5000), 3, 1, 1);
    r.stop = *small_vector(non_empty_text(6), 4);
    r.stream = *rc::gen::arbitrary<bool>();
    // API ref: stream_options only with stream: true (null is always accepted).
    r.stream_options = *field(stream_options(), 2, 1, r.stream ? 3 : 0);
    if (*rc::gen::arbitrary<bool>()) add_tools(r);
    if (*rc::gen::inRange(0, 4) == 0) add_functions(r);
    add_response_format(r);
    r.logprobs = *rc::gen::arbitrary<bool>();
    r.top_logprobs = *field(rc::gen::inRange<std::int64_t>(0, 21), 3, 1, r.logprobs ? 2 : 0);
    r.seed = *field(rc::gen::arbitrary<std::int64_t>(), 2, 1, 2);
    r.service_tier = *field(
        rc::gen::element<std::string>("auto", "default", "flex", "scale", "priority", "fast"), 3, 1,
        1);
    r.modalities = *field(small_vector(rc::gen::element<std::string>("text", "audio"), 2), 3, 1, 1);
    r.extra = extra_fields(reasoning);
    return r;
  });
}

}  // namespace chatmock::property
