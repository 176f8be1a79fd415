// Folding Chat Completions stream chunks into a snapshot. Follows node ChatCompletionStream
// (#accumulateChatCompletion, ChatCompletionStream.ts:1794-2031) where it is sound and departs
// where docs/scenarios.md (stream_deltas) shows the SDKs break: ids/names are set once, never
// concatenated
// (#30); indexes may be missing, sparse or out of order (#28, #29, #38); chunks without choices
// are skipped (#40).
#include "chatmock/client/stream_accumulator.h"

#include <limits>
#include <string_view>
#include <utility>

#include "chatmock/client/stream_body_reader.h"

namespace chatmock::client {
namespace {

using nlohmann::json;

json chunk_member(const json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? json(nullptr) : *it;
}

// A usable `index`: a non-negative integer. Anything else counts as missing.
std::optional<std::int64_t> index_of(const json& object) {
  const json index = chunk_member(object, "index");
  if (index.is_number_unsigned()) {
    const auto value = index.get<std::uint64_t>();
    if (value <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      return static_cast<std::int64_t>(value);
    }
    return std::nullopt;
  }
  if (index.is_number_integer() && index.get<std::int64_t>() >= 0) return index.get<std::int64_t>();
  return std::nullopt;
}

bool is_empty_string(const json& value) {
  return value.is_string() && value.get_ref<const std::string&>().empty();
}

// Identity fields (id, type, name, role, model…) are set by the first delta that carries them and
// never concatenated: python's accumulate_delta turns repeats into "call_1call_1" (§5 #30, #34).
// An empty string is replaced by a later non-empty one (Azure's blank first chunk, §5 #63; a
// continuation's `"type":""`, §5 #32).
void set_if_unset(json& target, const json& value) {
  if (value.is_null()) return;
  if (target.is_null() || (is_empty_string(target) && !is_empty_string(value))) target = value;
}

// Text deltas concatenate; a null fragment is "no change", a non-string fragment is ignored.
void append_text(json& target, const json& fragment) {
  if (!fragment.is_string()) return;
  if (target.is_string()) {
    target.get_ref<std::string&>() += fragment.get_ref<const std::string&>();
  } else {
    target = fragment;
  }
}

void append_arguments(std::string& target, const json& fragment) {
  if (fragment.is_string()) target += fragment.get_ref<const std::string&>();
}

// node's message for unparsable data (streaming.ts:115-120).
constexpr const char* kMalformedJson = "Error reading response: malformed server-sent event JSON.";

}  // namespace

bool StreamAccumulator::add_event(const streaming::SseEvent& event) {
  if (end_ != StreamEnd::kOpen) return false;
  const json data = json::parse(event.data, nullptr, false);
  // node throws APIError(data.error ?? data) for `event: error` (streaming.ts:122-124, §5 #53).
  if (event.event == "error") {
    fail(observation_from_error_event(event.data, data));
    return false;
  }
  const std::string_view payload = trim_event_payload(event.data);
  // `data: \n\n` keepalives (§5 #55) break both SDKs' JSON.parse; an empty payload carries nothing.
  if (payload.empty()) return true;
  // node matches "[DONE]" exactly, python by prefix (§2.2); surrounding whitespace is tolerated.
  if (payload == "[DONE]") {
    end_ = StreamEnd::kDone;
    return false;
  }
  if (data.is_discarded()) {
    fail(error_observation(nullptr, kInvalidResponse, nullptr, kMalformedJson));
    return false;
  }
  if (!data.is_object()) {
    fail(error_observation(nullptr, kInvalidResponse, nullptr,
                           "Error reading response: server-sent event data is not a JSON object."));
    return false;
  }
  // An error after the 200 has no HTTP status (node streaming.ts:126-128, §5 #61).
  if (const json error = chunk_member(data, "error"); is_truthy(error)) {
    fail(observation_from_error_object(nullptr, error));
    return false;
  }
  add_chunk(data);
  return true;
}

bool StreamAccumulator::add_unterminated_event(const streaming::SseEvent& event) {
  if (end_ != StreamEnd::kOpen) return false;
  // A body cut inside its last event leaves a JSON fragment: the stream is then merely
  // truncated (what came before stands), not malformed.
  const bool usable = trim_event_payload(event.data) == "[DONE]" || event.event == "error" ||
                      json::accept(event.data);
  return usable ? add_event(event) : true;
}

void StreamAccumulator::add_chunk(const json& chunk) {
  ++chunk_count_;
  for (const char* key : {"id", "created", "model", "system_fingerprint", "service_tier"}) {
    if (auto it = chunk.find(key); it != chunk.end()) set_if_unset(header_[key], *it);
  }
  // Usage rides on the final `choices: []` chunk (§5 #41) or on content chunks (#42): the last
  // non-null one wins, so running totals are not double counted.
  if (const json usage = chunk_member(chunk, "usage"); !usage.is_null()) usage_ = usage;
  const json choices = chunk_member(chunk, "choices");
  if (!choices.is_array()) return;  // missing or null choices (§5 #40): nothing to fold
  for (const json& choice : choices) {
    if (!choice.is_object()) continue;
    ChoiceState& state = choices_[index_of(choice).value_or(0)];
    if (const json delta = chunk_member(choice, "delta"); delta.is_object()) {
      apply_delta(state, delta);
    }
    // The last non-null finish_reason wins, as node's `if (finish_reason)` assignment does.
    if (json reason = chunk_member(choice, "finish_reason"); !reason.is_null()) {
      state.finish_reason = std::move(reason);
    }
    merge_logprobs(state, chunk_member(choice, "logprobs"));
  }
}

void StreamAccumulator::fail(Observation error) {
  error_ = std::move(error);
  end_ = StreamEnd::kError;
}

void StreamAccumulator::apply_delta(ChoiceState& choice, const json& delta) {
  set_if_unset(choice.role, chunk_member(delta, "role"));
  append_text(choice.content, chunk_member(delta, "content"));
  append_text(choice.refusal, chunk_member(delta, "refusal"));
  if (const json call = chunk_member(delta, "function_call"); call.is_object()) {
    if (!choice.function_call) choice.function_call.emplace();
    set_if_unset(choice.function_call->name, chunk_member(call, "name"));
    append_arguments(choice.function_call->arguments, chunk_member(call, "arguments"));
  }
  if (const json calls = chunk_member(delta, "tool_calls"); calls.is_array()) {
    for (const json& call : calls) {
      if (call.is_object()) merge_tool_call(choice, call);
    }
  }
}

void StreamAccumulator::merge_tool_call(ChoiceState& choice, const json& delta) {
  std::optional<std::int64_t> index = index_of(delta);
  if (!index) {
    // No index (§5 #28, Gemini-style): continue the last call, unless the delta names a
    // different call id, which starts a new call instead of merging two calls into one.
    index = choice.last_tool_index.value_or(0);
    const json id = chunk_member(delta, "id");
    if (choice.last_tool_index) {
      const json& last_id = choice.tool_calls[*index].id;
      const std::int64_t highest = choice.tool_calls.rbegin()->first;
      if (id.is_string() && !is_empty_string(id) && last_id.is_string() && last_id != id &&
          highest < std::numeric_limits<std::int64_t>::max()) {
        index = highest + 1;
      }
    }
  }
  ToolCallState& call = choice.tool_calls[*index];
  choice.last_tool_index = index;
  set_if_unset(call.id, chunk_member(delta, "id"));
  set_if_unset(call.type, chunk_member(delta, "type"));
  if (const json function = chunk_member(delta, "function"); function.is_object()) {
    set_if_unset(call.name, chunk_member(function, "name"));
    append_arguments(call.arguments, chunk_member(function, "arguments"));
  }
}

void StreamAccumulator::merge_logprobs(ChoiceState& choice, const json& logprobs) {
  // Logprobs arrive per chunk and concatenate (node ChatCompletionStream.ts:1859-1877, §5 #47).
  if (!logprobs.is_object()) return;
  if (!choice.logprobs.is_object()) choice.logprobs = {{"content", nullptr}, {"refusal", nullptr}};
  for (const char* key : {"content", "refusal"}) {
    const json entries = chunk_member(logprobs, key);
    if (!entries.is_array()) continue;
    json& target = choice.logprobs[key];
    if (!target.is_array()) target = json::array();
    target.insert(target.end(), entries.begin(), entries.end());
  }
}

json StreamAccumulator::snapshot() const {
  json completion = header_;
  completion["object"] = "chat.completion";
  for (const char* key : {"id", "created", "model"}) {
    if (!completion.contains(key)) completion[key] = nullptr;
  }
  json choices = json::array();
  for (const auto& [index, state] : choices_) {
    json message = {{"role", state.role}, {"content", state.content}, {"refusal", state.refusal}};
    if (!state.tool_calls.empty()) {
      json calls = json::array();
      // Holes in sparse indexes are dropped rather than left as nulls (node leaves holes, §5 #29).
      for (const auto& [call_index, call] : state.tool_calls) {
        calls.push_back({{"id", call.id},
                         {"type", call.type},
                         {"function", {{"name", call.name}, {"arguments", call.arguments}}}});
      }
      message["tool_calls"] = std::move(calls);
    }
    if (state.function_call) {
      message["function_call"] = {{"name", state.function_call->name},
                                  {"arguments", state.function_call->arguments}};
    }
    choices.push_back({{"index", index},
                       {"message", std::move(message)},
                       {"finish_reason", state.finish_reason},
                       {"logprobs", state.logprobs}});
  }
  completion["choices"] = std::move(choices);
  completion["usage"] = usage_;
  return completion;
}

Observation StreamAccumulator::observation() const {
  return error_ ? *error_ : observation_from_completion(snapshot());
}

}  // namespace chatmock::client
