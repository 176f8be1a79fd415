// Text comes from the same seeded generator as Chat; JSON text formats get a JSON object (a
// schema-valid instance for json_schema). max_output_tokens cuts the text by split_tokens pieces,
// the unit usage counts, so output_tokens never exceeds it.
#include "responses/response_builder.h"

#include "api/model_list.h"
#include "responses/function_calls.h"
#include "responses/leading_items.h"
#include "responses/response_input.h"
#include "synthesis/json_schema_generator.h"
#include "synthesis/logprob_generator.h"
#include "synthesis/text_generator.h"
#include "synthesis/token_splitter.h"

namespace chatmock::responses {

namespace {
// 2025-01-01T00:00:00Z; seeded `created_at` values fall within the following year (as Chat).
constexpr std::int64_t kSeededEpoch = 1735689600;
constexpr std::int64_t kSecondsPerYear = 365LL * 24 * 3600;
constexpr std::int64_t kTokensPerItem = 3;  // role and separators, as Chat's estimate

std::string reply_text(const ResponseRequest& request, const BuildContext& context,
                       synthesis::Rng rng, budget::WorkBudget& budget) {
  const auto& type = request.text_format["type"];
  if (type == "json_schema") {
    const nlohmann::json schema = request.text_format["schema"];
    return synthesis::generate_instance(schema, rng, budget)
        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  if (type == "json_object") {
    return dump(Json{{"answer", synthesis::generate_text(rng, 4, 12)}});
  }
  if (context.words > 0) {
    const int words = static_cast<int>(context.words);
    return synthesis::generate_text(rng, words, words, budget);
  }
  return synthesis::generate_text(rng);
}

std::int64_t tokens_of(std::string_view text) {
  return static_cast<std::int64_t>(synthesis::count_tokens(text));
}

/// Input tokens of the request's own items (instructions apart).
std::int64_t item_tokens(const std::vector<Json>& items) {
  std::int64_t total = 0;
  for (const auto& item : items) total += kTokensPerItem + tokens_of(item_text(item));
  return total;
}

std::vector<Json> with_ids(const std::vector<Json>& items, synthesis::Rng rng) {
  std::vector<Json> out;
  out.reserve(items.size());
  for (const auto& item : items) {
    const auto& type = item["type"];
    const char* prefix = type == "message"         ? "msg_"
                         : type == "function_call" ? "fc_"
                         : type == "reasoning"     ? "rs_"
                                                   : "fco_";
    Json copy = Json{{"id", hex_id(rng, prefix)}};
    for (const auto& [key, value] : item.items()) copy[key] = value;
    if (!copy.contains("status")) copy["status"] = "completed";
    out.push_back(std::move(copy));
  }
  return out;
}

/// output_text logprobs for `text` (include "message.output_text.logprobs"): one entry per token
/// piece, the pieces the stream's deltas are cut from, each with `top` alternatives.
Json output_logprobs(const std::string& text, std::int64_t top, synthesis::Rng rng) {
  Json out = Json::array();
  for (const auto& entry : synthesis::generate_logprobs(synthesis::split_tokens(text), top, rng)) {
    Json alternatives = Json::array();
    for (const auto& alternative : entry.top_logprobs) {
      Json shown = object_with_capacity(3);
      append_field(shown, "token", alternative.token);
      append_field(shown, "logprob", alternative.logprob);
      append_field(shown, "bytes", synthesis::utf8_bytes(alternative.token));
      alternatives.push_back(std::move(shown));
    }
    Json shown = object_with_capacity(4);
    append_field(shown, "token", entry.token);
    append_field(shown, "logprob", entry.logprob);
    append_field(shown, "bytes", synthesis::utf8_bytes(entry.token));
    append_field(shown, "top_logprobs", std::move(alternatives));
    out.push_back(std::move(shown));
  }
  return out;
}

/// `output` counts the visible output; `reasoning` tokens are added to it, as the API bills them.
Json usage(std::int64_t input, std::int64_t output, std::int64_t reasoning) {
  output += reasoning;
  Json input_details = object_with_capacity(2);
  append_field(input_details, "cached_tokens", 0);
  append_field(input_details, "cache_write_tokens", 0);
  Json output_details = Json::object();
  append_field(output_details, "reasoning_tokens", reasoning);
  Json out = object_with_capacity(5);
  append_field(out, "input_tokens", input);
  append_field(out, "input_tokens_details", std::move(input_details));
  append_field(out, "output_tokens", output);
  append_field(out, "output_tokens_details", std::move(output_details));
  append_field(out, "total_tokens", input + output);
  return out;
}

Json optional_string(const std::optional<std::string>& value) {
  return value ? Json(*value) : Json(nullptr);
}
}  // namespace

std::string hex_id(synthesis::Rng& rng, std::string_view prefix) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id(prefix);
  for (int word = 0; word < 3; ++word) {
    std::uint64_t bits = rng.next();
    for (int i = 0; i < 16; ++i, bits >>= 4U) id += kHex[bits & 0xFU];
  }
  return id;
}

Json text_message(std::string id, std::string text) {
  Json part = object_with_capacity(4);
  append_field(part, "type", "output_text");
  append_field(part, "annotations", Json::array());
  append_field(part, "logprobs", Json::array());
  append_field(part, "text", std::move(text));
  Json content = Json::array();
  content.push_back(std::move(part));
  Json message = object_with_capacity(5);
  append_field(message, "id", std::move(id));
  append_field(message, "type", "message");
  append_field(message, "status", "completed");
  append_field(message, "content", std::move(content));
  append_field(message, "role", "assistant");
  return message;
}

BuiltResponse build_response(const ResponseRequest& request, const BuildContext& context) {
  const synthesis::Rng root(context.seed);
  synthesis::Rng ids = root.fork("ids");
  const std::string response_id = hex_id(ids, "resp_");
  const std::string message_id = hex_id(ids, "msg_");

  budget::WorkBudget unlimited;
  budget::WorkBudget& budget = context.budget != nullptr ? *context.budget : unlimited;
  const auto tools = tools_to_call(request);
  Json item;
  std::string* text = nullptr;  // what max_output_tokens cuts: the message text or the arguments
  if (tools.empty()) {
    item = text_message(message_id, reply_text(request, context, root.fork("text"), budget));
    text = item["content"][0]["text"].get_ptr<std::string*>();
  } else {
    synthesis::Rng call_rng = root.fork("function-call");
    item = function_call_item(tools.front(), call_rng, budget);
    text = item["arguments"].get_ptr<std::string*>();
  }
  // Reasoning spends max_output_tokens first (at most half of it), the answer gets the rest.
  LeadingItems leading = leading_items(request, root.fork("leading"));
  bool complete = true;
  const std::int64_t answer_limit =
      request.max_output_tokens ? *request.max_output_tokens - leading.reasoning_tokens : 0;
  if (request.max_output_tokens && tokens_of(*text) > answer_limit) {
    const auto pieces = synthesis::split_tokens(*text);
    text->clear();
    for (std::int64_t i = 0; i < answer_limit; ++i) *text += pieces[i];
    complete = false;
    item["status"] = "incomplete";
  }
  if (tools.empty() && request.includes("message.output_text.logprobs")) {
    item["content"][0]["logprobs"] =
        output_logprobs(*text, request.top_logprobs, root.fork("logprobs"));
  }
  const std::int64_t output_tokens = tokens_of(*text);
  const std::int64_t own_tokens = item_tokens(request.input) + kTokensPerItem;
  const std::int64_t input_tokens = context.carried_tokens + estimate_input_tokens(request);

  const std::int64_t created_at =
      context.seeded ? kSeededEpoch + root.fork("created").between(0, kSecondsPerYear)
                     : context.now_seconds;
  Json response = object_with_capacity(32);
  const auto field = [&response](const char* key, Json value) {
    append_field(response, key, std::move(value));
  };
  field("id", response_id);
  field("object", "response");
  field("created_at", created_at);
  field("status", complete ? "completed" : "incomplete");
  field("background", false);
  field("completed_at", created_at + root.fork("duration").between(0, 2));
  field("error", nullptr);
  field("incomplete_details", complete ? Json(nullptr) : Json{{"reason", "max_output_tokens"}});
  field("instructions", optional_string(request.instructions));
  field("max_output_tokens",
        request.max_output_tokens ? Json(*request.max_output_tokens) : Json(nullptr));
  field("model", api::resolve_snapshot(request.model));
  Json output = Json::array();
  for (auto& leading_item : leading.items) output.push_back(std::move(leading_item));
  output.push_back(std::move(item));
  field("output", std::move(output));
  field("parallel_tool_calls", request.parallel_tool_calls);
  field("previous_response_id", optional_string(request.previous_response_id));
  field("reasoning", request.reasoning);
  field("service_tier", "default");
  field("store", request.store);
  field("temperature", request.temperature);
  Json text_settings = Json::object();
  append_field(text_settings, "format", request.text_format);
  field("text", std::move(text_settings));
  field("tool_choice", request.tool_choice);
  field("tools", request.tools);
  field("top_p", request.top_p);
  field("truncation", request.truncation);
  field("usage", usage(input_tokens, output_tokens, leading.reasoning_tokens));
  if (request.user) field("user", *request.user);  // the schema types it string, not null
  field("metadata", request.metadata);
  return {std::move(response), identified_input_items(request, context.seed),
          context.carried_tokens + own_tokens + output_tokens};
}

std::int64_t estimate_input_tokens(const ResponseRequest& request) {
  const std::int64_t instruction_tokens =
      request.instructions ? kTokensPerItem + tokens_of(*request.instructions) : 0;
  return instruction_tokens + item_tokens(request.input) + kTokensPerItem;
}

std::vector<Json> identified_input_items(const ResponseRequest& request, std::uint64_t seed) {
  return with_ids(request.input, synthesis::Rng(seed).fork("input-ids"));
}

}  // namespace chatmock::responses
