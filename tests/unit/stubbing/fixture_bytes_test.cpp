// The UTF-8 check decides whether recorded bytes are stored as text or as base64; a wrong answer
// would corrupt a replay, so it is checked on text and on characters split by a write boundary.
#include "stubbing/fixture_bytes.h"

#include <gtest/gtest.h>

namespace chatmock::stubbing {
namespace {

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
