// ASCII case folding decides which headers count as credentials and which bodies count as JSON,
// so it must fold exactly A–Z and leave every other byte (UTF-8 included) alone.
#include "text/ascii.h"

#include <gtest/gtest.h>

namespace chatmock::text {
namespace {

TEST(Ascii, FoldsExactlyTheUpperCaseLetters) {
  for (int c = 0; c < 256; ++c) {
    const char ch = static_cast<char>(c);
    const char expected = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : ch;
    EXPECT_EQ(ascii_lower(ch), expected) << c;
  }
}

TEST(Ascii, ComparesIgnoringCaseAgainstALowerCaseNeedle) {
  EXPECT_TRUE(iequals("Content-Length", "content-length"));
  EXPECT_FALSE(iequals("Content-Lengths", "content-length"));
  EXPECT_FALSE(iequals("content-length", "Content-Length"));  // the needle must be lower case
  EXPECT_TRUE(istarts_with("Bearer sk-abc", "bearer "));
  EXPECT_FALSE(istarts_with("Bear", "bearer "));
  EXPECT_TRUE(iends_with("X-Api-KEY", "key"));
  EXPECT_FALSE(iends_with("ey", "key"));
  EXPECT_TRUE(icontains("My-PassWord-Header", "password"));
  EXPECT_TRUE(icontains("anything", ""));
  EXPECT_FALSE(icontains("jso", "json"));
  EXPECT_TRUE(icontains("Answer in JSON", "json"));
}

TEST(Ascii, LeavesNonAsciiBytesAlone) {
  EXPECT_FALSE(iequals("\xC3\x89T\xC3\x89", "\xC3\xA9t\xC3\xA9"));  // É is not folded to é
  EXPECT_TRUE(iequals("\xC3\x89T", "\xC3\x89t"));
}

}  // namespace
}  // namespace chatmock::text
