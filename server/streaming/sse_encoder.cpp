// WHATWG HTML §9.2.6: a field line is "name: value"; data containing newlines becomes several
// data lines, which decoders join with "\n", so any payload survives encoding.
#include "streaming/sse_encoder.h"

namespace chatmock::streaming {

namespace {
void field(std::string& out, std::string_view name, std::string_view value,
           const SseFraming& framing) {
  out += name;
  // Decoders strip one space after the colon, so a value that starts with a space needs the
  // separator even when the framing omits it, or the value loses its first character.
  out += framing.space_after_colon || value.starts_with(' ') ? ": " : ":";
  out += value;
  out += framing.line_ending;
}
}  // namespace

std::string encode_event(const SseEvent& event, const SseFraming& framing) {
  std::string out;
  out.reserve(event.data.size() + 16);
  if (event.event) field(out, "event", *event.event, framing);
  if (event.id) field(out, "id", *event.id, framing);
  if (event.retry) field(out, "retry", std::to_string(*event.retry), framing);
  std::string_view rest = event.data;
  while (true) {
    const auto newline = rest.find('\n');
    field(out, "data", rest.substr(0, newline), framing);
    if (newline == std::string_view::npos) break;
    rest.remove_prefix(newline + 1);
  }
  out += framing.line_ending;
  return out;
}

std::string encode_comment(std::string_view text, const SseFraming& framing) {
  std::string out = ":";
  if (!text.empty()) {
    out += ' ';
    out += text;
  }
  out += framing.line_ending;
  out += framing.line_ending;
  return out;
}

}  // namespace chatmock::streaming
