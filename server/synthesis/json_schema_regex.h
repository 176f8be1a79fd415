// Matching JSON Schema "pattern" and "format" regexes in linear time with RE2: ECMAScript
// syntax RE2 shares is translated (\uHHHH, named groups); what it lacks (backreferences,
// lookarounds) makes a pattern unsupported — the check is skipped, never handed to a
// backtracking engine. Compiled patterns live in one process-wide LRU bounded in bytes.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace re2 {
class RE2;
}

namespace chatmock::synthesis {

/// Memory one compiled pattern may use (RE2's max_mem: program plus DFA caches).
inline constexpr std::size_t kRegexMemory = std::size_t{512} << 10U;
/// Total the pattern cache holds, counted as kRegexMemory per compiled pattern.
inline constexpr std::size_t kRegexCacheBytes = std::size_t{8} << 20U;

/// `pattern` in RE2 syntax, or nullopt when it uses ECMAScript features RE2 lacks.
std::optional<std::string> ecmascript_to_re2(std::string_view pattern);

/// The compiled form of an ECMAScript `pattern` from the shared cache; nullptr when RE2
/// cannot take it (unsupported syntax, too large a program).
std::shared_ptr<const re2::RE2> compiled_pattern(const std::string& pattern);

/// Whether `re` matches somewhere in `value` / the whole of `value`.
bool regex_search(const re2::RE2& re, std::string_view value);
bool regex_full_match(const re2::RE2& re, std::string_view value);

/// Patterns the cache holds now, and their accounted bytes (for tests).
std::size_t regex_cache_entries();
std::size_t regex_cache_bytes();

}  // namespace chatmock::synthesis
