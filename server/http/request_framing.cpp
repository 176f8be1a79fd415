// Field names are compared case-insensitively; values are trimmed of optional whitespace. Every
// Content-Length field must be one decimal number and all of them equal (RFC 9110 §8.6 lets a
// recipient accept identical duplicates); a list ("5, 5") is refused like differing values.
#include "http/request_framing.h"

#include <algorithm>

#include "text/ascii.h"

namespace chatmock::http {

namespace {

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

bool all_digits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::optional<std::string> framing_violation(std::string_view head) {
  std::optional<std::string_view> content_length;
  bool transfer_encoding = false;
  std::size_t at = head.find('\n');  // skip the request line
  while (at != std::string_view::npos && at + 1 < head.size()) {
    const auto start = at + 1;
    at = head.find('\n', start);
    auto line = head.substr(start, (at == std::string_view::npos ? head.size() : at) - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) break;  // the blank line ending the header block
    if (line.front() == ' ' || line.front() == '\t') {
      return "Request header lines may not be folded (obs-fold, RFC 9112 section 5.2).";
    }
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;  // the parser answers malformed lines itself
    const auto name = line.substr(0, colon);
    if (name.find_first_of(" \t") != std::string_view::npos) {
      return "Whitespace between a header field name and its colon is not allowed (RFC 9112 "
             "section 5.1).";
    }
    const auto value = trim(line.substr(colon + 1));
    if (text::iequals(name, "content-length")) {
      if (!all_digits(value))
        return "Content-Length must be a single decimal number, got '" + std::string(value) + "'.";
      // Leading zeros do not change the number; compare without them.
      const auto digits = value.substr(std::min(value.find_first_not_of('0'), value.size() - 1));
      if (content_length && *content_length != digits) {
        return "Conflicting Content-Length values in one request (RFC 9112 section 6.3).";
      }
      content_length = digits;
    } else if (text::iequals(name, "transfer-encoding")) {
      if (transfer_encoding || !text::iequals(value, "chunked")) {
        return "Transfer-Encoding must be exactly 'chunked'; got '" + std::string(value) + "'.";
      }
      transfer_encoding = true;
    }
  }
  if (transfer_encoding && content_length) {
    return "A request may not carry both Transfer-Encoding and Content-Length (RFC 9112 section "
           "6.3).";
  }
  return std::nullopt;
}

}  // namespace chatmock::http
