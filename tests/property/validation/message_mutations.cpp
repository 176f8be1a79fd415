// Mutations of `messages`: the array itself, each role's required shape, content parts, the
// assistant's tool calls, and the pairing of tool calls with tool responses.
#include <rapidcheck.h>

#include "request_mutations.h"

namespace chatmock::property {

namespace {

using Pred = std::function<bool(const json&)>;

const ExpectedViolation kInvalidType{"validation.invalid_type", {}, "invalid_type"};

ExpectedViolation at(ExpectedViolation v, std::string param) {
  v.param = std::move(param);
  return v;
}

bool role_in(const json& m, std::initializer_list<std::string_view> roles) {
  const std::string role = role_of(m);
  for (const auto r : roles) {
    if (role == r) return true;
  }
  return false;
}

/// A mutation of one message matching `pred`, picked at random.
Mutation on_message(
    std::string name, Pred pred,
    std::function<ExpectedViolation(json& message, const std::string& path, const PathStyle&)>
        apply) {
  return {std::move(name), [pred](const json& body) { return !messages_where(body, pred).empty(); },
          [pred, apply](json& body, const PathStyle& style) {
            const auto i = *rc::gen::elementOf(messages_where(body, pred));
            return apply(body["messages"][i], style.index("messages", i), style);
          }};
}

bool has_parts(const json& m) {
  return m.contains("content") && m["content"].is_array() && !m["content"].empty();
}

bool has_part_of(const json& m, const char* type) {
  if (!has_parts(m)) return false;
  for (const auto& part : m["content"]) {
    if (part.value("type", "") == type) return true;
  }
  return false;
}

/// A part of `message` of `type` (any type when null): its index.
std::size_t pick_part(const json& message, const char* type) {
  std::vector<std::size_t> candidates;
  for (std::size_t j = 0; j < message["content"].size(); ++j) {
    if (type == nullptr || message["content"][j].value("type", "") == type) candidates.push_back(j);
  }
  return *rc::gen::elementOf(candidates);
}

bool has_calls(const json& m) {
  return role_of(m) == "assistant" && m.contains("tool_calls") && m["tool_calls"].is_array() &&
         !m["tool_calls"].empty();
}

void add_array_mutations(std::vector<Mutation>& out, const MutationLimits& limits) {
  out.push_back({"messages_empty", [](const json&) { return true; },
                 [](json& body, const PathStyle&) -> ExpectedViolation {
                   body["messages"] = json::array();
                   return {"validation.messages_empty", "messages", "empty_array"};
                 }});
  out.push_back({"messages_too_many", [](const json&) { return true; },
                 [limits](json& body, const PathStyle&) -> ExpectedViolation {
                   const auto target = limits.max_messages + *rc::gen::inRange<std::size_t>(1, 4);
                   while (body["messages"].size() < target)
                     body["messages"].push_back({{"role", "user"}, {"content", "hi"}});
                   return {"validation.messages_too_many", "messages", "array_above_max_length"};
                 }});
}

void add_shape_mutations(std::vector<Mutation>& out) {
  const Pred any = [](const json&) { return true; };
  out.push_back(
      on_message("message_not_object", any, [](json& m, const std::string& path, const PathStyle&) {
        m = wrong_kind({"object"});
        return at(kInvalidType, path);
      }));
  out.push_back(on_message(
      "role_missing", any,
      [](json& m, const std::string& path, const PathStyle&) -> ExpectedViolation {
        m.erase("role");
        return {"validation.message_role_missing", path + ".role", "missing_required_parameter"};
      }));
  out.push_back(
      on_message("role_invalid", any,
                 [](json& m, const std::string& path, const PathStyle&) -> ExpectedViolation {
                   m["role"] = *rc::gen::element<std::string>("bot", "Assistant", "", "functions");
                   return {"validation.message_role_invalid", path + ".role", "invalid_value"};
                 }));
  out.push_back(
      on_message("role_wrong_type", any, [](json& m, const std::string& path, const PathStyle&) {
        m["role"] = wrong_kind({"string"});
        return at(kInvalidType, path + ".role");
      }));
  out.push_back(
      on_message("name_wrong_type", any, [](json& m, const std::string& path, const PathStyle&) {
        m["name"] = wrong_kind({"string"});
        return at(kInvalidType, path + ".name");
      }));
  const Pred needs_content = [](const json& m) {
    return role_in(m, {"system", "developer", "user", "tool", "function"});
  };
  out.push_back(
      on_message("content_missing", needs_content,
                 [](json& m, const std::string& path, const PathStyle&) -> ExpectedViolation {
                   m.erase("content");
                   return {"validation.message_content_missing", path + ".content",
                           "missing_required_parameter"};
                 }));
  out.push_back(on_message(
      "content_wrong_type", [](const json&) { return true; },
      [](json& m, const std::string& path, const PathStyle&) {
        const std::string role = role_of(m);
        if (role == "function") {
          m["content"] = wrong_kind({"string", "null"});
        } else if (role == "assistant") {
          m["content"] = wrong_kind({"string", "array", "null"});
        } else {
          m["content"] = wrong_kind({"string", "array"});
        }
        return at(kInvalidType, path + ".content");
      }));
  out.push_back(on_message(
      "content_empty_array", [](const json& m) { return role_of(m) != "function"; },
      [](json& m, const std::string& path, const PathStyle&) -> ExpectedViolation {
        m["content"] = json::array();
        return {"validation.content_empty", path + ".content", "empty_array"};
      }));
  out.push_back(on_message(
      "function_message_name_missing", [](const json& m) { return role_of(m) == "function"; },
      [](json& m, const std::string& path, const PathStyle&) -> ExpectedViolation {
        m.erase("name");
        return {"validation.missing_field", path + ".name", "missing_required_parameter"};
      }));
}

void add_part_mutations(std::vector<Mutation>& out) {
  out.push_back(on_message("part_not_object", has_parts,
                           [](json& m, const std::string& path, const PathStyle& style) {
                             const auto j = pick_part(m, nullptr);
                             m["content"][j] = wrong_kind({"object"});
                             return at(kInvalidType, style.index(path + ".content", j));
                           }));
  out.push_back(
      on_message("part_type_missing", has_parts,
                 [](json& m, const std::string& path, const PathStyle& style) -> ExpectedViolation {
                   const auto j = pick_part(m, nullptr);
                   m["content"][j].erase("type");
                   return {"validation.missing_field", style.index(path + ".content", j) + ".type",
                           "missing_required_parameter"};
                 }));
  out.push_back(
      on_message("part_type_invalid", has_parts,
                 [](json& m, const std::string& path, const PathStyle& style) -> ExpectedViolation {
                   const auto j = pick_part(m, nullptr);
                   // Types no role accepts, and a user-only type where it is not one.
                   const bool user = role_of(m) == "user";
                   m["content"][j]["type"] =
                       user ? *rc::gen::element<std::string>("video", "", "refusal")
                            : *rc::gen::element<std::string>("video", "image_url", "file");
                   return {"validation.content_part_type_invalid",
                           style.index(path + ".content", j) + ".type", "invalid_value"};
                 }));
  for (const char* kind : {"text", "refusal"}) {
    out.push_back(on_message(
        std::string("part_") + kind + "_missing",
        [kind](const json& m) { return has_part_of(m, kind); },
        [kind](json& m, const std::string& path, const PathStyle& style) -> ExpectedViolation {
          const auto j = pick_part(m, kind);
          m["content"][j].erase(kind);
          return {"validation.missing_field", style.index(path + ".content", j) + "." + kind,
                  "missing_required_parameter"};
        }));
  }
  out.push_back(on_message(
      "image_detail_invalid", [](const json& m) { return has_part_of(m, "image_url"); },
      [](json& m, const std::string& path, const PathStyle& style) -> ExpectedViolation {
        const auto j = pick_part(m, "image_url");
        m["content"][j]["image_url"]["detail"] = *rc::gen::element<std::string>("ultra", "", "LOW");
        return {"validation.invalid_enum_value",
                style.index(path + ".content", j) + ".image_url.detail", "invalid_value"};
      }));
  out.push_back(on_message(
      "image_url_missing", [](const json& m) { return has_part_of(m, "image_url"); },
      [](json& m, const std::string& path, const PathStyle& style) -> ExpectedViolation {
        const auto j = pick_part(m, "image_url");
        m["content"][j]["image_url"].erase("url");
        return {"validation.missing_field", style.index(path + ".content", j) + ".image_url.url",
                "missing_required_parameter"};
      }));
  out.push_back(on_message(
      "audio_format_invalid", [](const json& m) { return has_part_of(m, "input_audio"); },
      [](json& m, const std::string& path, const PathStyle& style) -> ExpectedViolation {
        const auto j = pick_part(m, "input_audio");
        m["content"][j]["input_audio"]["format"] = *rc::gen::element<std::string>("ogg", "WAV", "");
        return {"validation.invalid_enum_value",
                style.index(path + ".content", j) + ".input_audio.format", "invalid_value"};
      }));
  // Payloads the API cannot fetch or decode (server/validation/content_rules.cpp).
  out.push_back(on_message(
      "image_url_unusable", [](const json& m) { return has_part_of(m, "image_url"); },
      [](json& m, const std::string& path, const PathStyle& style) -> ExpectedViolation {
        const auto j = pick_part(m, "image_url");
        const std::string url = *rc::gen::element<std::string>("ftp://example.com/a.png", "cat.png",
                                                               "data:image/bmp;base64,AAAA",
                                                               "data:image/png;base64,not base64");
        m["content"][j]["image_url"]["url"] = url;
        const std::string id = url.starts_with("data:image/png") ? "validation.image_data_invalid"
                               : url.starts_with("data:") ? "validation.image_format_unsupported"
                                                          : "validation.image_url_invalid";
        return {id, style.index(path + ".content", j) + ".image_url.url",
                url.starts_with("data:image/bmp") ? "invalid_image_format" : "invalid_value"};
      }));
  out.push_back(on_message(
      "audio_data_invalid", [](const json& m) { return has_part_of(m, "input_audio"); },
      [](json& m, const std::string& path, const PathStyle& style) -> ExpectedViolation {
        const auto j = pick_part(m, "input_audio");
        m["content"][j]["input_audio"]["data"] = *rc::gen::element<std::string>("", "A", "no!");
        return {"validation.audio_data_invalid",
                style.index(path + ".content", j) + ".input_audio.data", "invalid_value"};
      }));
  out.push_back(on_message(
      "file_part_empty", [](const json& m) { return has_part_of(m, "file"); },
      [](json& m, const std::string& path, const PathStyle& style) -> ExpectedViolation {
        const auto j = pick_part(m, "file");
        m["content"][j]["file"].erase("file_id");
        m["content"][j]["file"].erase("file_data");
        return {"validation.file_part_empty", style.index(path + ".content", j) + ".file",
                "missing_required_parameter"};
      }));
}

void add_assistant_mutations(std::vector<Mutation>& out) {
  const Pred answer = [](const json& m) {
    return role_of(m) == "assistant" && !m.contains("tool_calls") && !m.contains("function_call") &&
           !m.contains("audio");
  };
  out.push_back(
      on_message("assistant_content_missing", answer,
                 [](json& m, const std::string& path, const PathStyle&) -> ExpectedViolation {
                   if (*rc::gen::arbitrary<bool>()) {
                     m.erase("content");
                   } else {
                     m["content"] = nullptr;
                   }
                   return {"validation.assistant_content_missing", path + ".content",
                           "missing_required_parameter"};
                 }));
  const Pred assistant = [](const json& m) { return role_of(m) == "assistant"; };
  out.push_back(on_message("assistant_refusal_wrong_type", assistant,
                           [](json& m, const std::string& path, const PathStyle&) {
                             m["refusal"] = wrong_kind({"string", "null"});
                             return at(kInvalidType, path + ".refusal");
                           }));
  out.push_back(on_message(
      "assistant_audio_without_id", assistant,
      [](json& m, const std::string& path, const PathStyle&) -> ExpectedViolation {
        m["audio"] = json::object();
        return {"validation.missing_field", path + ".audio.id", "missing_required_parameter"};
      }));
  out.push_back(on_message(
      "function_call_arguments_missing",
      [](const json& m) { return role_of(m) == "assistant" && m.contains("function_call"); },
      [](json& m, const std::string& path, const PathStyle&) -> ExpectedViolation {
        m["function_call"].erase("arguments");
        return {"validation.missing_field", path + ".function_call.arguments",
                "missing_required_parameter"};
      }));
  out.push_back(
      on_message("tool_calls_empty", has_calls,
                 [](json& m, const std::string& path, const PathStyle&) -> ExpectedViolation {
                   m["tool_calls"] = json::array();
                   return {"validation.tool_calls_empty", path + ".tool_calls", "empty_array"};
                 }));
  out.push_back(on_message("tool_calls_wrong_type", has_calls,
                           [](json& m, const std::string& path, const PathStyle&) {
                             m["tool_calls"] = wrong_kind({"array", "null"});
                             return at(kInvalidType, path + ".tool_calls");
                           }));
  out.push_back(on_message(
      "tool_call_broken", has_calls,
      [](json& m, const std::string& path, const PathStyle& style) -> ExpectedViolation {
        const auto j = *rc::gen::inRange<std::size_t>(0, m["tool_calls"].size());
        json& call = m["tool_calls"][j];
        const std::string call_path = style.index(path + ".tool_calls", j);
        const std::string kind = call["type"];
        switch (*rc::gen::inRange(0, 5)) {
          case 0:
            call.erase("id");
            return {"validation.missing_field", call_path + ".id", "missing_required_parameter"};
          case 1:
            call["type"] = *rc::gen::element<std::string>("function_call", "", "tool");
            return {"validation.invalid_enum_value", call_path + ".type", "invalid_value"};
          case 2:
            call.erase(kind);
            return {"validation.missing_field", call_path + "." + kind,
                    "missing_required_parameter"};
          case 3: {
            const std::string payload = kind == "function" ? "arguments" : "input";
            call[kind].erase(payload);
            return {"validation.missing_field", call_path + "." + kind + "." + payload,
                    "missing_required_parameter"};
          }
          default:
            call = wrong_kind({"object"});
            return at(kInvalidType, call_path);
        }
      }));
}

void add_pairing_mutations(std::vector<Mutation>& out) {
  const Pred tool = [](const json& m) { return role_of(m) == "tool"; };
  out.push_back({"tool_response_dropped",
                 [tool](const json& body) { return !messages_where(body, tool).empty(); },
                 [tool](json& body, const PathStyle& style) -> ExpectedViolation {
                   const auto i = *rc::gen::elementOf(messages_where(body, tool));
                   std::size_t assistant = i;
                   while (role_of(body["messages"][assistant]) == "tool") --assistant;
                   body["messages"].erase(i);
                   return {"validation.tool_calls_unanswered",
                           style.index("messages", assistant) + ".role", std::nullopt};
                 }});
  out.push_back(
      on_message("tool_call_id_unknown", tool,
                 [](json& m, const std::string& path, const PathStyle&) -> ExpectedViolation {
                   m["tool_call_id"] = "call_nobody_made";
                   return {"validation.tool_call_id_unknown", path + ".tool_call_id", std::nullopt};
                 }));
  out.push_back(
      on_message("tool_call_id_missing", tool,
                 [](json& m, const std::string& path, const PathStyle&) -> ExpectedViolation {
                   m.erase("tool_call_id");
                   return {"validation.tool_call_id_missing", path + ".tool_call_id", std::nullopt};
                 }));
  out.push_back(on_message("tool_call_id_wrong_type", tool,
                           [](json& m, const std::string& path, const PathStyle&) {
                             m["tool_call_id"] = wrong_kind({"string"});
                             return at(kInvalidType, path + ".tool_call_id");
                           }));
  out.push_back(
      {"tool_message_without_call", [](const json&) { return true; },
       [](json& body, const PathStyle& style) -> ExpectedViolation {
         auto& messages = body["messages"];
         messages.insert(messages.begin(),
                         json{{"role", "tool"}, {"content", "42"}, {"tool_call_id", "call_x"}});
         if (style.legacy) {
           return {"validation.tool_message_without_call", style.index("messages", 0) + ".role",
                   std::nullopt};
         }
         return {"validation.tool_message_without_call", std::nullopt, "invalid_request_error"};
       }});
}

}  // namespace

std::vector<std::size_t> messages_where(const json& body,
                                        const std::function<bool(const json&)>& pred) {
  std::vector<std::size_t> out;
  if (!body.contains("messages") || !body["messages"].is_array()) return out;
  for (std::size_t i = 0; i < body["messages"].size(); ++i) {
    if (pred(body["messages"][i])) out.push_back(i);
  }
  return out;
}

std::string role_of(const json& message) {
  return message.is_object() && message.contains("role") && message["role"].is_string()
             ? message["role"].get<std::string>()
             : std::string();
}

std::vector<Mutation> message_mutations(const MutationLimits& limits) {
  std::vector<Mutation> out;
  add_array_mutations(out, limits);
  add_shape_mutations(out);
  add_part_mutations(out);
  add_assistant_mutations(out);
  add_pairing_mutations(out);
  return out;
}

}  // namespace chatmock::property
