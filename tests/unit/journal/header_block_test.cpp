// HeaderBlock packs a journal event's headers into one string: what goes in comes out, in order,
// whatever the bytes; and the journal's redaction writes straight into it.
#include "journal/header_block.h"

#include <gtest/gtest.h>

#include "journal/serve_event.h"

namespace chatmock::journal {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

TEST(HeaderBlock, GivesBackEveryHeaderInOrder) {
  HeaderBlock block;
  block.add("content-type", "application/json");
  block.add("x-empty", "");
  block.add("", "no name");
  block.add("x-binary", std::string_view("a\0b\r\n", 5));
  EXPECT_EQ(block.to_vector(), (Pairs{{"content-type", "application/json"},
                                      {"x-empty", ""},
                                      {"", "no name"},
                                      {"x-binary", std::string("a\0b\r\n", 5)}}));
  std::size_t count = 0;
  for (const auto& [name, value] : block) count += name.size() + value.size() > 0 ? 1 : 0;
  EXPECT_EQ(count, 4u);
}

TEST(HeaderBlock, EmptyBlockHasNoHeaders) {
  const HeaderBlock block;
  EXPECT_TRUE(block.empty());
  EXPECT_EQ(block.begin(), block.end());
  EXPECT_TRUE(block.to_vector().empty());
}

TEST(HeaderBlock, ValuesLongerThanAnyInlineBufferSurvive) {
  const std::string long_value(100000, 'v');
  const HeaderBlock block{{"x-long", long_value}, {"x-after", "1"}};
  EXPECT_EQ(block.to_vector(), (Pairs{{"x-long", long_value}, {"x-after", "1"}}));
}

TEST(HeaderBlock, RedactedBlockMatchesRedactHeaders) {
  const Pairs headers = {{"Authorization", "bearer sk-live-123"},
                         {"api-key", "sk-2"},
                         {"Cookie", "a=b"},
                         {"x-chatmock-seed", "7"},
                         {"OpenAI-Project", "p"}};
  EXPECT_EQ(redacted_header_block(headers).to_vector(), redact_headers(headers));
  EXPECT_EQ(redact_headers(headers), (Pairs{{"Authorization", "Bearer [REDACTED]"},
                                            {"api-key", "[REDACTED]"},
                                            {"Cookie", "[REDACTED]"},
                                            {"x-chatmock-seed", "7"},
                                            {"OpenAI-Project", "[REDACTED]"}}));
}

TEST(HeaderBlock, KeyShapedValuesAndEchoedSecretsAreRedactedInAnyHeader) {
  const Pairs headers = {{"x-goog-api-key", "AIzaFakeKey0001"},
                         {"x-note", "key sk-abcdefghijklmnopqrstuvwxyz here"},
                         {"x-echo", "AIzaFakeKey0001"},
                         {"x-ratelimit-remaining-tokens", "99"}};
  const auto redacted = redact_headers(headers);
  EXPECT_EQ(redacted, (Pairs{{"x-goog-api-key", "[REDACTED]"},
                             {"x-note", "key [REDACTED] here"},
                             {"x-echo", "[REDACTED]"},
                             {"x-ratelimit-remaining-tokens", "99"}}));
  EXPECT_EQ(redacted_header_block(headers, SecretRedactor(headers)).to_vector(), redacted);
}

}  // namespace
}  // namespace chatmock::journal
