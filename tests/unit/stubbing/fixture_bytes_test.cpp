// Base64 and UTF-8 checks decide how recorded bytes are stored; a wrong answer would corrupt a
// replay, so both directions are checked on the RFC 4648 §10 vectors and on split characters.
#include "stubbing/fixture_bytes.h"

#include <gtest/gtest.h>

namespace chatmock::stubbing {
namespace {

TEST(FixtureBytesTest, Base64MatchesTheRfcVectorsBothWays) {
  const std::pair<const char*, const char*> vectors[] = {{"", ""},
                                                         {"f", "Zg=="},
                                                         {"fo", "Zm8="},
                                                         {"foo", "Zm9v"},
                                                         {"foob", "Zm9vYg=="},
                                                         {"fooba", "Zm9vYmE="},
                                                         {"foobar", "Zm9vYmFy"}};
  for (const auto& [plain, encoded] : vectors) {
    EXPECT_EQ(encode_base64(plain), encoded);
    EXPECT_EQ(decode_base64(encoded), plain);
  }
}

TEST(FixtureBytesTest, Base64RoundTripsEveryByteValue) {
  std::string all;
  for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
  EXPECT_EQ(decode_base64(encode_base64(all)), all);
}

TEST(FixtureBytesTest, MalformedBase64IsRefused) {
  EXPECT_FALSE(decode_base64("Zm9"));
  EXPECT_FALSE(decode_base64("Zm9v!A=="));
  EXPECT_FALSE(decode_base64("Z=9v"));
}

TEST(FixtureBytesTest, Utf8CheckAcceptsTextAndRefusesSplitCharacters) {
  const std::string euro = "\xE2\x82\xAC";
  EXPECT_TRUE(is_valid_utf8("plain ascii"));
  EXPECT_TRUE(is_valid_utf8("18 °C " + euro + " \xF0\x9F\x8C\x9E"));
  EXPECT_FALSE(is_valid_utf8(euro.substr(0, 2)));  // a write boundary inside a character
  EXPECT_FALSE(is_valid_utf8(euro.substr(1)));
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));      // overlong
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));  // surrogate
}

}  // namespace
}  // namespace chatmock::stubbing
