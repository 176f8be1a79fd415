// Request framing rules (RFC 9112 §6.3): a request whose body length two parsers could read two
// ways is the root of request smuggling, so such a request is refused with 400 and its connection
// closed instead of being guessed at. Checked on the raw header block before anything parses it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace chatmock::http {

/// Why the header block `head` (request line, fields, terminating blank line) frames its body
/// ambiguously, or nullopt when it is unambiguous: Transfer-Encoding with Content-Length,
/// Content-Length values that differ or are not one decimal number, a Transfer-Encoding other
/// than `chunked`, whitespace between a field name and its colon, or a folded (obs-fold) line.
std::optional<std::string> framing_violation(std::string_view head);

}  // namespace chatmock::http
