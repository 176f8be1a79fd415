// Line numbers drive every fixture error message; these pin the scanner on nesting, arrays,
// strings containing structural characters, and pointers that run past the document.
#include "stubbing/json_locator.h"

#include <gtest/gtest.h>

namespace chatmock::stubbing {
namespace {

constexpr std::string_view kText =
    "{\n"
    "  \"name\": \"a } ] , tricky \\\" string\",\n"
    "  \"list\": [\n"
    "    {\"x\": 1},\n"
    "    {\n"
    "      \"x\": 2\n"
    "    }\n"
    "  ],\n"
    "  \"a/b\": true\n"
    "}\n";

TEST(JsonLocatorTest, FindsTheLineOfNestedValues) {
  EXPECT_EQ(line_of_pointer(kText, ""), 1u);
  EXPECT_EQ(line_of_pointer(kText, "/name"), 2u);
  EXPECT_EQ(line_of_pointer(kText, "/list"), 3u);
  EXPECT_EQ(line_of_pointer(kText, "/list/0"), 4u);
  EXPECT_EQ(line_of_pointer(kText, "/list/1/x"), 6u);
  EXPECT_EQ(line_of_pointer(kText, "/a~1b"), 9u);
}

TEST(JsonLocatorTest, APointerPastTheDocumentGivesTheDeepestExistingValue) {
  EXPECT_EQ(line_of_pointer(kText, "/list/1/missing"), 5u);
  EXPECT_EQ(line_of_pointer(kText, "/list/7"), 3u);
}

TEST(JsonLocatorTest, OffsetsCountNewlinesBeforeThem) {
  EXPECT_EQ(line_of_offset("a\nb\nc", 0), 1u);
  EXPECT_EQ(line_of_offset("a\nb\nc", 2), 2u);
  EXPECT_EQ(line_of_offset("a\nb\nc", 4), 3u);
}

}  // namespace
}  // namespace chatmock::stubbing
