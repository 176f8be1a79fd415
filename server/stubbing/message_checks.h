// The message matchers of a RequestPattern — by index or role, the best fitting message, the
// tool result, the last user and the system message — over a conversation as chat messages
// (stubbing::Conversation reads a Responses body that way).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "stubbing/pattern_evaluation.h"
#include "stubbing/request_pattern.h"

namespace chatmock::stubbing::pattern {

/// Counts `m`'s fields against `messages`.
void check_message(Evaluation& ev, const MessageMatcher& m, const nlohmann::json& messages);
/// Counts `m` (a tool message present or absent, with this id or content) against `messages`.
void check_tool_result(Evaluation& ev, const ToolResultMatcher& m, const nlohmann::json& messages);
/// The text of the last message with `role`; nullopt when there is none.
std::optional<std::string> text_of_last(const nlohmann::json& messages, std::string_view role);
/// The text of the first system or developer message; nullopt when there is none.
std::optional<std::string> system_text(const nlohmann::json& messages);

}  // namespace chatmock::stubbing::pattern
