// Parsing the practical regex subset behind the "pattern" keyword into a small tree that
// json_schema_pattern.cpp walks to build matching strings. It does not match strings; that is
// RE2's job in pattern_matches.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chatmock::synthesis {

/// One node of a parsed pattern, repeated min..max times.
struct PatternNode {
  enum class Kind {
    kLiteral,      ///< Emits `text` verbatim (one character, or one UTF-8 code point).
    kClass,        ///< Emits one byte chosen from `text`.
    kSequence,     ///< Emits every child in order.
    kAlternation,  ///< Emits one child.
  };
  Kind kind = Kind::kSequence;        ///< What the node emits.
  std::string text;                   ///< The literal, or the class's member bytes.
  std::vector<PatternNode> children;  ///< Sequence items or alternatives.
  int min = 1;                        ///< Fewest repetitions.
  int max = 1;                        ///< Most repetitions; negative means unbounded.
};

/// The tree for `pattern` in the subset or nullopt; `relaxed` drops lookarounds, \b and
/// backreferences instead of refusing them.
std::optional<PatternNode> parse_pattern(std::string_view pattern, bool relaxed);

}  // namespace chatmock::synthesis
