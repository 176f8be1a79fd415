// The known-field table and the two rules driven by it: unknown top-level fields and per-field
// JSON types. The list was derived once from the official CreateChatCompletionRequest schema
// (openai-openapi f85dbe22: its own properties plus CreateModelResponseProperties and
// ModelResponseProperties); tests/unit/validation/request_fields_test.cpp checks each has a rule.
#include "validation/request_fields.h"

#include <array>
#include <string>

#include "validation/rule_context.h"

namespace chatmock::validation {
namespace {

using detail::kArray;
using detail::kBoolean;
using detail::kInteger;
using detail::kNull;
using detail::kNumber;
using detail::kObject;
using detail::kString;

// kNull where the schema allows null.
constexpr std::array<RequestField, 37> kFields = {{
    // ModelResponseProperties / CreateModelResponseProperties
    {"metadata", kObject | kNull},
    {"top_logprobs", kInteger | kNull},
    {"temperature", kNumber | kNull},
    {"top_p", kNumber | kNull},
    {"user", kString},
    {"safety_identifier", kString | kNull},
    {"prompt_cache_key", kString | kNull},
    {"prompt_cache_retention", kString | kNull},
    {"prompt_cache_options", kObject},
    // CreateChatCompletionRequest
    {"messages", kArray},
    {"model", kString},
    {"service_tier", kString | kNull},
    {"modalities", kArray | kNull},
    {"verbosity", kString | kNull},
    {"reasoning_effort", kString | kNull},
    {"max_completion_tokens", kInteger | kNull},
    {"frequency_penalty", kNumber | kNull},
    {"presence_penalty", kNumber | kNull},
    {"web_search_options", kObject},
    {"response_format", kObject, true},
    {"audio", kObject | kNull},
    {"store", kBoolean | kNull},
    {"moderation", kObject | kNull},
    {"stream", kBoolean | kNull},
    {"stop", kString | kArray | kNull},
    {"logit_bias", kObject | kNull},
    {"logprobs", kBoolean | kNull},
    {"max_tokens", kInteger | kNull},
    {"n", kInteger | kNull},
    {"prediction", kObject | kNull},
    {"seed", kInteger | kNull},
    {"stream_options", kObject | kNull},
    {"tools", kArray},
    {"tool_choice", kString | kObject},
    {"parallel_tool_calls", kBoolean},
    {"function_call", kString | kObject},
    {"functions", kArray},
}};

const RequestField* find_field(std::string_view name) {
  for (const RequestField& field : kFields) {
    if (field.name == name) return &field;
  }
  return nullptr;
}

}  // namespace

std::span<const RequestField> request_fields() { return kFields; }

namespace detail {

void check_unknown_fields(const json& body, RuleContext& ctx) {
  if (ctx.options().lenient_params) return;
  for (const auto& item : body.items()) {
    if (find_field(item.key()) != nullptr) continue;
    // The API's wording (param and code null); it names only the argument.
    ctx.report("validation.unrecognized_argument", std::nullopt, std::nullopt,
               "Unrecognized request argument supplied: " + quote(item.key()));
    return;  // only the first is ever reported; more would only cost memory
  }
}

void check_parameter_types(const json& body, RuleContext& ctx) {
  for (const RequestField& field : kFields) {
    if (field.own_type_rule) continue;
    if (const json* value = member(body, field.name)) {
      ctx.expect(*value, field.kinds, std::string(field.name));
    }
  }
}

}  // namespace detail
}  // namespace chatmock::validation
