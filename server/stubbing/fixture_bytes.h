// Bytes inside fixture files. JSON strings hold UTF-8 only, but a recorded write boundary can
// split a multi-byte character and a body need not be text, so such bytes travel as base64
// (text/base64.h); this file tells which bytes can travel as they are.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace chatmock::stubbing {

/// True when `bytes` is well-formed UTF-8, i.e. a JSON string can carry it verbatim.
bool is_valid_utf8(std::string_view bytes);

}  // namespace chatmock::stubbing
