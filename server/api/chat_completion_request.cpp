// Serialisation of the request family, driven by the field lists in the header. from_json is
// total over validated bodies: content in string or array form, stop as a string or list,
// tool_choice as a mode or a named object. A key the validator does not check where it appears
// (tool_calls on a system message) is read leniently, so a mistyped one cannot make an accepted
// body fail to parse.
#include "api/chat_completion_request.h"

#include "api/wire_tree.h"

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

CHATMOCK_WIRE_JSON(ContentPart)
CHATMOCK_WIRE_JSON(Message)
CHATMOCK_WIRE_JSON(FunctionDefinition)
CHATMOCK_WIRE_JSON(CustomToolDefinition)
CHATMOCK_WIRE_JSON(Tool)
CHATMOCK_WIRE_JSON(JsonSchemaFormat)
CHATMOCK_WIRE_JSON(ResponseFormat)
CHATMOCK_WIRE_JSON(StreamOptions)
CHATMOCK_WIRE_JSON(ChatCompletionRequest)

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

}  // namespace chatmock::api
