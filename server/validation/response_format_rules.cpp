// Rules for `response_format` (ResponseFormatText / JsonObject / JsonSchema): its shape, the
// json_schema name, JSON mode's requirement that the conversation mention "json", and schemas
// no finite value satisfies (a required-property cycle), refused rather than answered invalid.
#include <string_view>

#include "synthesis/json_schema_cycles.h"
#include "text/ascii.h"
#include "validation/rule_context.h"

namespace chatmock::validation::detail {
namespace {

// How the older, jsonschema-based validator prints a value: Python's repr of the JSON.
std::string python_repr(const json& value) {
  if (value.is_null()) return "None";
  if (value.is_boolean()) return value.get<bool>() ? "True" : "False";
  if (value.is_string()) return "'" + quote(value.get_ref<const std::string&>()) + "'";
  return quote(value.dump());
}

bool mentions_json(std::string_view text) { return text::icontains(text, "json"); }

// True when any message's text (string content or text parts) contains "json", any case.
bool messages_mention_json(const json& body) {
  const json* messages = member(body, "messages");
  if (messages == nullptr || !messages->is_array()) return false;
  const auto text_mentions = [](const json* text) {
    return text != nullptr && text->is_string() &&
           mentions_json(text->get_ref<const std::string&>());
  };
  for (const json& message : *messages) {
    const json* content = member(message, "content");
    if (text_mentions(content)) return true;
    if (content == nullptr || !content->is_array()) continue;
    for (const json& part : *content) {
      if (text_mentions(member(part, "text"))) return true;
    }
  }
  return false;
}

void check_json_schema(const json& format, RuleContext& ctx) {
  const json* schema = ctx.require(format, "json_schema", kObject, "response_format");
  if (schema == nullptr) return;
  const std::string path = "response_format.json_schema";
  if (const json* name = member(*schema, "name")) {
    ctx.check_name("validation.json_schema_name_invalid", *name, path + ".name");
  } else {
    ctx.missing("validation.missing_field", path + ".name");
  }
  ctx.optional_member(*schema, "description", kString, path);
  if (const json* body = ctx.optional_member(*schema, "schema", kObject, path)) {
    if (const auto cycle = synthesis::find_required_cycle(*body)) {
      const json* name = member(*schema, "name");
      const std::string shown =
          name != nullptr && name->is_string() ? quote(name->get_ref<const std::string&>()) : "";
      ctx.report("validation.json_schema_required_cycle", path + ".schema", "invalid_json_schema",
                 "Invalid schema for response_format '" + shown +
                     "': no finite value satisfies it, because required properties form a "
                     "cycle: " +
                     quote(*cycle) + ".");
    }
  }
  ctx.optional_member(*schema, "strict", kBoolean | kNull, path);
}

}  // namespace

void check_response_format(const json& body, RuleContext& ctx) {
  const json* format = member(body, "response_format");
  if (format == nullptr) return;
  if (!format->is_object()) {
    // The legacy wording is what the API still sends here (openai-php/client #265).
    ctx.report("validation.response_format_not_object", "response_format", std::nullopt,
               python_repr(*format) + " is not of type 'object' - 'response_format'");
    return;
  }
  const json* type = ctx.require(*format, "type", kString, "response_format");
  if (type == nullptr ||
      !ctx.expect_one_of("validation.response_format_type_invalid", *type,
                         {"text", "json_object", "json_schema"}, "response_format.type")) {
    return;
  }
  const auto& kind = type->get_ref<const std::string&>();
  if (kind == "json_schema") {
    check_json_schema(*format, ctx);
  } else if (kind == "json_object" && !messages_mention_json(body)) {
    ctx.report("validation.json_mode_missing_word", "messages", std::nullopt,
               "'messages' must contain the word 'json' in some form, to use 'response_format' "
               "of type 'json_object'.");
  }
}

}  // namespace chatmock::validation::detail
