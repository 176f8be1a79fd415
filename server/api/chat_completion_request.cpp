// Serialisation of the request family. from_json is total over validated bodies: content in
// string or array form, stop as a string or list, tool_choice as a mode or a named object. A key
// the validator does not check where it appears (tool_calls on a system message) is read with
// get_unchecked, so a mistyped one cannot make an accepted body fail to parse.
#include "api/chat_completion_request.h"

#include <array>
#include <string_view>

namespace chatmock::api {

using nlohmann::json;

std::string Message::text() const {
  if (content_text) return *content_text;
  std::string out;
  if (content_parts) {
    for (const auto& part : *content_parts) {
      if (!part.text) continue;
      if (!out.empty()) out += '\n';
      out += *part.text;
    }
  }
  return out;
}

const std::string& Tool::name() const {
  static const std::string kNone;
  if (function) return function->name;
  if (custom) return custom->name;
  return kNone;
}

Field<std::int64_t> ChatCompletionRequest::token_limit() const {
  if (max_completion_tokens) return max_completion_tokens;
  return max_tokens.has_value() ? max_tokens : Field<std::int64_t>();
}

void to_json(json& j, const ContentPart& v) {
  j = v.payload.is_object() ? v.payload : json::object();
  j["type"] = v.type;
  put(j, "text", v.text);
  put(j, "refusal", v.refusal);
}
void from_json(const json& j, ContentPart& v) {
  v.type = j.value("type", "text");
  get(j, "text", v.text, v.type == "text");
  get(j, "refusal", v.refusal, v.type == "refusal");
  v.payload = j;
  v.payload.erase("type");
  // A key left unread (mistyped noise) stays in the payload, so it is written back as it came.
  if (!v.text.absent()) v.payload.erase("text");
  if (!v.refusal.absent()) v.payload.erase("refusal");
}

void to_json(json& j, const Message& v) {
  j = {{"role", v.role}};
  if (v.content_parts.has_value()) {
    j["content"] = *v.content_parts;
  } else {
    put(j, "content", v.content_text);
  }
  put(j, "name", v.name);
  put(j, "tool_call_id", v.tool_call_id);
  put(j, "tool_calls", v.tool_calls);
  put(j, "function_call", v.function_call);
  put(j, "refusal", v.refusal);
}
void from_json(const json& j, Message& v) {
  v.role = j.at("role").get<std::string>();
  const auto content = j.find("content");
  v.content_text = {};
  v.content_parts = {};
  if (content != j.end()) {
    if (content->is_array()) {
      v.content_parts = content->get<std::vector<ContentPart>>();
    } else if (content->is_null()) {
      v.content_text = Field<std::string>::null();
    } else {
      v.content_text = content->get<std::string>();
    }
  }
  get(j, "name", v.name);
  get(j, "tool_call_id", v.tool_call_id, v.role == "tool");
  const bool assistant = v.role == "assistant";
  get(j, "tool_calls", v.tool_calls, assistant);
  get(j, "function_call", v.function_call, assistant);
  get(j, "refusal", v.refusal, assistant);
}

void to_json(json& j, const FunctionDefinition& v) {
  j = {{"name", v.name}};
  put(j, "description", v.description);
  put(j, "parameters", v.parameters);
  put(j, "strict", v.strict);
}
void from_json(const json& j, FunctionDefinition& v) {
  v.name = j.at("name").get<std::string>();
  get(j, "description", v.description);
  get(j, "parameters", v.parameters);
  get(j, "strict", v.strict);
}

void to_json(json& j, const CustomToolDefinition& v) {
  j = {{"name", v.name}};
  put(j, "description", v.description);
  put(j, "format", v.format);
}
void from_json(const json& j, CustomToolDefinition& v) {
  v.name = j.at("name").get<std::string>();
  get(j, "description", v.description);
  get(j, "format", v.format);
}

void to_json(json& j, const Tool& v) {
  j = {{"type", v.type}};
  put(j, "function", v.function);
  put(j, "custom", v.custom);
}
void from_json(const json& j, Tool& v) {
  v.type = j.value("type", "function");
  get(j, "function", v.function, v.type == "function");
  get(j, "custom", v.custom, v.type == "custom");
}

void to_json(json& j, const ToolChoice& v) {
  if (v.mode != "named") {
    j = v.mode;
  } else {
    j = {{"type", "function"}, {"function", {{"name", v.name}}}};
  }
}
void from_json(const json& j, ToolChoice& v) {
  if (j.is_string()) {
    v = {j.get<std::string>(), ""};
    return;
  }
  const std::string type = j.value("type", "function");
  v.mode = "named";
  if (type == "allowed_tools") {
    // {"type":"allowed_tools","allowed_tools":{"mode":"auto"|"required","tools":[…]}}
    v.mode = j.at("allowed_tools").value("mode", "auto");
    v.name.clear();
    return;
  }
  const json& inner = j.contains(type) ? j.at(type) : j.at("function");
  v.name = inner.at("name").get<std::string>();
}

void to_json(json& j, const JsonSchemaFormat& v) {
  j = {{"name", v.name}};
  put(j, "description", v.description);
  put(j, "schema", v.schema);
  put(j, "strict", v.strict);
}
void from_json(const json& j, JsonSchemaFormat& v) {
  v.name = j.value("name", "");
  get(j, "description", v.description);
  get(j, "schema", v.schema);
  get(j, "strict", v.strict);
}

void to_json(json& j, const ResponseFormat& v) {
  j = {{"type", v.type}};
  put(j, "json_schema", v.json_schema);
}
void from_json(const json& j, ResponseFormat& v) {
  v.type = j.at("type").get<std::string>();
  get(j, "json_schema", v.json_schema, v.type == "json_schema");
}

void to_json(json& j, const StreamOptions& v) {
  j = json::object();
  put(j, "include_usage", v.include_usage);
  put(j, "include_obfuscation", v.include_obfuscation);
}
void from_json(const json& j, StreamOptions& v) {
  get(j, "include_usage", v.include_usage);
  get(j, "include_obfuscation", v.include_obfuscation);
}

namespace {
// Keys from_json/to_json model explicitly; everything else round-trips through `extra`.
constexpr std::array<std::string_view, 19> kModelledKeys = {
    "model",     "messages",       "n",          "max_tokens",    "max_completion_tokens",
    "stop",      "stream",         "stream_options", "tools",     "tool_choice",
    "parallel_tool_calls", "functions", "function_call", "response_format", "logprobs",
    "top_logprobs", "seed",        "service_tier", "modalities"};
}  // namespace

void to_json(json& j, const ChatCompletionRequest& v) {
  j = v.extra.is_object() ? v.extra : json::object();
  j["model"] = v.model;
  j["messages"] = v.messages;
  put(j, "n", v.n);
  put(j, "max_tokens", v.max_tokens);
  put(j, "max_completion_tokens", v.max_completion_tokens);
  if (!v.stop.empty()) j["stop"] = v.stop;
  if (v.stream) j["stream"] = true;
  put(j, "stream_options", v.stream_options);
  if (!v.tools.empty()) j["tools"] = v.tools;
  put(j, "tool_choice", v.tool_choice);
  put(j, "parallel_tool_calls", v.parallel_tool_calls);
  if (!v.functions.empty()) j["functions"] = v.functions;
  put(j, "function_call", v.function_call);
  put(j, "response_format", v.response_format);
  if (v.logprobs) j["logprobs"] = true;
  put(j, "top_logprobs", v.top_logprobs);
  put(j, "seed", v.seed);
  put(j, "service_tier", v.service_tier);
  put(j, "modalities", v.modalities);
}

void from_json(const json& j, ChatCompletionRequest& v) {
  v = ChatCompletionRequest{};
  v.model = j.at("model").get<std::string>();
  v.messages = j.at("messages").get<std::vector<Message>>();
  get(j, "n", v.n);
  get(j, "max_tokens", v.max_tokens);
  get(j, "max_completion_tokens", v.max_completion_tokens);
  if (const auto stop = j.find("stop"); stop != j.end() && !stop->is_null()) {
    v.stop = stop->is_string() ? std::vector<std::string>{stop->get<std::string>()}
                               : stop->get<std::vector<std::string>>();
  }
  v.stream = j.value("stream", json(false)).is_boolean() && j.value("stream", false);
  get(j, "stream_options", v.stream_options);
  if (const auto tools = j.find("tools"); tools != j.end() && tools->is_array()) {
    v.tools = tools->get<std::vector<Tool>>();
  }
  get(j, "tool_choice", v.tool_choice);
  get(j, "parallel_tool_calls", v.parallel_tool_calls);
  if (const auto fns = j.find("functions"); fns != j.end() && fns->is_array()) {
    v.functions = fns->get<std::vector<FunctionDefinition>>();
  }
  get(j, "function_call", v.function_call);
  get(j, "response_format", v.response_format);
  v.logprobs = j.value("logprobs", json(false)).is_boolean() && j.value("logprobs", false);
  get(j, "top_logprobs", v.top_logprobs);
  get(j, "seed", v.seed);
  get(j, "service_tier", v.service_tier);
  get(j, "modalities", v.modalities);
  for (const auto& [key, value] : j.items()) {
    bool modelled = false;
    for (const auto k : kModelledKeys) modelled = modelled || k == key;
    if (!modelled) v.extra[key] = value;
  }
}

}  // namespace chatmock::api
