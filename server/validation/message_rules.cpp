// Rules for `messages`: count, per-role shape (ChatCompletionRequest*Message, spec:31300-31600),
// content parts, assistant tool calls, and the pairing of tool calls with tool responses.
#include <algorithm>
#include <optional>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "validation/rule_context.h"

namespace chatmock::validation::detail {
namespace {

enum class Role {
  system,     ///< "system"
  developer,  ///< "developer"
  user,       ///< "user"
  assistant,  ///< "assistant"
  tool,       ///< "tool"
  function,   ///< "function" (deprecated)
  invalid,    ///< missing, mistyped or unknown; already reported
};

Role check_role(const json& message, const std::string& path, RuleContext& ctx) {
  const json* role = ctx.require(message, "role", kString, path, "validation.message_role_missing");
  if (role == nullptr) return Role::invalid;
  // Listed in the order the API's own message lists them.
  if (!ctx.expect_one_of("validation.message_role_invalid", *role,
                         {"system", "assistant", "user", "function", "tool", "developer"},
                         path + ".role")) {
    return Role::invalid;
  }
  const auto& name = role->get_ref<const std::string&>();
  if (name == "system") return Role::system;
  if (name == "developer") return Role::developer;
  if (name == "user") return Role::user;
  if (name == "assistant") return Role::assistant;
  if (name == "tool") return Role::tool;
  return Role::function;
}

void check_part(const json& part, const std::string& path,
                std::initializer_list<std::string_view> allowed, RuleContext& ctx) {
  if (!ctx.expect(part, kObject, path)) return;
  const json* type = ctx.require(part, "type", kString, path);
  if (type == nullptr ||
      !ctx.expect_one_of("validation.content_part_type_invalid", *type, allowed, path + ".type")) {
    return;
  }
  const auto& kind = type->get_ref<const std::string&>();
  if (kind == "text" || kind == "refusal") {
    ctx.require(part, kind, kString, path);
  } else {
    check_media_part(part, kind, path, ctx);
  }
}

// Content that is a string or a non-empty array of parts of the `allowed` types.
void check_content_value(const json& content, const std::string& path, unsigned kinds,
                         std::initializer_list<std::string_view> allowed, RuleContext& ctx) {
  if (!ctx.expect(content, kinds, path) || !content.is_array()) return;
  if (content.empty()) {
    ctx.empty_array("validation.content_empty", path);
    return;
  }
  for (std::size_t j = 0; j < content.size(); ++j) {
    check_part(content[j], ctx.index(path, j), allowed, ctx);
  }
}

void check_assistant_tool_calls(const json& calls, const std::string& path, RuleContext& ctx) {
  if (calls.empty()) {
    ctx.empty_array("validation.tool_calls_empty", path);
    return;
  }
  for (std::size_t j = 0; j < calls.size(); ++j) {
    const std::string call_path = ctx.index(path, j);
    if (!ctx.expect(calls[j], kObject, call_path)) continue;
    ctx.require(calls[j], "id", kString, call_path);
    const json* type = ctx.require(calls[j], "type", kString, call_path);
    if (type == nullptr || !ctx.expect_one_of("validation.invalid_enum_value", *type,
                                              {"function", "custom"}, call_path + ".type")) {
      continue;
    }
    const bool is_function = type->get_ref<const std::string&>() == "function";
    const std::string kind = is_function ? "function" : "custom";
    if (const json* body = ctx.require(calls[j], kind, kObject, call_path)) {
      std::string body_path = call_path;
      body_path += '.';
      body_path += kind;
      ctx.require(*body, "name", kString, body_path);
      ctx.require(*body, is_function ? "arguments" : "input", kString, body_path);
    }
  }
}

void check_assistant(const json& message, const std::string& path, RuleContext& ctx) {
  const json* content = member(message, "content");
  if (content != nullptr) {
    check_content_value(*content, path + ".content", kString | kArray | kNull, {"text", "refusal"},
                        ctx);
  }
  // Clients echo response messages back, so null is accepted wherever a response may carry it.
  const json* calls = ctx.optional_member(message, "tool_calls", kArray | kNull, path);
  if (calls != nullptr && calls->is_array()) {
    check_assistant_tool_calls(*calls, path + ".tool_calls", ctx);
  }
  const json* call = ctx.optional_member(message, "function_call", kObject | kNull, path);
  if (call != nullptr && call->is_object()) {
    ctx.require(*call, "name", kString, path + ".function_call");
    ctx.require(*call, "arguments", kString, path + ".function_call");
  }
  ctx.optional_member(message, "refusal", kString | kNull, path);
  const json* audio = ctx.optional_member(message, "audio", kObject | kNull, path);
  if (audio != nullptr && audio->is_object()) ctx.require(*audio, "id", kString, path + ".audio");
  // Spec: content is "Required unless tool_calls or function_call is specified"; an audio
  // reference (multi-turn audio) stands in for content as well.
  const bool has_content = content != nullptr && !content->is_null();
  const bool has_alternative = (calls != nullptr && !calls->is_null()) ||
                               (call != nullptr && !call->is_null()) ||
                               (audio != nullptr && !audio->is_null());
  if (!has_content && !has_alternative) {
    ctx.report("validation.assistant_content_missing", path + ".content",
               "missing_required_parameter",
               "Missing required parameter: '" + path +
                   ".content'. Assistant messages require 'content' unless 'tool_calls' or "
                   "'function_call' is specified.");
  }
}

void check_message(const json& message, const std::string& path, RuleContext& ctx) {
  if (!ctx.expect(message, kObject, path)) return;
  const Role role = check_role(message, path, ctx);
  ctx.optional_member(message, "name", kString, path);
  const auto required_content = [&](unsigned kinds, std::initializer_list<std::string_view> parts) {
    if (const json* content = member(message, "content")) {
      check_content_value(*content, path + ".content", kinds, parts, ctx);
    } else {
      ctx.missing("validation.message_content_missing", path + ".content");
    }
  };
  switch (role) {
    case Role::system:
    case Role::developer:
      required_content(kString | kArray, {"text"});
      break;
    case Role::user:
      required_content(kString | kArray, {"text", "image_url", "input_audio", "file"});
      break;
    case Role::assistant:
      check_assistant(message, path, ctx);
      break;
    case Role::tool:
      required_content(kString | kArray, {"text"});
      if (const json* id = member(message, "tool_call_id")) {
        ctx.expect(*id, kString, path + ".tool_call_id");
      } else {
        // Wording and param as the API sends them (docs/openai-behaviour.md §4, langchain #22600).
        ctx.report("validation.tool_call_id_missing", path + ".tool_call_id", std::nullopt,
                   "Missing parameter 'tool_call_id': messages with role 'tool' must have a "
                   "'tool_call_id'.");
      }
      break;
    case Role::function:
      ctx.require(message, "name", kString, path);
      required_content(kString | kNull, {});
      break;
    case Role::invalid:
      break;
  }
}

std::string_view role_of(const json& message) {
  const json* role = member(message, "role");
  return role != nullptr && role->is_string()
             ? std::string_view(role->get_ref<const std::string&>())
             : std::string_view();
}

// The open block of tool calls: the assistant message that made them and the ids not yet answered.
struct PendingCalls {
  std::size_t assistant_index = 0;
  std::vector<std::string> ids;          ///< every id the assistant issued, in order
  std::unordered_set<std::string> open;  ///< ids without a tool response yet
};

void report_unanswered(const PendingCalls& block, RuleContext& ctx) {
  std::string missing;
  for (const std::string& id : block.ids) {
    if (!block.open.contains(id)) continue;
    if (!missing.empty()) missing += ", ";
    missing += quote(id);
  }
  ctx.report(
      "validation.tool_calls_unanswered", ctx.index("messages", block.assistant_index) + ".role",
      std::nullopt,
      "An assistant message with 'tool_calls' must be followed by tool messages responding "
      "to each 'tool_call_id'. The following tool_call_ids did not have response messages: " +
          missing);
}

void check_tool_message(const json& message, std::size_t i,
                        const std::optional<PendingCalls>& block, RuleContext& ctx) {
  if (!block) {
    if (ctx.options().legacy_param_paths) {
      // The older validator's wording, typo included (docs/openai-behaviour.md §4, smarter-sh
      // #264).
      ctx.report("validation.tool_message_without_call", ctx.index("messages", i) + ".role",
                 std::nullopt,
                 "Invalid parameter: messages with role 'tool' must be a response to a "
                 "preceeding message with 'tool_calls'.");
    } else {
      ctx.report("validation.tool_message_without_call", std::nullopt, "invalid_request_error",
                 "Messages with role 'tool' must be a response to a preceding message with "
                 "'tool_calls'");
    }
    return;
  }
  const json* id = member(message, "tool_call_id");
  if (id == nullptr || !id->is_string()) return;  // reported by check_message
  const auto& text = id->get_ref<const std::string&>();
  if (std::find(block->ids.begin(), block->ids.end(), text) == block->ids.end()) {
    ctx.report("validation.tool_call_id_unknown", ctx.index("messages", i) + ".tool_call_id",
               std::nullopt,
               "Invalid parameter: 'tool_call_id' of '" + quote(text) +
                   "' not found in 'tool_calls' of previous message.");
  }
}

// Every tool message answers a call of the assistant message just before its run of tool
// messages, and that run answers every call.
void check_tool_pairing(const json& messages, RuleContext& ctx) {
  std::optional<PendingCalls> block;
  for (std::size_t i = 0; i < messages.size(); ++i) {
    const json& message = messages[i];
    const std::string_view role = role_of(message);
    if (role == "tool") {
      check_tool_message(message, i, block, ctx);
      const json* id = member(message, "tool_call_id");
      if (block && id != nullptr && id->is_string()) block->open.erase(id->get<std::string>());
      continue;
    }
    if (block && !block->open.empty()) report_unanswered(*block, ctx);
    block.reset();
    const json* calls = member(message, "tool_calls");
    if (role != "assistant" || calls == nullptr || !calls->is_array() || calls->empty()) continue;
    block.emplace();
    block->assistant_index = i;
    for (const json& call : *calls) {
      const json* id = member(call, "id");
      if (id == nullptr || !id->is_string()) continue;
      if (block->open.insert(id->get<std::string>()).second) {
        block->ids.push_back(id->get<std::string>());
      }
    }
  }
  if (block && !block->open.empty()) report_unanswered(*block, ctx);
}

}  // namespace

void check_messages(const json& body, RuleContext& ctx) {
  const json* messages = member(body, "messages");
  if (messages == nullptr || !messages->is_array()) return;
  if (messages->empty()) {
    ctx.empty_array("validation.messages_empty", "messages");
    return;
  }
  if (messages->size() > ctx.options().max_messages) {
    ctx.array_too_long("validation.messages_too_many", "messages", ctx.options().max_messages,
                       messages->size());
  }
  for (std::size_t i = 0; i < messages->size(); ++i) {
    check_message((*messages)[i], ctx.index("messages", i), ctx);
  }
  check_tool_pairing(*messages, ctx);
}

}  // namespace chatmock::validation::detail
