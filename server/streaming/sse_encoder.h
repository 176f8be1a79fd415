// SseEncoder: SseEvent → bytes as the Chat Completions API frames them (one compact `data:` line
// and a blank line, docs/openai-behaviour.md §2.1), with the framing knobs scenarios turn: line
// ending and the space after the colon. Decoding lives in sse_decoder.h.
#pragma once

#include <string>
#include <string_view>

#include "streaming/sse_event.h"

namespace chatmock::streaming {

/// The stream's terminating sentinel (`data: [DONE]`).
inline constexpr std::string_view kDoneSentinel = "[DONE]";

/// How events are written; the default is what the real API sends.
struct SseFraming {
  std::string line_ending = "\n";  ///< "\n", "\r\n" or "\r"
  bool space_after_colon = true;   ///< "data: x" vs "data:x"
};

/// One event: optional event/id/retry fields, one `data:` line per line of `data`, blank line.
std::string encode_event(const SseEvent& event, const SseFraming& framing = {});
/// A `:` comment line plus blank line (keep-alives such as ": OPENROUTER PROCESSING").
std::string encode_comment(std::string_view text, const SseFraming& framing = {});

}  // namespace chatmock::streaming
