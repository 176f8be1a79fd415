// One evaluation routine serves both callers: the serving path stops at the first difference
// and builds no strings; near-miss ranking visits every field and describes each difference.
// The distance is the mean over the fields a pattern names, so a stub that differs in one of
// five fields ranks closer than one that differs in its only field (WireMock's NearMiss order).
#include "stubbing/request_pattern.h"

#include <algorithm>
#include <functional>

#include "stubbing/json_subset.h"
#include "stubbing/message_checks.h"

namespace chatmock::stubbing {

namespace {
using pattern::check_message;
using pattern::check_text;
using pattern::check_tool_result;
using pattern::Evaluation;
using pattern::member;
using pattern::string_member;
using pattern::system_text;
using pattern::text_of_last;

/// response_format.type, or the Responses API's text.format.type; "text" when absent.
std::string response_format_type(const nlohmann::json& body) {
  const auto* format = member(body, "response_format");
  if (format == nullptr) {
    const auto* text = member(body, "text");
    format = text != nullptr ? member(*text, "format") : nullptr;
  }
  return format != nullptr ? string_member(*format, "type").value_or("text") : "text";
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
