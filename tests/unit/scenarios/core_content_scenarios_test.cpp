// Core scenarios that change what a message carries (choices, logprobs, annotations, audio,
// Unicode, size, structured output) or which keys it has (extra fields, minimal).
#include <gtest/gtest.h>

#include "api/chat_completion_chunk.h"
#include "core_wire_schemas.h"
#include "scenarios/core_content_hooks.h"
#include "support/scenario_harness.h"
#include "synthesis/json_schema_checker.h"

namespace chatmock::testing {
namespace {
using nlohmann::json;

const json& message_of(const json& body) { return body["choices"][0]["message"]; }

/// The code points [start, end) of UTF-8 `text`, as Python would slice it.
std::string code_point_slice(const std::string& text, std::int64_t start, std::int64_t end) {
  std::string out;
  std::int64_t index = -1;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++index;
    if (index >= start && index < end) out += c;
  }
  return out;
}

void expect_citations_index_their_links(const json& message) {
  const auto content = message["content"].get<std::string>();
  ASSERT_FALSE(message["annotations"].empty());
  for (const auto& annotation : message["annotations"]) {
    EXPECT_EQ(annotation["type"], "url_citation");
    const auto& citation = annotation["url_citation"];
    const auto cited = code_point_slice(content, citation["start_index"], citation["end_index"]);
    EXPECT_TRUE(cited.starts_with("[")) << cited;
    EXPECT_TRUE(cited.ends_with("(" + citation["url"].get<std::string>() + ")")) << cited;
    EXPECT_FALSE(citation["title"].get<std::string>().empty());
  }
}

std::string base64_decoded_prefix(const std::string& data, std::size_t bytes) {
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (const char c : data) {
    if (c == '=' || out.size() >= bytes) break;
    buffer = (buffer << 6U) | static_cast<std::uint32_t>(alphabet.find(c));
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> static_cast<unsigned>(bits)) & 0xFFU);
    }
  }
  return out;
}

TEST(MultipleChoicesScenario, SendsTwoChoicesOrTheRequestedNAndInterleavesThem) {
  EXPECT_EQ(run_scenario("multiple_choices", chat_request()).json()["choices"].size(), 2U);
  auto request = chat_request();
  request["n"] = 3;
  const auto body = run_scenario("multiple_choices", request).json();
  ASSERT_EQ(body["choices"].size(), 3U);
  for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(body["choices"][i]["index"], i);

  const auto stream = run_scenario("multiple_choices", chat_request(true));
  const auto chunks = stream.chunks();
  EXPECT_EQ(chunks[0]["choices"][0]["index"], 0);
  EXPECT_EQ(chunks[1]["choices"][0]["index"], 1);
  EXPECT_EQ(stream.assembled().choices.size(), 2U);
}

TEST(LogprobsScenario, TokensJoinToTheContentInJsonAndStream) {
  const auto body = run_scenario("logprobs", tool_request()).json();
  std::string joined;
  for (const auto& entry : body["choices"][0]["logprobs"]["content"]) {
    joined += entry["token"].get<std::string>();
    EXPECT_EQ(entry["bytes"].size(), entry["token"].get<std::string>().size());
  }
  EXPECT_EQ(joined, message_of(body)["content"]);

  const auto stream = run_scenario("logprobs", chat_request(true));
  std::string streamed;
  for (const auto& chunk : stream.chunks()) {
    const auto& logprobs = chunk["choices"][0].value("logprobs", json());
    if (!logprobs.is_object()) continue;
    for (const auto& entry : logprobs["content"]) streamed += entry["token"].get<std::string>();
  }
  EXPECT_EQ(api::Field<std::string>(streamed), stream.assembled().choices[0].message.content);
}

TEST(AnnotationsScenario, UrlCitationIndexesDelimitTheLinkInTheContent) {
  const auto body = run_scenario("annotations", chat_request()).json();
  expect_citations_index_their_links(message_of(body));

  const auto stream = run_scenario("annotations", chat_request(true));
  json streamed;
  for (const auto& chunk : stream.chunks()) {
    if (chunk["choices"][0]["delta"].contains("annotations"))
      streamed = chunk["choices"][0]["delta"]["annotations"];
  }
  EXPECT_EQ(streamed, message_of(body)["annotations"]);
  EXPECT_EQ(stream.assembled().choices[0].message.content,
            api::Field<std::string>(message_of(body)["content"].get<std::string>()));
}

TEST(AnnotationsScenario, ComposedWithUnicodeIndexesCountCodePointsNotBytes) {
  const auto body = run_scenario("unicode+annotations", chat_request()).json();
  expect_citations_index_their_links(message_of(body));
  const auto content = message_of(body)["content"].get<std::string>();
  EXPECT_LT(body["choices"][0]["message"]["annotations"][0]["url_citation"]["start_index"]
                .get<std::size_t>(),
            content.find('['));
}

TEST(AudioScenario, SendsNullContentAndAPlayableBase64WavWithTranscript) {
  const auto body = run_scenario("audio", chat_request()).json();
  const auto& audio = message_of(body)["audio"];
  EXPECT_TRUE(message_of(body)["content"].is_null());
  EXPECT_TRUE(audio["id"].get<std::string>().starts_with("audio_"));
  EXPECT_GT(audio["expires_at"].get<std::int64_t>(), body["created"].get<std::int64_t>());
  EXPECT_FALSE(audio["transcript"].get<std::string>().empty());
  const auto header = base64_decoded_prefix(audio["data"].get<std::string>(), 12);
  EXPECT_EQ(header.substr(0, 4), "RIFF");
  EXPECT_EQ(header.substr(8, 4), "WAVE");
}

TEST(AudioScenario, StreamSendsIdTranscriptAndDataPiecesThatReassembleToTheJsonAudio) {
  const auto audio = message_of(run_scenario("audio", chat_request()).json())["audio"];
  json id;
  std::string transcript;
  std::string data;
  json expires_at;
  int data_deltas = 0;
  for (const auto& chunk : run_scenario("audio", chat_request(true)).chunks()) {
    EXPECT_NO_THROW((void)chunk.get<api::ChatCompletionChunk>());
    const auto& delta = chunk["choices"][0]["delta"];
    if (!delta.contains("audio")) continue;
    const auto& piece = delta["audio"];
    if (piece.contains("id")) id = piece["id"];
    transcript += piece.value("transcript", "");
    data += piece.value("data", "");
    if (piece.contains("data")) ++data_deltas;
    if (piece.contains("expires_at")) expires_at = piece["expires_at"];
  }
  EXPECT_EQ(id, audio["id"]);
  EXPECT_EQ(transcript, audio["transcript"]);
  EXPECT_EQ(data, audio["data"]);
  EXPECT_EQ(expires_at, audio["expires_at"]);
  EXPECT_GT(data_deltas, 1);
}

TEST(UnicodeScenario, ContentMixesEmojiCjkRtlAndCombiningMarks) {
  const auto content =
      message_of(run_scenario("unicode", chat_request()).json())["content"].get<std::string>();
  auto has_lead = [&](unsigned char lo, unsigned char hi) {
    return std::any_of(content.begin(), content.end(), [&](char c) {
      const auto b = static_cast<unsigned char>(c);
      return b >= lo && b <= hi;
    });
  };
  EXPECT_TRUE(has_lead(0xF0, 0xF4)) << "4-byte emoji";
  // CJK / Hangul in the BMP (3-byte) or an extension-B ideograph (U+2xxxx, F0 A0..).
  EXPECT_TRUE(has_lead(0xE3, 0xED) || content.find("\xF0\xA0") != std::string::npos) << "CJK";
  EXPECT_TRUE(has_lead(0xD6, 0xDB)) << "Hebrew / Arabic";
  EXPECT_TRUE(has_lead(0xCC, 0xCD)) << "combining marks U+0300-U+036F";
}

TEST(UnicodeScenario, StreamWritesEndInsideMultiByteCharactersYetDecodeToTheSameText) {
  const auto json_content = message_of(run_scenario("unicode", chat_request()).json())["content"];
  const auto stream = run_scenario("unicode", chat_request(true));
  int split_characters = 0;
  for (const auto& write : stream.reply.writes) {
    const auto& bytes = write.bytes;
    std::size_t start = bytes.size();
    while (start > 0 && (static_cast<unsigned char>(bytes[start - 1]) & 0xC0U) == 0x80U) --start;
    if (start > 0 && static_cast<unsigned char>(bytes[start - 1]) >= 0xC0U) ++split_characters;
  }
  EXPECT_GT(split_characters, 3);
  EXPECT_EQ(stream.assembled().choices[0].message.content,
            api::Field<std::string>(json_content.get<std::string>()));
}

TEST(LargeScenario, ContentIsOneMebibyteByDefaultAndSizeHeaderTunesIt) {
  const auto body = run_scenario("large", chat_request()).json();
  EXPECT_EQ(message_of(body)["content"].get<std::string>().size(), 1U << 20U);
  const HeaderList size = {{"X-Chatmock-Size", "20000"}};
  EXPECT_EQ(message_of(run_scenario("large", chat_request(), size).json())["content"]
                .get<std::string>()
                .size(),
            20000U);
  const auto assembled = run_scenario("large", chat_request(true), size).assembled();
  const auto json_content =
      message_of(run_scenario("large", chat_request(), size).json())["content"].get<std::string>();
  EXPECT_EQ(assembled.choices[0].message.content, api::Field<std::string>(json_content));
}

TEST(LargeScenario, StreamCarriesTheMebibyteInBigDeltasWithUsageForAllOfIt) {
  auto request = chat_request(true);
  request["stream_options"] = {{"include_usage", true}};
  const auto stream = run_scenario("large", request);
  const auto chunks = stream.chunks();
  EXPECT_LT(chunks.size(), 80U);
  EXPECT_EQ(stream.assembled().choices[0].message.content->size(), 1U << 20U);
  EXPECT_EQ(chunks.back()["usage"]["completion_tokens"],
            run_scenario("large", chat_request()).json()["usage"]["completion_tokens"]);
}

// A token limit cuts the streamed megabyte exactly where it cuts the JSON one: same content,
// finish_reason "length" and the limit as completion_tokens.
TEST(LargeScenario, StreamHonoursTheTokenLimitAsTheJsonReplyDoes) {
  for (const char* field : {"max_tokens", "max_completion_tokens"}) {
    auto plain = chat_request();
    plain[field] = 4096;
    auto streaming = plain;
    streaming["stream"] = true;
    streaming["stream_options"] = {{"include_usage", true}};
    const auto body = run_scenario("large", plain).json();
    ASSERT_EQ(body["choices"][0]["finish_reason"], "length");
    ASSERT_EQ(body["usage"]["completion_tokens"], 4096);
    const auto stream = run_scenario("large", streaming);
    const auto assembled = stream.assembled();
    EXPECT_EQ(assembled.choices[0].finish_reason, api::FinishReason::length) << field;
    EXPECT_EQ(assembled.choices[0].message.content,
              api::Field<std::string>(message_of(body)["content"].get<std::string>()))
        << field;
    EXPECT_EQ(stream.chunks().back()["usage"], body["usage"]) << field;
  }
}

TEST(ExtraFieldsScenario, AddsUnknownKeysAtEveryLevelThatParsersIgnore) {
  const auto body = run_scenario("extra_fields", tool_request()).json();
  EXPECT_TRUE(body.contains("prompt_filter_results"));
  EXPECT_TRUE(body["choices"][0].contains("content_filter_results"));
  EXPECT_TRUE(message_of(body).contains("reasoning_details"));
  EXPECT_TRUE(message_of(body)["tool_calls"][0].contains("extra_content"));
  EXPECT_TRUE(body["usage"].contains("prompt_cache_hit_tokens"));
  EXPECT_EQ(body.get<api::ChatCompletion>(),
            run_scenario("default", tool_request()).json().get<api::ChatCompletion>());

  for (const auto& chunk : run_scenario("extra_fields", chat_request(true)).chunks()) {
    EXPECT_TRUE(chunk.contains("provider"));
    EXPECT_TRUE(chunk["choices"][0]["delta"].contains("reasoning_content"));
  }
}

TEST(MinimalScenario, KeepsOnlyRequiredKeys) {
  const auto body = run_scenario("minimal", chat_request()).json();
  std::set<std::string> keys;
  for (const auto& [key, value] : body.items()) keys.insert(key);
  EXPECT_EQ(keys, (std::set<std::string>{"id", "object", "created", "model", "choices"}));
  std::set<std::string> message_keys;
  for (const auto& [key, value] : message_of(body).items()) message_keys.insert(key);
  EXPECT_EQ(message_keys, (std::set<std::string>{"role", "content", "refusal"}));
  EXPECT_TRUE(body["choices"][0].contains("logprobs"));

  auto request = chat_request(true);
  request["stream_options"] = {{"include_usage", true}};
  for (const auto& chunk : run_scenario("minimal", request).chunks()) {
    for (const char* key : {"usage", "obfuscation", "service_tier", "system_fingerprint"})
      EXPECT_FALSE(chunk.contains(key));
    for (const auto& [key, value] : chunk["choices"][0]["delta"].items())
      EXPECT_FALSE(value.is_null()) << key;
  }
}

TEST(StructuredOutputScenario, ContentValidatesAgainstTheRequestSchema) {
  auto request = chat_request();
  const json schema = {{"type", "object"},
                       {"properties",
                        {{"city", {{"type", "string"}}},
                         {"temperature_c", {{"type", "number"}, {"minimum", -40}, {"maximum", 50}}},
                         {"conditions", {{"enum", {"sunny", "cloudy", "rain"}}}}}},
                       {"required", {"city", "temperature_c", "conditions"}},
                       {"additionalProperties", false}};
  request["response_format"] = {
      {"type", "json_schema"},
      {"json_schema", {{"name", "weather"}, {"strict", true}, {"schema", schema}}}};
  const auto content = json::parse(
      message_of(run_scenario("structured_output", request).json())["content"].get<std::string>());
  EXPECT_TRUE(synthesis::check_instance(schema, content).empty()) << content.dump();

  request["stream"] = true;
  const auto streamed = json::parse(
      *run_scenario("structured_output", request).assembled().choices[0].message.content);
  EXPECT_TRUE(synthesis::check_instance(schema, streamed).empty()) << streamed.dump();
}

TEST(StructuredOutputScenario, UsesTheDefaultSchemaWhenTheRequestNamesNone) {
  const auto content =
      json::parse(message_of(run_scenario("structured_output", tool_request()).json())["content"]
                      .get<std::string>());
  EXPECT_TRUE(
      synthesis::check_instance(scenarios::default_structured_output_schema(), content).empty())
      << content.dump();
}

TEST(CoreScenarioComposition, ExtraFieldsOnARefusalKeepTheRefusal) {
  const auto body = run_scenario("refusal+extra_fields", chat_request()).json();
  EXPECT_TRUE(message_of(body)["refusal"].is_string());
  EXPECT_TRUE(message_of(body).contains("reasoning_details"));
}

}  // namespace
}  // namespace chatmock::testing
