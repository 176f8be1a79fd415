// SseDecoder: the WHATWG "event stream interpretation" (html.spec.whatwg.org, §9.2.6) as an
// incremental, byte-oriented state machine. It owns line splitting, field parsing and dispatch;
// it does not know about JSON, `[DONE]` or Chat Completions (that is the client's accumulator).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "streaming/sse_event.h"

namespace chatmock::streaming {

/// Incremental WHATWG event-stream decoder: feed bytes in any fragmentation, get events.
class SseDecoder {
 public:
  /// Consumes a fragment; returns the events completed by it.
  std::vector<SseEvent> feed(std::string_view bytes);
  /// Ends the stream; returns a final event if the body ended after data lines with no blank
  /// line, and resets the decoder for a new stream.
  std::vector<SseEvent> finish();
  /// Whether the last finish() returned an event that no blank line terminated.
  bool last_event_unterminated() const { return last_event_unterminated_; }

 private:
  void process_line(std::string_view line, std::vector<SseEvent>& out);
  void dispatch(std::vector<SseEvent>& out);
  void reset_event();
  std::size_t skip_bom(std::string_view bytes);

  std::string line_;  ///< the current line's bytes when it spans feeds
  std::string data_;  ///< `data:` values of the current event, joined with "\n"
  bool has_data_ = false;
  std::optional<std::string> event_;
  std::optional<std::string> id_;
  std::optional<int> retry_;
  bool after_cr_ = false;        ///< the previous byte was '\r', so a leading '\n' is its pair
  bool at_start_ = true;         ///< no byte past a possible BOM has been seen yet
  std::size_t bom_matched_ = 0;  ///< BOM bytes seen so far at stream start
  bool last_event_unterminated_ = false;
};

/// Decodes a whole body (feed + finish), including a final event with no blank line after it.
std::vector<SseEvent> decode_sse(std::string_view body);

}  // namespace chatmock::streaming
