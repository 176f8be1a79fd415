// Text parts are joined with "\n", the same reading api::Message::text() gives the synthesizer.
// A Responses conversation is read as chat messages so every message matcher serves both APIs.
#include "stubbing/match_input.h"

namespace chatmock::stubbing {

scenarios::ScenarioApi MatchInput::api() const {
  return std::string_view(http.path).ends_with("/responses") ? scenarios::ScenarioApi::responses
                                                             : scenarios::ScenarioApi::chat;
}

std::string_view endpoint_url(scenarios::ScenarioApi api) {
  return api == scenarios::ScenarioApi::responses ? "/v1/responses" : "/v1/chat/completions";
}

std::optional<scenarios::ScenarioApi> endpoint_of_url(std::string_view url) {
  if (url == "/v1/chat/completions" || url == "/chat/completions") {
    return scenarios::ScenarioApi::chat;
  }
  if (url == "/v1/responses" || url == "/responses") return scenarios::ScenarioApi::responses;
  return std::nullopt;
}

Conversation::Conversation(const nlohmann::json& body) {
  if (!body.is_object()) return;
  if (const auto messages = body.find("messages"); messages != body.end() && messages->is_array()) {
    view_ = &*messages;
    return;
  }
  if (const auto instructions = body.find("instructions");
      instructions != body.end() && instructions->is_string()) {
    own_.push_back({{"role", "system"}, {"content", *instructions}});
  }
  const auto input = body.find("input");
  if (input == body.end()) return;
  if (input->is_string()) {
    own_.push_back({{"role", "user"}, {"content", *input}});
    return;
  }
  if (!input->is_array()) return;
  for (const auto& item : *input) {
    if (!item.is_object()) continue;
    const auto type_member = item.find("type");
    const std::string_view type = type_member != item.end() && type_member->is_string()
                                      ? std::string_view(type_member->get_ref<const std::string&>())
                                      : std::string_view("message");
    if (type == "message" && item.contains("role")) {
      own_.push_back(item);
    } else if (type == "function_call_output") {
      own_.push_back({{"role", "tool"},
                      {"tool_call_id", item.value("call_id", nlohmann::json())},
                      {"content", item.value("output", nlohmann::json())}});
    }
  }
}

std::string message_text(const nlohmann::json& message) {
  if (!message.is_object()) return {};
  const auto content = message.find("content");
  if (content == message.end()) return {};
  if (content->is_string()) return content->get<std::string>();
  std::string out;
  if (!content->is_array()) return out;
  for (const auto& part : *content) {
    if (!part.is_object()) continue;
    const auto text = part.find("text");
    if (text == part.end() || !text->is_string()) continue;
    if (!out.empty()) out += '\n';
    out += text->get_ref<const std::string&>();
  }
  return out;
}

std::string_view message_role(const nlohmann::json& message) {
  if (!message.is_object()) return {};
  const auto role = message.find("role");
  if (role == message.end() || !role->is_string()) return {};
  return role->get_ref<const std::string&>();
}

std::vector<std::string> offered_tool_names(const nlohmann::json& body) {
  std::vector<std::string> names;
  const auto add_name = [&names](const nlohmann::json& holder) {
    if (!holder.is_object()) return;
    const auto name = holder.find("name");
    if (name != holder.end() && name->is_string()) names.push_back(name->get<std::string>());
  };
  if (const auto tools = body.find("tools"); tools != body.end() && tools->is_array()) {
    for (const auto& tool : *tools) {
      if (!tool.is_object()) continue;
      add_name(tool);  // the Responses API's flat {type, name, …}; chat's tools have no name here
      for (const char* kind : {"function", "custom"}) {
        if (const auto it = tool.find(kind); it != tool.end()) add_name(*it);
      }
    }
  }
  if (const auto functions = body.find("functions");
      functions != body.end() && functions->is_array()) {
    for (const auto& function : *functions) add_name(function);
  }
  return names;
}

}  // namespace chatmock::stubbing
