// ReplyDefinition: what to send back, before it is synthesized. Fixtures (`synthesize` with
// overrides) and scenarios fill it in; anything left unset is decided from the request, so an
// empty definition is the `default` scenario.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/chat_completion.h"

namespace chatmock::synthesis {

/// A tool call the reply must contain; arguments are generated from the tool's schema if unset.
struct ForcedToolCall {
  std::string name;
  std::optional<std::string> arguments;  ///< raw text, sent verbatim (may be invalid JSON)
};

/// The shape of the assistant's answer.
enum class ReplyKind {
  automatic,      ///< decided from tools, tool_choice, functions and response_format
  text,           ///< prose content
  tool_calls,     ///< message.tool_calls (a default tool is invented if none was offered)
  function_call,  ///< deprecated message.function_call
  refusal,        ///< content null, refusal text
  structured,     ///< JSON content for response_format (json_object when no schema)
};

struct ReplyDefinition {
  ReplyKind kind = ReplyKind::automatic;
  std::optional<std::string> content;      ///< exact content text
  std::optional<std::string> refusal;      ///< exact refusal text
  std::vector<ForcedToolCall> tool_calls;  ///< exact calls (names must not be offered)
  std::size_t tool_call_count = 0;         ///< calls to make when not forced; 0 → 1
  std::optional<api::FinishReason> finish_reason;
  std::optional<std::int64_t> choice_count;  ///< overrides the request's n
  bool force_logprobs = false;               ///< logprobs even if the request did not ask
  int min_words = 12;
  int max_words = 40;
};

}  // namespace chatmock::synthesis
