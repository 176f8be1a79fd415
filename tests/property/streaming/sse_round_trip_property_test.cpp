// decode(encode(events)) == events: whatever the events carry, however the framing is set per
// event (LF, CRLF, CR; with or without the space after the colon), with comment keep-alives and
// a BOM in between, and however the bytes are cut into reads (WHATWG HTML §9.2.6).
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "generators/arbitrary.h"
#include "generators/byte_fragments.h"
#include "streaming/sse_decoder.h"

namespace chatmock::streaming {
namespace {

/// One unit of a stream: an event written with its own framing, or a comment line.
struct StreamItem {
  std::optional<SseEvent> event;
  std::string comment;
  SseFraming framing;
};

/// Shows an item as the bytes it encodes to.
void showValue(const StreamItem& item, std::ostream& os) {
  const std::string bytes = item.event ? encode_event(*item.event, item.framing)
                                       : encode_comment(item.comment, item.framing);
  os << nlohmann::json(bytes).dump();
}

rc::Gen<StreamItem> stream_item(rc::Gen<SseEvent> events) {
  return rc::gen::exec([events] {
    StreamItem item;
    item.framing = *rc::gen::arbitrary<SseFraming>();
    if (*rc::gen::inRange(0, 4) == 0) {
      item.comment = *property::text(16, property::TextKind::line);
    } else {
      item.event = *events;
    }
    return item;
  });
}

struct EncodedStream {
  std::string bytes;
  std::vector<SseEvent> events;
};

EncodedStream encode(const std::vector<StreamItem>& items, bool bom) {
  EncodedStream out;
  if (bom) out.bytes = "\xEF\xBB\xBF";  // WHATWG: one leading BOM is ignored
  for (const auto& item : items) {
    if (item.event) {
      out.bytes += encode_event(*item.event, item.framing);
      out.events.push_back(*item.event);
    } else {
      out.bytes += encode_comment(item.comment, item.framing);
    }
  }
  return out;
}

std::vector<SseEvent> decode_in_fragments(const std::vector<std::string>& fragments,
                                          SseDecoder& decoder) {
  std::vector<SseEvent> events;
  for (const auto& fragment : fragments) {
    for (auto& event : decoder.feed(fragment)) events.push_back(std::move(event));
  }
  return events;
}

/// An event the no-space framing can also carry: no field value starts with a space.
bool survives_no_space_framing(const SseEvent& e) {
  const auto starts_with_space = [](std::string_view v) { return !v.empty() && v.front() == ' '; };
  std::string_view data = e.data;
  for (std::size_t start = 0;;) {
    const auto end = data.find('\n', start);
    if (starts_with_space(data.substr(start, end - start))) return false;
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return !(e.event && starts_with_space(*e.event)) && !(e.id && starts_with_space(*e.id));
}

void check_decode_inverts_encode(const std::vector<StreamItem>& items) {
  const auto stream = encode(items, *rc::gen::arbitrary<bool>());
  const auto fragments = *property::byte_fragments(stream.bytes);
  RC_LOG() << "bytes: " << nlohmann::json(stream.bytes).dump()
           << "\nfragments: " << fragments.size() << "\n";
  SseDecoder decoder;
  const auto decoded = decode_in_fragments(fragments, decoder);
  RC_ASSERT(decoded == stream.events);
  // Every event ended with a blank line, so nothing is pending at the end of the body.
  RC_ASSERT(decoder.finish().empty());
  RC_ASSERT(!decoder.last_event_unterminated());
  RC_ASSERT(decode_sse(stream.bytes) == stream.events);
}

RC_GTEST_PROP(SseRoundTripProperty, DecodeInvertsEncodeUnderAnyFragmentation, ()) {
  const auto events = rc::gen::arbitrary<SseEvent>();
  auto items = *property::small_vector(stream_item(events), 6);
  // The no-space framing cannot carry a value that starts with a space: see the skipped
  // property below. Every other event goes through it too.
  for (auto& item : items) {
    if (item.event && !survives_no_space_framing(*item.event))
      item.framing.space_after_colon = true;
  }
  check_decode_inverts_encode(items);
}

// A fixed bug this property keeps fixed: under SseFraming{space_after_colon = false} a value
// starting with a space lost it, because the decoder strips one space after the colon as WHATWG
// says. The encoder now writes the space whenever the value starts with one.
void no_space_framing_keeps_leading_spaces() {
  auto items = *property::small_vector(stream_item(rc::gen::arbitrary<SseEvent>()), 6);
  check_decode_inverts_encode(items);
}

TEST(SseRoundTripProperty, NoSpaceFramingKeepsLeadingSpaces) {
  rc::detail::checkGTest(&no_space_framing_keeps_leading_spaces);
}

RC_GTEST_PROP(SseRoundTripProperty, UnterminatedLastEventIsSurfacedAndFlagged,
              (const SseEvent& last)) {
  const auto framing = *rc::gen::arbitrary<SseFraming>();
  RC_PRE(framing.space_after_colon || survives_no_space_framing(last));
  std::string bytes = encode_event(last, framing);
  bytes.resize(bytes.size() - framing.line_ending.size());  // drop the blank line
  SseDecoder decoder;
  const auto complete = decode_in_fragments(*property::byte_fragments(bytes), decoder);
  RC_ASSERT(complete.empty());
  RC_ASSERT(decoder.finish() == std::vector<SseEvent>{last});
  RC_ASSERT(decoder.last_event_unterminated());
}

}  // namespace
}  // namespace chatmock::streaming
