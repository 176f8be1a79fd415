// MatchInput: what a stub may look at in one request — the parsed JSON body, the HTTP envelope
// and the API it was sent to — plus the readings several matchers share (a message's text, the
// offered tools, the conversation of either API). Matching reads the raw JSON rather than the
// typed request so content parts, unknown fields and legacy `functions` are all visible.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reply/directives.h"
#include "scenarios/scenario.h"
#include "wire/http_request.h"

namespace chatmock::stubbing {

struct MatchInput {
  const nlohmann::json& body;  ///< the request body, already a JSON object
  const wire::HttpRequest& http;
  /// X-Chatmock-Session: the key of sequences and scenario state ("" = the global session).
  std::string_view session() const { return reply::session_of(http); }
  /// The endpoint the request was sent to: Responses for a path ending in /responses.
  scenarios::ScenarioApi api() const;
};

/// The conversation matchers read as chat messages: chat's `messages` as they are (no copy), or
/// a Responses body's `instructions` (a system message) and `input` (a string is one user
/// message; message items as they are; a function_call_output is a `tool` message whose
/// tool_call_id is its call_id; other items are skipped).
class Conversation {
 public:
  explicit Conversation(const nlohmann::json& body);
  const nlohmann::json& messages() const { return view_ != nullptr ? *view_ : own_; }

 private:
  nlohmann::json own_ = nlohmann::json::array();
  const nlohmann::json* view_ = nullptr;
};

/// The URL a fixture's `url` names for `api`: /v1/chat/completions or /v1/responses.
std::string_view endpoint_url(scenarios::ScenarioApi api);
/// The endpoint a fixture's `url` names (with or without /v1); nullopt for any other URL.
std::optional<scenarios::ScenarioApi> endpoint_of_url(std::string_view url);

/// A message's text: its string content, or its text parts joined with "\n"; "" otherwise.
std::string message_text(const nlohmann::json& message);
/// The role of a message ("" when missing).
std::string_view message_role(const nlohmann::json& message);
/// Names of every tool offered: tools[].function.name, tools[].custom.name, functions[].name,
/// and the flat tools[].name of the Responses API.
std::vector<std::string> offered_tool_names(const nlohmann::json& body);

}  // namespace chatmock::stubbing
