// The direct JSON writer (api/json_text.h) is only allowed to exist because it prints exactly
// what the nlohmann tree prints: same key order, same escapes, same numbers, same replacement of
// invalid UTF-8. These properties hold it to that for arbitrary completions and chunks.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "api/json_text.h"
#include "generators/arbitrary.h"

namespace chatmock::api {
namespace {

std::string tree_text(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

RC_GTEST_PROP(JsonTextProperty, CompletionMatchesTheTreeByteForByte, (const ChatCompletion& v)) {
  RC_ASSERT(to_json_text(v) == tree_text(nlohmann::json(v)));
}

RC_GTEST_PROP(JsonTextProperty, ChunkMatchesTheTreeByteForByte, (const ChatCompletionChunk& v)) {
  RC_ASSERT(to_json_text(v) == tree_text(nlohmann::json(v)));
}

// Strings the generators may rarely reach: every control byte, DEL, invalid and overlong UTF-8,
// surrogates encoded as UTF-8, and astral code points.
RC_GTEST_PROP(JsonTextProperty, AnyBytesInContentMatchTheTree, (const std::string& bytes)) {
  ChatCompletion completion;
  completion.choices.emplace_back();
  completion.choices.back().message.content = bytes;
  RC_ASSERT(to_json_text(completion) == tree_text(nlohmann::json(completion)));
}

TEST(JsonText, HandPickedAwkwardStrings) {
  for (const std::string& text :
       {std::string("\x7f\x01\x1f\"\\/\b\f\n\r\t"), std::string("\xc0\xaf"), std::string("\xed\xa0\x80"),
        std::string("\xf4\x90\x80\x80"), std::string("\xf0\x9f\x98\x80 \xe2\x82\xac"), std::string("\xe2\x82"),
        std::string(1, '\0')}) {
    ChatCompletionChunk chunk;
    chunk.choices.emplace_back();
    chunk.choices.back().delta.content = text;
    chunk.obfuscation = text;
    EXPECT_EQ(to_json_text(chunk), tree_text(nlohmann::json(chunk))) << text;
  }
}

}  // namespace
}  // namespace chatmock::api
