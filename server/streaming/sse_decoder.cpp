// The event-stream parser of html.spec.whatwg.org §9.2.6, written so that each input byte is
// scanned once: a line that spans feeds is buffered, every other line is parsed in place.
// Framing quirks it must survive are catalogued in docs/openai-behaviour.md §2.2 and §5 F (48–59).
#include "streaming/sse_decoder.h"

#include <charconv>
#include <climits>
#include <utility>

namespace chatmock::streaming {
namespace {

// UTF-8 encoding of U+FEFF; WHATWG: "One leading U+FEFF BYTE ORDER MARK character must be
// ignored if any are present."
constexpr std::string_view kBom = "\xEF\xBB\xBF";

// WHATWG retry field: "If the field value consists of only ASCII digits", else ignore it.
std::optional<int> parse_retry(std::string_view value) {
  if (value.empty()) return std::nullopt;
  for (char c : value) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  int parsed = 0;
  auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), parsed);
  if (error != std::errc{} || end != value.data() + value.size()) return std::nullopt;
  return parsed;
}

}  // namespace

std::size_t SseDecoder::skip_bom(std::string_view bytes) {
  std::size_t pos = 0;
  while (at_start_ && pos < bytes.size()) {
    if (bytes[pos] == kBom[bom_matched_]) {
      ++pos;
      if (++bom_matched_ == kBom.size()) at_start_ = false;
      continue;
    }
    // Not a BOM after all: the bytes matched so far are ordinary content of the first line.
    line_.append(kBom.substr(0, bom_matched_));
    at_start_ = false;
  }
  return pos;
}

std::vector<SseEvent> SseDecoder::feed(std::string_view bytes) {
  std::vector<SseEvent> out;
  std::size_t pos = skip_bom(bytes);
  while (pos < bytes.size()) {
    // A CRLF split across feeds: the '\n' belongs to the '\r' that already ended the line.
    if (after_cr_) {
      after_cr_ = false;
      if (bytes[pos] == '\n') {
        ++pos;
        continue;
      }
    }
    const std::size_t end = bytes.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) {
      line_.append(bytes.substr(pos));
      break;
    }
    const std::string_view segment = bytes.substr(pos, end - pos);
    if (line_.empty()) {
      process_line(segment, out);
    } else {
      line_.append(segment);
      process_line(line_, out);
      line_.clear();
    }
    after_cr_ = bytes[end] == '\r';
    pos = end + 1;
  }
  return out;
}

std::vector<SseEvent> SseDecoder::finish() {
  std::vector<SseEvent> out;
  if (at_start_) line_.append(kBom.substr(0, bom_matched_));
  // An unterminated last line is parsed as if a line ending followed it, so that a body cut
  // right after `data: {...}` still surfaces the event (the caller decides whether to use it).
  if (!line_.empty()) {
    process_line(line_, out);
    line_.clear();
  }
  // WHATWG says discard a pending event at end of stream; both SDKs do (docs/scenarios.md).
  // We return it and flag it instead.
  last_event_unterminated_ = has_data_;
  dispatch(out);
  after_cr_ = false;
  at_start_ = true;
  bom_matched_ = 0;
  return out;
}

void SseDecoder::process_line(std::string_view line, std::vector<SseEvent>& out) {
  if (line.empty()) {
    dispatch(out);
    return;
  }
  if (line.front() == ':') return;  // comment, e.g. ": OPENROUTER PROCESSING" keepalives
  std::string_view field = line;
  std::string_view value;
  if (const std::size_t colon = line.find(':'); colon != std::string_view::npos) {
    field = line.substr(0, colon);
    value = line.substr(colon + 1);
    // Exactly one leading space is stripped: "data:  {}" keeps " {}" (py `_streaming.py:392`).
    if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  }
  if (field == "data") {
    if (has_data_) data_.push_back('\n');
    data_.append(value);
    has_data_ = true;
  } else if (field == "event") {
    event_ = std::string(value);
  } else if (field == "id") {
    // WHATWG: an id containing NULL is ignored.
    if (value.find('\0') == std::string_view::npos) id_ = std::string(value);
  } else if (field == "retry") {
    if (auto retry = parse_retry(value)) retry_ = retry;
  }
  // Any other field name is ignored, as WHATWG requires.
}

void SseDecoder::dispatch(std::vector<SseEvent>& out) {
  // Only a block with at least one data line is an event. The python SDK also dispatches on
  // `id:`/`retry:`-only blocks and then fails on empty JSON (openai-python #2722, §5 #52).
  if (has_data_)
    out.push_back(SseEvent{std::move(data_), std::move(event_), std::move(id_), retry_});
  reset_event();
}

void SseDecoder::reset_event() {
  data_.clear();
  has_data_ = false;
  event_.reset();
  id_.reset();
  retry_.reset();
}

std::vector<SseEvent> decode_sse(std::string_view body) {
  SseDecoder decoder;
  std::vector<SseEvent> events = decoder.feed(body);
  std::vector<SseEvent> tail = decoder.finish();
  events.insert(events.end(), std::make_move_iterator(tail.begin()),
                std::make_move_iterator(tail.end()));
  return events;
}

}  // namespace chatmock::streaming
