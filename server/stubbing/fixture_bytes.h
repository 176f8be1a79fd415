// Bytes inside fixture files. JSON strings hold UTF-8 only, but a recorded write boundary can
// split a multi-byte character and a body need not be text, so such bytes travel as base64.
// This file owns that encoding and nothing else.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace chatmock::stubbing {

/// True when `bytes` is well-formed UTF-8, i.e. a JSON string can carry it verbatim.
bool is_valid_utf8(std::string_view bytes);
/// `bytes` in standard base64 with padding (RFC 4648 §4).
std::string encode_base64(std::string_view bytes);
/// The bytes `text` encodes, or nullopt when it is not padded standard base64.
std::optional<std::string> decode_base64(std::string_view text);

}  // namespace chatmock::stubbing
