// RequestPattern: what a stub matches (WireMock's RequestPattern) — the endpoint, model, messages
// (a Responses `input` read as messages) by index or
// role, the last user message, the system message, a tool result, offered tools,
// response_format, stream, include_usage, headers, metadata and a JSON subset of the whole body.
// Fields left unset match anything, which is how volatile fields (user, metadata, ids) stay
// ignored.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "stubbing/match_input.h"
#include "stubbing/match_result.h"
#include "stubbing/string_matcher.h"

namespace chatmock::stubbing {

/// One message the request must contain: at `index` (negative counts from the end), or else
/// any message with `role` (or any message at all) whose fields match.
struct MessageMatcher {
  std::optional<std::int64_t> index;
  std::optional<std::string> role;
  std::optional<StringMatcher> content;       ///< the message's text
  std::optional<StringMatcher> tool_call_id;  ///< tool messages
  std::optional<StringMatcher> name;
};

/// A tool result (a `tool` message) is present — optionally with this id or content — or absent.
struct ToolResultMatcher {
  bool present = true;
  std::optional<StringMatcher> tool_call_id;
  std::optional<StringMatcher> content;
};

/// A header or metadata key: nullopt matcher means "must be absent".
using KeyMatcher = std::pair<std::string, std::optional<StringMatcher>>;

struct RequestPattern {
  /// `url`: the endpoint; a stub without one answers chat completions (and a journal search
  /// without one looks at every request).
  std::optional<scenarios::ScenarioApi> api;
  std::optional<StringMatcher> model;
  std::vector<MessageMatcher> messages;
  std::optional<StringMatcher> last_user_message;
  std::optional<StringMatcher> system_message;  ///< the first system or developer message
  std::optional<ToolResultMatcher> tool_result;
  std::vector<std::string> tools;              ///< names that must all be offered
  std::optional<std::string> response_format;  ///< response_format.type ("text" when absent)
  std::optional<bool> stream;                  ///< `stream`; absent in the request counts as false
  std::optional<bool> include_usage;  ///< stream_options.include_usage; absent counts as false
  std::vector<KeyMatcher> headers;    ///< names lower-cased
  std::vector<KeyMatcher> metadata;
  std::optional<nlohmann::json> body;  ///< JSON subset of the whole body

  /// The endpoint a stub with this pattern answers.
  scenarios::ScenarioApi endpoint() const { return api.value_or(scenarios::ScenarioApi::chat); }
  /// The full comparison, every differing field listed (for near misses).
  MatchResult match(const MatchInput& input) const;
  /// True when every field matches; stops at the first difference (the serving path).
  bool matches(const MatchInput& input) const;
  /// How many things the pattern pins down; among equal priorities the most specific stub wins.
  std::size_t specificity() const;
};

}  // namespace chatmock::stubbing
