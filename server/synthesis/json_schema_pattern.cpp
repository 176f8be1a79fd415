// Building strings from a parsed pattern by a random walk over its tree, and matching with RE2
// (json_schema_regex.h: linear time, a bounded shared cache). Generated strings are not
// trusted: callers confirm them with pattern_matches, so a lenient parse costs a retry.
#include "synthesis/json_schema_pattern.h"

#include <cstddef>
#include <cstdint>
#include <exception>

#include "synthesis/json_schema_keywords.h"
#include "synthesis/json_schema_pattern_parser.h"
#include "synthesis/json_schema_regex.h"

namespace chatmock::synthesis {

namespace {

constexpr std::size_t kMaxPatternLength = 1000;
constexpr long kMaxEmitSteps = 100'000;

// `steps` bounds the walk: repeated empty groups like ((){1000}){1000} never grow `out`.
void emit(const PatternNode& node, Rng& rng, int stretch, long& steps, std::string& out) {
  const int max = node.max < 0 ? node.min + stretch : node.max;
  const auto count = rng.between(node.min, max);
  for (std::int64_t i = 0; i < count && out.size() <= kMaxStringLength && --steps > 0; ++i) {
    switch (node.kind) {
      case PatternNode::Kind::kLiteral:
        out += node.text;
        break;
      case PatternNode::Kind::kClass:
        out += node.text[rng.next() % node.text.size()];
        break;
      case PatternNode::Kind::kSequence:
        for (const auto& child : node.children) emit(child, rng, stretch, steps, out);
        break;
      case PatternNode::Kind::kAlternation:
        emit(node.children[rng.next() % node.children.size()], rng, stretch, steps, out);
        break;
    }
  }
}

}  // namespace

std::optional<std::string> generate_pattern_match(std::string_view pattern, Rng& rng, int stretch) {
  if (pattern.size() > kMaxPatternLength) return std::nullopt;
  auto root = parse_pattern(pattern, false);
  if (!root) root = parse_pattern(pattern, true);
  if (!root) return std::nullopt;
  std::string out;
  long steps = kMaxEmitSteps;
  emit(*root, rng, stretch < 0 ? 0 : stretch, steps, out);
  if (out.size() > kMaxStringLength || steps <= 0) return std::nullopt;
  return out;
}

std::optional<bool> pattern_matches(const std::string& pattern, const std::string& value) {
  if (pattern.size() > kMaxPatternLength || value.size() > kMaxStringLength) return std::nullopt;
  try {
    const auto compiled = compiled_pattern(pattern);
    if (compiled == nullptr) return std::nullopt;
    return regex_search(*compiled, value);
  } catch (const std::exception&) {
    return std::nullopt;  // allocation failure
  }
}

}  // namespace chatmock::synthesis
