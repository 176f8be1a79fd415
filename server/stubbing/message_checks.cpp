// A message matcher without an index is met by the best fitting message of its role, so a near
// miss describes the closest message rather than the first; with an index it reads that one.
#include "stubbing/message_checks.h"

#include <limits>

namespace chatmock::stubbing::pattern {

namespace {
/// A message's fields as a matcher reads them, paired with the matcher; role only by index.
struct Probe {
  const char* name;
  const StringMatcher* matcher;
  std::optional<std::string> (*read)(const nlohmann::json&);
};

std::vector<Probe> probes_of(const MessageMatcher& m) {
  std::vector<Probe> probes;
  if (m.content)
    probes.push_back(
        {"content", &*m.content, [](const nlohmann::json& msg) -> std::optional<std::string> {
           if (member(msg, "content") == nullptr) return std::nullopt;
           return message_text(msg);
         }});
  if (m.tool_call_id) {
    probes.push_back({"tool_call_id", &*m.tool_call_id, [](const nlohmann::json& msg) {
                        return string_member(msg, "tool_call_id");
                      }});
  }
  if (m.name)
    probes.push_back(
        {"name", &*m.name, [](const nlohmann::json& msg) { return string_member(msg, "name"); }});
  return probes;
}

double probe_distance(const std::vector<Probe>& probes, const nlohmann::json& message,
                      bool graded) {
  double total = 0;
  for (const auto& probe : probes) {
    const auto text = probe.read(message);
    total += text ? distance_of(*probe.matcher, *text, graded) : 1.0;
  }
  return total;
}

void check_probes(Evaluation& ev, const std::string& prefix, const std::vector<Probe>& probes,
                  const nlohmann::json* message, const char* missing) {
  for (const auto& probe : probes) {
    const auto text = message != nullptr ? probe.read(*message) : std::nullopt;
    check_text(ev, prefix + "." + probe.name, *probe.matcher, text,
               message != nullptr ? "(absent)" : missing);
  }
}

/// The message with `role` (any role when unset) that fits `probes` best, checked field by field.
void check_best(Evaluation& ev, const std::string& prefix, const std::optional<std::string>& role,
                const std::vector<Probe>& probes, const nlohmann::json& messages) {
  const nlohmann::json* best = nullptr;
  double best_distance = std::numeric_limits<double>::max();
  for (const auto& message : messages) {
    if (role && message_role(message) != *role) continue;
    const double distance = probe_distance(probes, message, ev.describing());
    if (distance < best_distance) {
      best = &message;
      best_distance = distance;
    }
    if (distance == 0) break;
  }
  if (probes.empty()) {
    ev.add(best != nullptr ? 0.0 : 1.0, [&] {
      return FieldDifference{prefix, "a message", "(none)"};
    });
    return;
  }
  check_probes(ev, prefix, probes, best, "(no such message)");
}
}  // namespace

void check_message(Evaluation& ev, const MessageMatcher& m, const nlohmann::json& messages) {
  const auto probes = probes_of(m);
  if (m.index) {
    const auto size = static_cast<std::int64_t>(messages.size());
    const std::int64_t at = *m.index < 0 ? size + *m.index : *m.index;
    const std::string prefix = "messages[" + std::to_string(*m.index) + "]";
    const nlohmann::json* message =
        at >= 0 && at < size ? &messages[static_cast<std::size_t>(at)] : nullptr;
    const std::string missing = "(" + std::to_string(size) + " messages)";
    if (m.role) {
      const auto role =
          message != nullptr ? std::optional<std::string>(message_role(*message)) : std::nullopt;
      check_text(ev, prefix + ".role", StringMatcher(StringOperator::equals, *m.role), role,
                 missing.c_str());
    } else if (probes.empty()) {
      ev.add(message != nullptr ? 0.0 : 1.0, [&] {
        return FieldDifference{prefix, "a message", missing};
      });
    }
    check_probes(ev, prefix, probes, message, missing.c_str());
    return;
  }
  check_best(ev, "messages[role=" + m.role.value_or("*") + "]", m.role, probes, messages);
}

std::optional<std::string> text_of_last(const nlohmann::json& messages, std::string_view role) {
  for (auto it = messages.rbegin(); it != messages.rend(); ++it) {
    if (message_role(*it) == role) return message_text(*it);
  }
  return std::nullopt;
}

std::optional<std::string> system_text(const nlohmann::json& messages) {
  for (const auto& message : messages) {
    const auto role = message_role(message);
    if (role == "system" || role == "developer") return message_text(message);
  }
  return std::nullopt;
}

void check_tool_result(Evaluation& ev, const ToolResultMatcher& m, const nlohmann::json& messages) {
  std::size_t results = 0;
  for (const auto& message : messages) results += message_role(message) == "tool" ? 1 : 0;
  if (!m.present) {
    ev.add(results == 0 ? 0.0 : 1.0, [&] {
      return FieldDifference{"tool_result", "no tool message",
                             std::to_string(results) + " tool messages"};
    });
    return;
  }
  MessageMatcher as_message;
  as_message.tool_call_id = m.tool_call_id;
  as_message.content = m.content;
  if (!m.tool_call_id && !m.content) {
    ev.add(results > 0 ? 0.0 : 1.0, [] {
      return FieldDifference{"tool_result", "a tool message", "(none)"};
    });
    return;
  }
  check_best(ev, "tool_result", std::string("tool"), probes_of(as_message), messages);
}

}  // namespace chatmock::stubbing::pattern
