// Base64 decides how recorded bytes are stored and what synthesized audio carries; a wrong
// answer corrupts a replay, so both directions are checked on the RFC 4648 §10 vectors, every
// byte value, and the API's looser acceptance of unpadded input.
#include "text/base64.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>

namespace chatmock::text {
namespace {

TEST(Base64, MatchesTheRfcVectorsBothWays) {
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

TEST(Base64, RoundTripsEveryByteValue) {
  std::string all;
  for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
  EXPECT_EQ(decode_base64(encode_base64(all)), all);
  EXPECT_TRUE(is_base64(encode_base64(all)));
}

TEST(Base64, MalformedTextIsNotDecoded) {
  EXPECT_FALSE(decode_base64("Zm9"));
  EXPECT_FALSE(decode_base64("Zm9v!A=="));
  EXPECT_FALSE(decode_base64("Z=9v"));
}

TEST(Base64, TheApisCheckTakesUnpaddedTextButNotMisplacedPadding) {
  for (const char* ok : {"AAAA", "aGk=", "aGk", "aA==", "+/9z"}) EXPECT_TRUE(is_base64(ok)) << ok;
  for (const char* bad : {"", "A", "a=b=", "aGk!", "aGk===", "aG=k", "aGk= ", "AAAAA"})
    EXPECT_FALSE(is_base64(bad)) << bad;
}

}  // namespace
}  // namespace chatmock::text
