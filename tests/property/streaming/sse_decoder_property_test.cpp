// The decoder is a function of the bytes, not of how they arrive: for any byte string (biased
// towards SSE syntax, CR/LF runs, BOM pieces and split code points), feeding it whole or in any
// fragmentation yields the same events, the same final event and the same unterminated flag.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "generators/arbitrary.h"
#include "generators/byte_fragments.h"
#include "streaming/sse_decoder.h"

namespace chatmock::streaming {
namespace {

/// Bytes assembled from SSE-shaped tokens, so most draws are nearly valid streams.
rc::Gen<std::string> sse_like_bytes() {
  const auto token = rc::gen::weightedOneOf<std::string>({
      {6, rc::gen::element<std::string>("data", "data:", "data: ", "event:", "id:", "retry:", ":",
                                        " ", "x", "{}", "[DONE]", "12", "\n", "\r", "\r\n", "\n\n",
                                        "\r\r")},
      {2, rc::gen::element<std::string>("\xEF", "\xEF\xBB", "\xEF\xBB\xBF", std::string("\0", 1),
                                        "\xC3", "\xA9")},
      {2, property::text(4)},
  });
  return rc::gen::map(property::small_vector(token, 24),
                      [](const std::vector<std::string>& tokens) {
                        std::string bytes;
                        for (const auto& t : tokens) bytes += t;
                        return bytes;
                      });
}

struct Decoded {
  std::vector<SseEvent> events;
  std::vector<SseEvent> tail;
  bool unterminated = false;
  bool operator==(const Decoded&) const = default;
};

Decoded decode(const std::vector<std::string>& fragments) {
  SseDecoder decoder;
  Decoded out;
  for (const auto& fragment : fragments) {
    for (auto& event : decoder.feed(fragment)) out.events.push_back(std::move(event));
  }
  out.tail = decoder.finish();
  out.unterminated = decoder.last_event_unterminated();
  return out;
}

RC_GTEST_PROP(SseDecoderProperty, FragmentationDoesNotChangeWhatIsDecoded, ()) {
  const auto bytes = *sse_like_bytes();
  const auto fragments = *property::byte_fragments(bytes);
  RC_LOG() << "bytes: "
           << nlohmann::json(bytes).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
           << "\n";
  const auto whole = decode({bytes});
  const auto pieces = decode(fragments);
  RC_ASSERT(pieces.events == whole.events);
  RC_ASSERT(pieces.tail == whole.tail);
  RC_ASSERT(pieces.unterminated == whole.unterminated);
}

RC_GTEST_PROP(SseDecoderProperty, DecoderIsReusableAfterFinish, ()) {
  // finish() resets the decoder: a second stream decodes as if on a fresh one.
  const auto first = *sse_like_bytes();
  const auto second = *sse_like_bytes();
  SseDecoder reused;
  reused.feed(first);
  reused.finish();
  auto events = reused.feed(second);
  const auto tail = reused.finish();
  events.insert(events.end(), tail.begin(), tail.end());
  RC_ASSERT(events == decode_sse(second));
}

}  // namespace
}  // namespace chatmock::streaming
