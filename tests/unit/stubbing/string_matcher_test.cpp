// The three operators and the distance that ranks near misses.
#include "stubbing/string_matcher.h"

#include <gtest/gtest.h>

#include <regex>

namespace chatmock::stubbing {
namespace {

TEST(StringMatcherTest, EqualsContainsAndRegexMatchAsDocumented) {
  EXPECT_TRUE(StringMatcher(StringOperator::equals, "gpt-4o").matches("gpt-4o"));
  EXPECT_FALSE(StringMatcher(StringOperator::equals, "gpt-4o").matches("gpt-4o-mini"));
  EXPECT_TRUE(StringMatcher(StringOperator::contains, "weather").matches("What's the weather?"));
  EXPECT_TRUE(
      StringMatcher(StringOperator::regex, "weather in [A-Z]").matches("the weather in Paris"));
  EXPECT_FALSE(StringMatcher(StringOperator::regex, "^weather").matches("the weather"));
}

TEST(StringMatcherTest, AnInvalidRegexThrowsAtConstruction) {
  EXPECT_THROW(StringMatcher(StringOperator::regex, "(unclosed"), std::regex_error);
}

TEST(StringMatcherTest, RegexOnAHugeTextLooksAtItsStartOnly) {
  const std::string huge = "needle" + std::string(100 * 1024, 'x') + "tail";
  EXPECT_TRUE(StringMatcher(StringOperator::regex, "^needle.*").matches(huge));
  EXPECT_FALSE(StringMatcher(StringOperator::regex, "tail$").matches(huge));
  EXPECT_TRUE(StringMatcher(StringOperator::contains, "tail").matches(huge));
}

TEST(StringMatcherTest, DistanceIsZeroOnAMatchAndGrowsWithDifference) {
  const StringMatcher matcher(StringOperator::equals, "chatmock-agent-demo");
  EXPECT_EQ(matcher.distance("chatmock-agent-demo"), 0.0);
  const double typo = matcher.distance("chatmock-agent-dem0");
  const double other = matcher.distance("gpt-4o");
  EXPECT_GT(typo, 0.0);
  EXPECT_LT(typo, other);
  EXPECT_LE(other, 1.0);
}

TEST(StringMatcherTest, TextDistanceIsNormalisedEvenForLongTexts) {
  EXPECT_EQ(text_distance("", ""), 0.0);
  EXPECT_EQ(text_distance("abc", ""), 1.0);
  const std::string long_text(4000, 'a');
  const double one_change = text_distance(long_text, long_text.substr(0, 3999) + "b");
  EXPECT_GT(one_change, 0.0);
  EXPECT_LT(one_change, 0.01);
}

TEST(StringMatcherTest, DescriptionsQuoteAndShortenOperands) {
  EXPECT_EQ(StringMatcher(StringOperator::contains, "say \"hi\"").describe(),
            "contains \"say \\\"hi\\\"\"");
  EXPECT_EQ(StringMatcher(StringOperator::regex, "^a$").describe(), "regex /^a$/");
  EXPECT_EQ(quote_for_message(std::string(100, 'x')).size(), 80u + 2u + std::string("…").size());
}

}  // namespace
}  // namespace chatmock::stubbing
