// One evaluation routine serves both callers: the serving path stops at the first difference
// and builds no strings; near-miss ranking visits every field and describes each difference.
// The distance is the mean over the fields a pattern names, so a stub that differs in one of
// five fields ranks closer than one that differs in its only field (WireMock's NearMiss order).
#include "stubbing/request_pattern.h"

#include <algorithm>
#include <functional>
#include <limits>

#include "stubbing/json_subset.h"

namespace chatmock::stubbing {

namespace {
class Evaluation {
 public:
  explicit Evaluation(bool stop_at_first) : stop_(stop_at_first) {}
  bool stopped() const { return stop_ && !result_.differences.empty(); }
  bool describing() const { return !stop_; }

  /// Counts one field; `describe()` -> FieldDifference runs only for a described miss.
  template <class Describe>
  void add(double distance, const Describe& describe) {
    ++fields_;
    total_ += distance;
    if (distance <= 0) return;
    result_.differences.push_back(stop_ ? FieldDifference{} : describe());
  }
  void add_weighted(std::size_t fields, std::size_t misses, FieldDifference difference) {
    fields_ += static_cast<double>(fields);
    total_ += static_cast<double>(misses);
    if (misses > 0) result_.differences.push_back(std::move(difference));
  }
  MatchResult finish() {
    result_.distance = fields_ == 0 ? 0 : total_ / fields_;
    result_.fields = static_cast<std::size_t>(fields_);
    return std::move(result_);
  }

 private:
  bool stop_;
  double fields_ = 0;
  double total_ = 0;
  MatchResult result_;
};

const nlohmann::json* member(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

/// A string member, or nullopt when it is missing or not a string.
std::optional<std::string> string_member(const nlohmann::json& object, const char* key) {
  const auto* value = member(object, key);
  if (value == nullptr || !value->is_string()) return std::nullopt;
  return value->get<std::string>();
}

/// The distance of `text` from `matcher`; a plain yes/no when only a yes/no is needed, since
/// the edit distance of a miss costs far more than the comparison.
double distance_of(const StringMatcher& matcher, std::string_view text, bool graded) {
  if (graded) return matcher.distance(text);
  return matcher.matches(text) ? 0.0 : 1.0;
}

/// response_format.type, or the Responses API's text.format.type; "text" when absent.
std::string response_format_type(const nlohmann::json& body) {
  const auto* format = member(body, "response_format");
  if (format == nullptr) {
    const auto* text = member(body, "text");
    format = text != nullptr ? member(*text, "format") : nullptr;
  }
  return format != nullptr ? string_member(*format, "type").value_or("text") : "text";
}

void check_text(Evaluation& ev, const std::string& field, const StringMatcher& matcher,
                const std::optional<std::string>& text, const char* missing = "(absent)") {
  const double distance = text ? distance_of(matcher, *text, ev.describing()) : 1.0;
  ev.add(distance, [&] {
    return FieldDifference{field, matcher.describe(), text ? quote_for_message(*text) : missing};
  });
}

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

void check_tools(Evaluation& ev, const std::vector<std::string>& wanted,
                 const nlohmann::json& body) {
  const auto offered = offered_tool_names(body);
  std::size_t missing = 0;
  for (const auto& name : wanted) {
    if (std::find(offered.begin(), offered.end(), name) == offered.end()) ++missing;
  }
  const auto list = [](const std::vector<std::string>& names) {
    std::string out = "[";
    for (const auto& name : names) out += (out.size() > 1 ? ", " : "") + name;
    return out + "]";
  };
  ev.add(static_cast<double>(missing) / static_cast<double>(wanted.size()), [&] {
    return FieldDifference{"tools", "offered " + list(wanted), "offered " + list(offered)};
  });
}

void check_keys(Evaluation& ev, const char* prefix, const std::vector<KeyMatcher>& keys,
                const std::function<std::optional<std::string>(const std::string&)>& read) {
  for (const auto& [key, matcher] : keys) {
    if (ev.stopped()) return;
    const auto value = read(key);
    const std::string field = std::string(prefix) + "." + key;
    if (!matcher) {
      ev.add(value ? 1.0 : 0.0, [&] {
        return FieldDifference{field, "absent", quote_for_message(*value)};
      });
      continue;
    }
    check_text(ev, field, *matcher, value);
  }
}

/// A boolean request flag (absent or not a boolean counts as false) against the stub's value.
void check_flag(Evaluation& ev, const char* field, bool expected, const nlohmann::json* actual) {
  const bool set = actual != nullptr && actual->is_boolean() && actual->get<bool>();
  ev.add(set == expected ? 0.0 : 1.0, [&] {
    return FieldDifference{field, expected ? "true" : "false", set ? "true" : "false"};
  });
}

MatchResult evaluate(const RequestPattern& p, const MatchInput& input, bool stop_at_first) {
  Evaluation ev(stop_at_first);
  const auto& body = input.body;
  const Conversation conversation(body);
  const auto& messages = conversation.messages();
  if (p.api) {
    const auto sent_to = input.api();
    ev.add(sent_to == *p.api ? 0.0 : 1.0, [&] {
      return FieldDifference{"url", std::string(endpoint_url(*p.api)),
                             std::string(endpoint_url(sent_to))};
    });
  }
  if (!ev.stopped() && p.model) check_text(ev, "model", *p.model, string_member(body, "model"));
  if (!ev.stopped() && p.stream) check_flag(ev, "stream", *p.stream, member(body, "stream"));
  if (!ev.stopped() && p.include_usage) {
    const auto* options = member(body, "stream_options");
    check_flag(ev, "stream_options.include_usage", *p.include_usage,
               options != nullptr ? member(*options, "include_usage") : nullptr);
  }
  if (!ev.stopped() && p.response_format) {
    const auto type = response_format_type(body);
    ev.add(type == *p.response_format ? 0.0 : 1.0, [&] {
      return FieldDifference{"response_format", quote_for_message(*p.response_format),
                             quote_for_message(type)};
    });
  }
  if (!ev.stopped() && !p.tools.empty()) check_tools(ev, p.tools, body);
  if (!ev.stopped() && p.last_user_message) {
    check_text(ev, "last_user_message", *p.last_user_message, text_of_last(messages, "user"),
               "(no user message)");
  }
  if (!ev.stopped() && p.system_message) {
    check_text(ev, "system_message", *p.system_message, system_text(messages),
               "(no system message)");
  }
  if (!ev.stopped() && p.tool_result) check_tool_result(ev, *p.tool_result, messages);
  for (const auto& m : p.messages) {
    if (ev.stopped()) break;
    check_message(ev, m, messages);
  }
  if (!ev.stopped()) {
    check_keys(ev, "headers", p.headers,
               [&](const std::string& name) -> std::optional<std::string> {
                 if (!input.http.has_header(name)) return std::nullopt;
                 return std::string(input.http.header(name));
               });
  }
  if (!ev.stopped()) {
    const auto* metadata = member(body, "metadata");
    check_keys(ev, "metadata", p.metadata,
               [&](const std::string& key) -> std::optional<std::string> {
                 return metadata != nullptr ? string_member(*metadata, key.c_str()) : std::nullopt;
               });
  }
  if (!ev.stopped() && p.body) {
    const auto comparison = compare_subset(*p.body, body, stop_at_first);
    ev.add_weighted(comparison.leaves, comparison.mismatches,
                    {comparison.path, comparison.expected, comparison.actual});
  }
  return ev.finish();
}
}  // namespace

MatchResult RequestPattern::match(const MatchInput& input) const {
  return evaluate(*this, input, false);
}

bool RequestPattern::matches(const MatchInput& input) const {
  return evaluate(*this, input, true).is_exact_match();
}

std::size_t RequestPattern::specificity() const {
  std::size_t count = (api ? 1 : 0) + (model ? 1 : 0) + (last_user_message ? 1 : 0) +
                      (system_message ? 1 : 0) + (response_format ? 1 : 0) + (stream ? 1 : 0) +
                      (include_usage ? 1 : 0) + tools.size() + headers.size() + metadata.size();
  for (const auto& m : messages) {
    count +=
        1 + (m.content ? 1 : 0) + (m.tool_call_id ? 1 : 0) + (m.name ? 1 : 0) + (m.role ? 1 : 0);
  }
  if (tool_result)
    count += 1 + (tool_result->tool_call_id ? 1 : 0) + (tool_result->content ? 1 : 0);
  if (body) count += count_leaves(*body);
  return count;
}

}  // namespace chatmock::stubbing
