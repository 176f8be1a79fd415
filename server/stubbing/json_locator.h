// Line numbers for fixture errors. nlohmann reports a parse error's byte offset but keeps no
// positions in the parsed DOM, so a semantic error (found at a JSON pointer) is located by
// re-scanning the text. The scanner assumes text that already parsed as JSON.
#pragma once

#include <cstddef>
#include <string_view>

namespace chatmock::stubbing {

/// The 1-based line holding byte `offset` of `text`.
std::size_t line_of_offset(std::string_view text, std::size_t offset);
/// The 1-based line where the value at JSON pointer `pointer` starts in `text` (valid JSON);
/// the nearest enclosing value's line when the pointer goes further than the document.
std::size_t line_of_pointer(std::string_view text, std::string_view pointer);

}  // namespace chatmock::stubbing
