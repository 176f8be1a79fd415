// The field-list machinery (api/wire_fields.h, wire_tree.h) on the irregular descriptors: keys
// sorted at compile time, defaults for missing keys, lenient request keys, and which keys a
// passthrough object keeps. The round-trip and byte-equality properties cover the regular ones.
#include <gtest/gtest.h>

#include "api/chat_completion_request.h"
#include "api/json_text.h"
#include "api/wire_tree.h"

namespace chatmock::api {
namespace {
using nlohmann::json;

// '_' (0x5f) sorts before 'd' (0x64): the order nlohmann's std::map prints, not the list's.
static_assert(wire::names_of<PromptTokensDetails>()[wire::key_order<PromptTokensDetails>[1]] ==
              "cache_write_tokens");
static_assert(wire::names_of<ChatCompletionChunk>()[wire::key_order<ChatCompletionChunk>[4]] ==
              "obfuscation");
static_assert(wire::has_passthrough<ContentPart> && !wire::has_passthrough<ChatCompletion>);

TEST(WireFields, MissingDefaultedKeysReadAsTheMemberDefault) {
  EXPECT_EQ(json::parse(R"({"image_url":{"url":"u"}})").get<ContentPart>().type, "text");
  EXPECT_EQ(json::parse(R"({"function":{"name":"f"}})").get<Tool>().type, "function");
  EXPECT_EQ(json::parse(R"({"index":0})").get<ChunkChoice>().delta, Delta{});
  EXPECT_THROW(json::parse(R"({"type":7})").get<Tool>(), json::type_error);
}

TEST(WireFields, NoiseAtAnUncheckedKeyStaysInThePayloadAndIsWrittenBack) {
  const auto body = json::parse(R"({"type":"image_url","image_url":{"url":"u"},"text":false})");
  const auto part = body.get<ContentPart>();
  EXPECT_TRUE(part.text.absent());
  EXPECT_EQ(part.payload, json::parse(R"({"image_url":{"url":"u"},"text":false})"));
  EXPECT_EQ(json(part), body);
  EXPECT_EQ(to_json_text(part), body.dump());
  // Where the validator checks it, the same noise is a parse error.
  EXPECT_THROW(json::parse(R"({"type":"text","text":false})").get<ContentPart>(), json::type_error);
}

TEST(WireFields, RequestKeysTheParserReadsLenientlyAreDroppedNotKept) {
  const auto request = json::parse(R"({"model":"m","messages":[],"stream":"yes","tools":"x",
      "functions":{},"logprobs":1,"stop":null,"future":[1]})")
                           .get<ChatCompletionRequest>();
  EXPECT_FALSE(request.stream);
  EXPECT_FALSE(request.logprobs);
  EXPECT_TRUE(request.tools.empty());
  EXPECT_TRUE(request.functions.empty());
  EXPECT_TRUE(request.stop.empty());
  EXPECT_EQ(request.extra, json::parse(R"({"future":[1]})"));
  EXPECT_EQ(
      json::parse(R"({"model":"m","messages":[],"stop":"end"})").get<ChatCompletionRequest>().stop,
      std::vector<std::string>{"end"});
}

TEST(WireFields, ContentIsPartsWhenAnArrayElseAStringOrNull) {
  const auto parts =
      json::parse(R"({"role":"user","content":[{"type":"text","text":"a"}]})").get<Message>();
  EXPECT_TRUE(parts.content_parts.has_value());
  EXPECT_TRUE(parts.content_text.absent());
  const auto null = json::parse(R"({"role":"assistant","content":null})").get<Message>();
  EXPECT_TRUE(null.content_text.is_null());
  EXPECT_TRUE(null.content_parts.absent());
  EXPECT_EQ(to_json_text(null), R"({"content":null,"role":"assistant"})");
  EXPECT_THROW(json::parse(R"({"role":"user","content":5})").get<Message>(), json::type_error);
}

}  // namespace
}  // namespace chatmock::api
