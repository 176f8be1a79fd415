// MatchInput: what a stub may look at in one request — the parsed JSON body and the HTTP
// envelope — plus the readings several matchers share (a message's text, the offered tools).
// Matching reads the raw JSON rather than the typed request so content parts, unknown fields and
// legacy `functions` are all visible to fixtures.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "reply/directives.h"
#include "wire/http_request.h"

namespace chatmock::stubbing {

struct MatchInput {
  const nlohmann::json& body;  ///< the request body, already a JSON object
  const wire::HttpRequest& http;
  /// X-Chatmock-Session: the key of sequences and scenario state ("" = the global session).
  std::string_view session() const { return reply::session_of(http); }
};

/// A message's text: its string content, or its text parts joined with "\n"; "" otherwise.
std::string message_text(const nlohmann::json& message);
/// The role of a message ("" when missing).
std::string_view message_role(const nlohmann::json& message);
/// Names of every tool offered: tools[].function.name, tools[].custom.name, functions[].name.
std::vector<std::string> offered_tool_names(const nlohmann::json& body);

}  // namespace chatmock::stubbing
