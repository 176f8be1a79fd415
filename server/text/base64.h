// Base64 (RFC 4648 §4, standard alphabet): the one home for encoding fixture bytes and
// synthesized audio, decoding fixture bytes, and checking what a request claims is base64.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace chatmock::text {

/// `bytes` in standard base64 with padding.
std::string encode_base64(std::string_view bytes);
/// The bytes `text` encodes, or nullopt when it is not padded standard base64.
std::optional<std::string> decode_base64(std::string_view text);
/// True when `text` is standard base64 as the API takes it: padding optional but well placed.
bool is_base64(std::string_view text);

}  // namespace chatmock::text
