// Serialisation of the ChatCompletion family. Absent fields are skipped and explicit nulls kept
// (Field<T>). Keys come out sorted (nlohmann::json's std::map); JSON object order carries no
// meaning and sorted keys keep bodies byte-stable across builds.
#include "api/chat_completion.h"

namespace chatmock::api {

using nlohmann::json;

void to_json(json& j, const Function& v) { j = {{"name", v.name}, {"arguments", v.arguments}}; }
void from_json(const json& j, Function& v) {
  v.name = j.at("name").get<std::string>();
  v.arguments = j.at("arguments").get<std::string>();
}

void to_json(json& j, const CustomToolCall& v) { j = {{"name", v.name}, {"input", v.input}}; }
void from_json(const json& j, CustomToolCall& v) {
  v.name = j.at("name").get<std::string>();
  v.input = j.at("input").get<std::string>();
}

void to_json(json& j, const ToolCall& v) {
  j = {{"id", v.id}, {"type", v.type}};
  put(j, "function", v.function);
  put(j, "custom", v.custom);
}
void from_json(const json& j, ToolCall& v) {
  v.id = j.at("id").get<std::string>();
  v.type = j.at("type").get<std::string>();
  // The type names the payload; the other key, unchecked by the validator, is noise.
  get(j, "function", v.function, v.type == "function");
  get(j, "custom", v.custom, v.type == "custom");
}

void to_json(json& j, const UrlCitation& v) {
  j = {{"start_index", v.start_index}, {"end_index", v.end_index}, {"url", v.url}, {"title", v.title}};
}
void from_json(const json& j, UrlCitation& v) {
  v.start_index = value_of<std::int64_t>(j.at("start_index"));
  v.end_index = value_of<std::int64_t>(j.at("end_index"));
  v.url = j.at("url").get<std::string>();
  v.title = j.at("title").get<std::string>();
}

void to_json(json& j, const Annotation& v) { j = {{"type", v.type}, {"url_citation", v.url_citation}}; }
void from_json(const json& j, Annotation& v) {
  v.type = j.at("type").get<std::string>();
  v.url_citation = j.at("url_citation").get<UrlCitation>();
}

void to_json(json& j, const ChatCompletionAudio& v) {
  j = {{"id", v.id}, {"expires_at", v.expires_at}, {"data", v.data}, {"transcript", v.transcript}};
}
void from_json(const json& j, ChatCompletionAudio& v) {
  v.id = j.at("id").get<std::string>();
  v.expires_at = value_of<std::int64_t>(j.at("expires_at"));
  v.data = j.at("data").get<std::string>();
  v.transcript = j.at("transcript").get<std::string>();
}

void to_json(json& j, const TopLogprob& v) {
  j = {{"token", v.token}, {"logprob", v.logprob}};
  put(j, "bytes", v.bytes);
}
void from_json(const json& j, TopLogprob& v) {
  v.token = j.at("token").get<std::string>();
  v.logprob = j.at("logprob").get<double>();
  get(j, "bytes", v.bytes);
}

void to_json(json& j, const TokenLogprob& v) {
  j = {{"token", v.token}, {"logprob", v.logprob}};
  put(j, "bytes", v.bytes);
  j["top_logprobs"] = v.top_logprobs;
}
void from_json(const json& j, TokenLogprob& v) {
  v.token = j.at("token").get<std::string>();
  v.logprob = j.at("logprob").get<double>();
  get(j, "bytes", v.bytes);
  v.top_logprobs = j.at("top_logprobs").get<std::vector<TopLogprob>>();
}

void to_json(json& j, const ChoiceLogprobs& v) {
  j = json::object();
  put(j, "content", v.content);
  put(j, "refusal", v.refusal);
}
void from_json(const json& j, ChoiceLogprobs& v) {
  get(j, "content", v.content);
  get(j, "refusal", v.refusal);
}

void to_json(json& j, const CompletionTokensDetails& v) {
  j = json::object();
  put(j, "accepted_prediction_tokens", v.accepted_prediction_tokens);
  put(j, "audio_tokens", v.audio_tokens);
  put(j, "reasoning_tokens", v.reasoning_tokens);
  put(j, "rejected_prediction_tokens", v.rejected_prediction_tokens);
  put(j, "text_tokens", v.text_tokens);
}
void from_json(const json& j, CompletionTokensDetails& v) {
  get(j, "accepted_prediction_tokens", v.accepted_prediction_tokens);
  get(j, "audio_tokens", v.audio_tokens);
  get(j, "reasoning_tokens", v.reasoning_tokens);
  get(j, "rejected_prediction_tokens", v.rejected_prediction_tokens);
  get(j, "text_tokens", v.text_tokens);
}

void to_json(json& j, const PromptTokensDetails& v) {
  j = json::object();
  put(j, "audio_tokens", v.audio_tokens);
  put(j, "cached_tokens", v.cached_tokens);
  put(j, "cache_write_tokens", v.cache_write_tokens);
  put(j, "text_tokens", v.text_tokens);
  put(j, "image_tokens", v.image_tokens);
}
void from_json(const json& j, PromptTokensDetails& v) {
  get(j, "audio_tokens", v.audio_tokens);
  get(j, "cached_tokens", v.cached_tokens);
  get(j, "cache_write_tokens", v.cache_write_tokens);
  get(j, "text_tokens", v.text_tokens);
  get(j, "image_tokens", v.image_tokens);
}

void to_json(json& j, const CompletionUsage& v) {
  j = {{"prompt_tokens", v.prompt_tokens},
       {"completion_tokens", v.completion_tokens},
       {"total_tokens", v.total_tokens}};
  put(j, "prompt_tokens_details", v.prompt_tokens_details);
  put(j, "completion_tokens_details", v.completion_tokens_details);
}
void from_json(const json& j, CompletionUsage& v) {
  v.prompt_tokens = value_of<std::int64_t>(j.at("prompt_tokens"));
  v.completion_tokens = value_of<std::int64_t>(j.at("completion_tokens"));
  v.total_tokens = value_of<std::int64_t>(j.at("total_tokens"));
  get(j, "prompt_tokens_details", v.prompt_tokens_details);
  get(j, "completion_tokens_details", v.completion_tokens_details);
}

void to_json(json& j, const ChatCompletionMessage& v) {
  j = {{"role", v.role}};
  put(j, "content", v.content);
  put(j, "refusal", v.refusal);
  put(j, "tool_calls", v.tool_calls);
  put(j, "annotations", v.annotations);
  put(j, "audio", v.audio);
  put(j, "function_call", v.function_call);
}
void from_json(const json& j, ChatCompletionMessage& v) {
  v.role = j.at("role").get<std::string>();
  get(j, "content", v.content);
  get(j, "refusal", v.refusal);
  get(j, "tool_calls", v.tool_calls);
  get(j, "annotations", v.annotations);
  get(j, "audio", v.audio);
  get(j, "function_call", v.function_call);
}

void to_json(json& j, const Choice& v) {
  j = {{"index", v.index}, {"message", v.message}};
  put(j, "logprobs", v.logprobs);
  j["finish_reason"] = v.finish_reason;
}
void from_json(const json& j, Choice& v) {
  v.index = value_of<std::int64_t>(j.at("index"));
  v.message = j.at("message").get<ChatCompletionMessage>();
  get(j, "logprobs", v.logprobs);
  v.finish_reason = j.at("finish_reason").get<FinishReason>();
}

void to_json(json& j, const ChatCompletion& v) {
  j = {{"id", v.id}, {"object", v.object}, {"created", v.created}, {"model", v.model},
       {"choices", v.choices}};
  put(j, "usage", v.usage);
  put(j, "service_tier", v.service_tier);
  put(j, "system_fingerprint", v.system_fingerprint);
  put(j, "moderation", v.moderation);
}
void from_json(const json& j, ChatCompletion& v) {
  v.id = j.at("id").get<std::string>();
  v.object = j.at("object").get<std::string>();
  v.created = value_of<std::int64_t>(j.at("created"));
  v.model = j.at("model").get<std::string>();
  v.choices = j.at("choices").get<std::vector<Choice>>();
  get(j, "usage", v.usage);
  get(j, "service_tier", v.service_tier);
  get(j, "system_fingerprint", v.system_fingerprint);
  get(j, "moderation", v.moderation);
}

}  // namespace chatmock::api
