// validate_request: runs the rule groups in a fixed order (required fields, types, messages,
// sampling ranges, tools, response_format, model-specific, sizes) so the first violation is
// stable. Also owns the per-field type table and the rules too small for a file of their own.
#include "validation/request_validator.h"

#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "validation/rule_context.h"

namespace chatmock::validation {
namespace {

using detail::json;
using detail::kArray;
using detail::kBoolean;
using detail::kInteger;
using detail::kNull;
using detail::kNumber;
using detail::kObject;
using detail::kString;
using detail::RuleContext;

struct FieldType {
  std::string_view name;
  unsigned kinds;
};

// Types from CreateChatCompletionRequest (spec:33105-33506) and ModelResponseProperties
// (spec:44539+); kNull where the spec marks the field nullable. `response_format` is absent on
// purpose: a non-object there gets its own legacy-style message (response_format_rules.cpp).
constexpr std::array<FieldType, 33> kFieldTypes = {{
    {"model", kString},
    {"messages", kArray},
    {"temperature", kNumber | kNull},
    {"top_p", kNumber | kNull},
    {"n", kInteger | kNull},
    {"presence_penalty", kNumber | kNull},
    {"frequency_penalty", kNumber | kNull},
    {"logit_bias", kObject | kNull},
    {"logprobs", kBoolean | kNull},
    {"top_logprobs", kInteger | kNull},
    {"max_tokens", kInteger | kNull},
    {"max_completion_tokens", kInteger | kNull},
    {"stop", kString | kArray | kNull},
    {"stream", kBoolean | kNull},
    {"stream_options", kObject | kNull},
    {"tools", kArray},
    {"tool_choice", kString | kObject},
    {"parallel_tool_calls", kBoolean},
    {"functions", kArray},
    {"function_call", kString | kObject},
    {"seed", kInteger | kNull},
    {"service_tier", kString | kNull},
    {"user", kString},
    {"metadata", kObject | kNull},
    {"store", kBoolean | kNull},
    {"modalities", kArray | kNull},
    {"audio", kObject | kNull},
    {"prediction", kObject | kNull},
    {"reasoning_effort", kString | kNull},
    {"verbosity", kString | kNull},
    {"safety_identifier", kString},
    {"prompt_cache_key", kString},
    {"web_search_options", kObject},
}};

constexpr std::size_t kMaxSafetyIdentifierLength = 64;  // spec: ModelResponseProperties

void check_required(const json& body, RuleContext& ctx) {
  if (detail::member(body, "model") == nullptr) ctx.missing("validation.model_missing", "model");
  if (detail::member(body, "messages") == nullptr) {
    ctx.missing("validation.messages_missing", "messages");
  }
}

// Enumerations and small shapes of the non-sampling options.
void check_options(const json& body, RuleContext& ctx) {
  if (const json* tier = detail::member(body, "service_tier"); tier && tier->is_string()) {
    ctx.expect_one_of("validation.service_tier_invalid", *tier,
                      {"auto", "default", "flex", "scale", "priority", "fast"}, "service_tier");
  }
  if (const json* verbosity = detail::member(body, "verbosity");
      verbosity && verbosity->is_string()) {
    ctx.expect_one_of("validation.invalid_enum_value", *verbosity, {"low", "medium", "high"},
                      "verbosity");
  }
  if (const json* modalities = detail::member(body, "modalities");
      modalities && modalities->is_array()) {
    for (std::size_t i = 0; i < modalities->size(); ++i) {
      ctx.expect_one_of("validation.invalid_enum_value", (*modalities)[i], {"text", "audio"},
                        ctx.index("modalities", i));
    }
  }
  if (const json* metadata = detail::member(body, "metadata"); metadata && metadata->is_object()) {
    for (const auto& [key, value] : metadata->items()) {
      ctx.expect(value, kString, "metadata." + detail::quote(key));
    }
  }
  if (const json* id = detail::member(body, "safety_identifier"); id && id->is_string()) {
    const std::size_t length = id->get_ref<const std::string&>().size();
    if (length > kMaxSafetyIdentifierLength) {
      ctx.report("validation.string_too_long", "safety_identifier", "string_above_max_length",
                 "Invalid 'safety_identifier': string too long. Expected a string with maximum "
                 "length " +
                     std::to_string(kMaxSafetyIdentifierLength) +
                     ", but got a string with length " + std::to_string(length) + " instead.");
    }
  }
  const json* stream_options = detail::member(body, "stream_options");
  if (stream_options && stream_options->is_object()) {
    for (const char* flag : {"include_usage", "include_obfuscation"}) {
      if (const json* value = detail::member(*stream_options, flag)) {
        ctx.expect(*value, kBoolean | kNull, std::string("stream_options.") + flag);
      }
    }
    // OpenAI API ref, chat create, stream_options: "Only set this when you set stream: true."
    const json* stream = detail::member(body, "stream");
    if (!(stream && stream->is_boolean() && stream->get<bool>())) {
      ctx.report("validation.stream_options_requires_stream", "stream_options", "invalid_value",
                 "The 'stream_options' parameter is only allowed when 'stream' is enabled.");
    }
  }
}

// o-series and gpt-5 models reject the pre-reasoning knobs (edge-cases.md §4).
void check_model_support(const json& body, RuleContext& ctx) {
  const json* model = detail::member(body, "model");
  if (!model || !model->is_string() || !detail::is_reasoning_model(model->get<std::string>())) {
    return;
  }
  if (const json* max_tokens = detail::member(body, "max_tokens");
      max_tokens && !max_tokens->is_null()) {
    ctx.report("validation.max_tokens_unsupported", "max_tokens", "unsupported_parameter",
               "Unsupported parameter: 'max_tokens' is not supported with this model. Use "
               "'max_completion_tokens' instead.");
  }
  const json* temperature = detail::member(body, "temperature");
  if (temperature && temperature->is_number() && temperature->get<double>() != 1.0) {
    ctx.report("validation.temperature_unsupported", "temperature", "unsupported_value",
               "Unsupported value: 'temperature' does not support " + temperature->dump() +
                   " with this model. Only the default (1) value is supported.");
  }
}

}  // namespace

namespace detail {

void check_parameter_types(const json& body, RuleContext& ctx) {
  for (const auto& [name, kinds] : kFieldTypes) {
    if (const json* value = member(body, name)) ctx.expect(*value, kinds, std::string(name));
  }
}

void check_string_lengths(const json& body, RuleContext& ctx) {
  // An explicit stack, not recursion: the validator must survive any DOM a caller builds.
  std::vector<std::pair<const json*, std::string>> pending = {{&body, std::string()}};
  const std::size_t limit = ctx.options().max_string_bytes;
  while (!pending.empty()) {
    const json* node = pending.back().first;
    const std::string path = std::move(pending.back().second);
    pending.pop_back();
    // Paths are built only for containers and offenders; most strings are short.
    const auto visit = [&](const json& child, const auto& make_path) {
      if (child.is_structured()) {
        pending.emplace_back(&child, make_path());
      } else if (child.is_string() && child.get_ref<const std::string&>().size() > limit) {
        const std::string child_path = make_path();
        ctx.report("validation.string_too_long", child_path, "string_above_max_length",
                   "Invalid '" + child_path +
                       "': string too long. Expected a string with maximum length " +
                       std::to_string(limit) + ", but got a string with length " +
                       std::to_string(child.get_ref<const std::string&>().size()) + " instead.");
      }
    };
    if (node->is_object()) {
      for (const auto& item : node->items()) {
        const std::string& key = item.key();
        visit(item.value(), [&] { return path.empty() ? quote(key) : path + "." + quote(key); });
      }
    } else {
      for (std::size_t i = 0; i < node->size(); ++i) {
        visit((*node)[i], [&] { return ctx.index(path, i); });
      }
    }
  }
}

}  // namespace detail

std::vector<Violation> validate_request(const json& body, const ValidationOptions& options) {
  RuleContext ctx(options);
  if (!body.is_object()) {
    ctx.report("validation.body_not_object", std::nullopt, "invalid_type",
               "Invalid type for request body: expected an object, but got " +
                   std::string(detail::kind_name(body)) + " instead.");
    return ctx.take();
  }
  check_required(body, ctx);
  detail::check_parameter_types(body, ctx);
  detail::check_messages(body, ctx);
  detail::check_sampling(body, ctx);
  check_options(body, ctx);
  detail::check_tools(body, ctx);
  detail::check_response_format(body, ctx);
  check_model_support(body, ctx);
  detail::check_string_lengths(body, ctx);
  return ctx.take();
}

}  // namespace chatmock::validation
