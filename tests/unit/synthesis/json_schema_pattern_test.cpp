// Unit tests for the pattern keyword: the subset parser's trees, generated strings that match,
// RE2 matching of translated ECMAScript, unsupported syntax skipped, and the bounded cache.
#include "synthesis/json_schema_pattern.h"

#include <gtest/gtest.h>

#include <string>

#include "synthesis/json_schema_pattern_parser.h"
#include "synthesis/json_schema_regex.h"

namespace chatmock::synthesis {
namespace {

TEST(PatternParser, ReadsTheSubset) {
  const auto tree = parse_pattern("^[a-c]{2,3}(x|yz)?\\d+$", false);
  ASSERT_TRUE(tree.has_value());
  ASSERT_EQ(tree->kind, PatternNode::Kind::kAlternation);
  const PatternNode& sequence = tree->children.at(0);
  ASSERT_EQ(sequence.children.size(), 5U);  // ^ class group \d $
  EXPECT_EQ(sequence.children[1].kind, PatternNode::Kind::kClass);
  EXPECT_EQ(sequence.children[1].text, "abc");
  EXPECT_EQ(sequence.children[1].min, 2);
  EXPECT_EQ(sequence.children[1].max, 3);
  EXPECT_EQ(sequence.children[2].min, 0);
  EXPECT_EQ(sequence.children[3].max, -1);
}

TEST(PatternParser, StrictRefusesWhatRelaxedDrops) {
  for (const char* pattern : {"(?=a)b", "(a)\\1", "\\bword", "(?<!x)y"}) {
    EXPECT_FALSE(parse_pattern(pattern, false).has_value()) << pattern;
    EXPECT_TRUE(parse_pattern(pattern, true).has_value()) << pattern;
  }
  for (const char* pattern : {"(", "[a-", "*a", "a)", "^*"}) {
    EXPECT_FALSE(parse_pattern(pattern, true).has_value()) << pattern;
  }
}

TEST(PatternGeneration, CandidatesMatch) {
  Rng rng(1);
  for (const char* pattern :
       {"^[A-Z]{3}-\\d{4}$", "^(red|green|blue)$", "^\\w+@\\w+\\.com$", "^\\u0041+$"}) {
    const auto candidate = generate_pattern_match(pattern, rng, 3);
    ASSERT_TRUE(candidate.has_value()) << pattern;
    EXPECT_EQ(pattern_matches(pattern, *candidate), true) << pattern << " " << *candidate;
  }
}

TEST(PatternMatching, TranslatesEcmaScriptRe2Shares) {
  EXPECT_EQ(pattern_matches("^\\u0041\\u0062$", "Ab"), true);
  EXPECT_EQ(pattern_matches("^(?<year>\\d{4})$", "2024"), true);
  EXPECT_EQ(pattern_matches("b", "abc"), true);  // unanchored, as JSON Schema says
  EXPECT_EQ(pattern_matches("^b", "abc"), false);
}

TEST(PatternMatching, BacktrackingOnlySyntaxIsUnsupportedNotApproximated) {
  EXPECT_EQ(pattern_matches("(a)\\1", "aa"), std::nullopt);
  EXPECT_EQ(pattern_matches("(?=a)a", "a"), std::nullopt);
  EXPECT_EQ(pattern_matches("(?<!x)y", "y"), std::nullopt);
  EXPECT_EQ(pattern_matches("(", "y"), std::nullopt);
  EXPECT_EQ(ecmascript_to_re2("\\k<name>"), std::nullopt);
}

TEST(PatternMatching, CatastrophicPatternsRunInLinearTime) {
  const std::string input = std::string(4000, 'a') + "!";
  EXPECT_EQ(pattern_matches("^(a+)+$", input), false);
  EXPECT_EQ(pattern_matches("^(a|a)*$", input), false);
  EXPECT_EQ(pattern_matches("^(a|aa)+b$", input), false);
}

TEST(PatternMatching, CacheStaysWithinItsBytes) {
  for (int i = 0; i < 200; ++i) {
    EXPECT_EQ(pattern_matches("^x" + std::to_string(i) + "[a-z]{1,50}$", "x1abc"), i == 1);
  }
  EXPECT_LE(regex_cache_bytes(), kRegexCacheBytes);
  EXPECT_LE(regex_cache_entries(), kRegexCacheBytes / kRegexMemory + 1);
}

}  // namespace
}  // namespace chatmock::synthesis
