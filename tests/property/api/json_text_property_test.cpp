// The direct JSON writer (api/json_text.h) is only allowed to exist because it prints exactly
// what the nlohmann tree prints: same key order, same escapes, same numbers, same replacement of
// invalid UTF-8. These properties hold it to that for arbitrary values of every wire type.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "api/json_text.h"
#include "generators/arbitrary.h"

namespace chatmock::api {
namespace {

std::string tree_text(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

template <class T>
void check_bytes(const T& value) {
  RC_ASSERT(to_json_text(value) == tree_text(nlohmann::json(value)));
}

RC_GTEST_PROP(JsonTextProperty, CompletionMatchesTheTreeByteForByte, (const ChatCompletion& v)) {
  check_bytes(v);
}

RC_GTEST_PROP(JsonTextProperty, ChunkMatchesTheTreeByteForByte, (const ChatCompletionChunk& v)) {
  check_bytes(v);
}

// Every other wire type on its own, so a failure shrinks to the smallest type that shows it.
#define CHATMOCK_BYTES_PROPERTY(Type) \
  RC_GTEST_PROP(JsonTextProperty, Type##MatchesTheTree, (const Type& v)) { check_bytes(v); }
CHATMOCK_BYTES_PROPERTY(Function)
CHATMOCK_BYTES_PROPERTY(CustomToolCall)
CHATMOCK_BYTES_PROPERTY(ToolCall)
CHATMOCK_BYTES_PROPERTY(UrlCitation)
CHATMOCK_BYTES_PROPERTY(Annotation)
CHATMOCK_BYTES_PROPERTY(ChatCompletionAudio)
CHATMOCK_BYTES_PROPERTY(TopLogprob)
CHATMOCK_BYTES_PROPERTY(TokenLogprob)
CHATMOCK_BYTES_PROPERTY(ChoiceLogprobs)
CHATMOCK_BYTES_PROPERTY(CompletionTokensDetails)
CHATMOCK_BYTES_PROPERTY(PromptTokensDetails)
CHATMOCK_BYTES_PROPERTY(CompletionUsage)
CHATMOCK_BYTES_PROPERTY(ChatCompletionMessage)
CHATMOCK_BYTES_PROPERTY(Choice)
CHATMOCK_BYTES_PROPERTY(FunctionDelta)
CHATMOCK_BYTES_PROPERTY(ToolCallDelta)
CHATMOCK_BYTES_PROPERTY(Delta)
CHATMOCK_BYTES_PROPERTY(ChunkChoice)
CHATMOCK_BYTES_PROPERTY(ContentPart)
CHATMOCK_BYTES_PROPERTY(Message)
CHATMOCK_BYTES_PROPERTY(FunctionDefinition)
CHATMOCK_BYTES_PROPERTY(CustomToolDefinition)
CHATMOCK_BYTES_PROPERTY(Tool)
CHATMOCK_BYTES_PROPERTY(ToolChoice)
CHATMOCK_BYTES_PROPERTY(JsonSchemaFormat)
CHATMOCK_BYTES_PROPERTY(ResponseFormat)
CHATMOCK_BYTES_PROPERTY(StreamOptions)
CHATMOCK_BYTES_PROPERTY(ChatCompletionRequest)
CHATMOCK_BYTES_PROPERTY(Model)
CHATMOCK_BYTES_PROPERTY(ModelList)
#undef CHATMOCK_BYTES_PROPERTY

// What the error routes send: the body written directly, as the tree would print it.
RC_GTEST_PROP(JsonTextProperty, ApiErrorBodyMatchesTheTree, (const ApiError& error)) {
  RC_ASSERT(error.body_text() == tree_text(error.body()));
}

/// A passthrough object that may also hold the modelled keys (and keys sorting around them),
/// which the generators for round trips leave out: a written field must replace its key, an
/// unwritten one must leave it.
rc::Gen<nlohmann::json> colliding_object(std::vector<std::string> modelled) {
  modelled.insert(modelled.end(), {"", "a", "zz", "\xc3\xa9"});
  return rc::gen::exec([modelled] {
    nlohmann::json object = *property::json_object(1);
    for (const auto& key : modelled) {
      if (*rc::gen::inRange(0, 3) == 0) object[key] = *property::json_value(1);
    }
    return object;
  });
}

RC_GTEST_PROP(JsonTextProperty, ContentPartPayloadMergesLikeTheTree, (ContentPart part)) {
  part.payload = *colliding_object({"type", "text", "refusal", "image_url"});
  check_bytes(part);
}

RC_GTEST_PROP(JsonTextProperty, RequestExtraMergesLikeTheTree, (ChatCompletionRequest request)) {
  request.extra = *colliding_object({"model", "messages", "stop", "stream", "tools", "seed", "n"});
  check_bytes(request);
}

TEST(JsonText, NonObjectPassthroughContributesNothing) {
  ContentPart part;
  part.payload = nlohmann::json::array({1, 2});
  part.text = std::string("hi");
  EXPECT_EQ(to_json_text(part), tree_text(nlohmann::json(part)));
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
       {std::string("\x7f\x01\x1f\"\\/\b\f\n\r\t"), std::string("\xc0\xaf"),
        std::string("\xed\xa0\x80"), std::string("\xf4\x90\x80\x80"),
        std::string("\xf0\x9f\x98\x80 \xe2\x82\xac"), std::string("\xe2\x82"),
        std::string(1, '\0')}) {
    ChatCompletionChunk chunk;
    chunk.choices.emplace_back();
    chunk.choices.back().delta.content = text;
    chunk.obfuscation = text;
    EXPECT_EQ(to_json_text(chunk), tree_text(nlohmann::json(chunk))) << text;
    ApiError error = invalid_request(text, text, std::nullopt);
    EXPECT_EQ(error.body_text(), tree_text(error.body())) << text;
  }
}

}  // namespace
}  // namespace chatmock::api
