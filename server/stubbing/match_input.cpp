// Text parts are joined with "\n", the same reading api::Message::text() gives the synthesizer.
#include "stubbing/match_input.h"

namespace chatmock::stubbing {

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
