// The two sides of the "pattern" keyword: building a string from a practical subset of
// ECMAScript regex syntax, and matching it in linear time with RE2. The subset covers literals,
// classes like [a-z0-9_] and [^...], \d \w \s (and their negations), '.', the quantifiers ? * + {n}
// {n,} {n,m}, groups with alternation, \xHH/\uHHHH for printable ASCII, and the anchors ^ $.
// Outside it, a relaxed parse drops lookarounds, \b and backreferences to still give candidates.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "synthesis/random.h"

namespace chatmock::synthesis {

/// A candidate string for `pattern` (certain to match inside the subset, plausible under the
/// relaxed parse), or nullopt when neither parse succeeds; the unbounded quantifiers * + {n,}
/// repeat at most `stretch` times beyond their minimum.
std::optional<std::string> generate_pattern_match(std::string_view pattern, Rng& rng, int stretch);
/// Whether `pattern` matches somewhere in `value` (JSON Schema patterns are unanchored);
/// nullopt when the pattern is unsupported (RE2 rejects it even after translation: e.g.
/// backreferences, lookarounds) or over 1000 bytes, or `value` is over kMaxStringLength.
std::optional<bool> pattern_matches(const std::string& pattern, const std::string& value);

}  // namespace chatmock::synthesis
