// Serialisation of the chunk family; every optional key is skipped when absent so a chunk
// carries exactly the keys the planner (or a scenario) put in it.
#include "api/chat_completion_chunk.h"

namespace chatmock::api {

using nlohmann::json;

void to_json(json& j, const FunctionDelta& v) {
  j = json::object();
  put(j, "name", v.name);
  put(j, "arguments", v.arguments);
}
void from_json(const json& j, FunctionDelta& v) {
  get(j, "name", v.name);
  get(j, "arguments", v.arguments);
}

void to_json(json& j, const ToolCallDelta& v) {
  j = json::object();
  put(j, "index", v.index);
  put(j, "id", v.id);
  put(j, "type", v.type);
  put(j, "function", v.function);
  put(j, "custom", v.custom);
}
void from_json(const json& j, ToolCallDelta& v) {
  get(j, "index", v.index);
  get(j, "id", v.id);
  get(j, "type", v.type);
  get(j, "function", v.function);
  get(j, "custom", v.custom);
}

void to_json(json& j, const Delta& v) {
  j = json::object();
  put(j, "role", v.role);
  put(j, "content", v.content);
  put(j, "refusal", v.refusal);
  put(j, "tool_calls", v.tool_calls);
  put(j, "function_call", v.function_call);
  put(j, "audio", v.audio);
  put(j, "annotations", v.annotations);
}
void from_json(const json& j, Delta& v) {
  get(j, "role", v.role);
  get(j, "content", v.content);
  get(j, "refusal", v.refusal);
  get(j, "tool_calls", v.tool_calls);
  get(j, "function_call", v.function_call);
  get(j, "audio", v.audio);
  get(j, "annotations", v.annotations);
}

void to_json(json& j, const ChunkChoice& v) {
  j = {{"index", v.index}, {"delta", v.delta}};
  put(j, "logprobs", v.logprobs);
  put(j, "finish_reason", v.finish_reason);
}
void from_json(const json& j, ChunkChoice& v) {
  v.index = value_of<std::int64_t>(j.at("index"));
  v.delta = j.value("delta", json::object()).get<Delta>();
  get(j, "logprobs", v.logprobs);
  get(j, "finish_reason", v.finish_reason);
}

void to_json(json& j, const ChatCompletionChunk& v) {
  j = {{"id", v.id}, {"object", v.object}, {"created", v.created}, {"model", v.model},
       {"choices", v.choices}};
  put(j, "usage", v.usage);
  put(j, "service_tier", v.service_tier);
  put(j, "system_fingerprint", v.system_fingerprint);
  put(j, "obfuscation", v.obfuscation);
}
void from_json(const json& j, ChatCompletionChunk& v) {
  v.id = j.at("id").get<std::string>();
  v.object = j.at("object").get<std::string>();
  v.created = value_of<std::int64_t>(j.at("created"));
  v.model = j.at("model").get<std::string>();
  v.choices = j.at("choices").get<std::vector<ChunkChoice>>();
  get(j, "usage", v.usage);
  get(j, "service_tier", v.service_tier);
  get(j, "system_fingerprint", v.system_fingerprint);
  get(j, "obfuscation", v.obfuscation);
}

}  // namespace chatmock::api
