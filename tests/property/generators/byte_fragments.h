// Splitting a byte stream into the fragments a socket might deliver: anywhere, one byte at a
// time, or preferentially at the awkward places (inside a UTF-8 sequence, between the CR and LF
// of a CRLF, right after a field's colon).
#pragma once

#include <rapidcheck.h>

#include <string>
#include <vector>

namespace chatmock::property {

/// Fragments whose concatenation is `bytes`; none is empty unless `bytes` is.
rc::Gen<std::vector<std::string>> byte_fragments(const std::string& bytes);

}  // namespace chatmock::property
