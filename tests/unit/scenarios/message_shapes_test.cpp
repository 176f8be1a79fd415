// The message_shapes group (docs/scenarios.md (message_shapes)): each test pins the shape a
// scenario promises, in the JSON body and in the stream, and that the two forms tell the same
// story.
#include <gtest/gtest.h>

#include <map>

#include "api/chat_completion_chunk.h"
#include "scenarios/scenario_catalogue.h"
#include "support/scenario_harness.h"

namespace chatmock::testing {
namespace {
using nlohmann::json;

void expect_model_parses(const ScenarioRun& json_run, const ScenarioRun& stream_run) {
  EXPECT_NO_THROW((void)json_run.json().get<api::ChatCompletion>());
  for (const auto& chunk : stream_run.chunks()) {
    EXPECT_NO_THROW((void)chunk.get<api::ChatCompletionChunk>()) << chunk.dump();
  }
}

/// Chunks that carry at least one choice.
std::vector<json> choice_chunks(const ScenarioRun& run) {
  std::vector<json> out;
  for (auto& chunk : run.chunks()) {
    if (!chunk["choices"].empty()) out.push_back(chunk);
  }
  return out;
}

/// The `count` code points of `text` starting at code point `start`.
std::string code_point_span(const std::string& text, std::int64_t start, std::int64_t count) {
  std::string out;
  std::int64_t index = -1;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++index;
    if (index >= start && index < start + count) out += c;
  }
  return out;
}

TEST(MessageShapesCatalogue, RegistersEveryNameWithItsSpecFlag) {
  const std::map<std::string, bool> expected = {
      {"content_null_tool_calls", false}, {"content_empty_string", false},
      {"refusal_and_logprobs", false},    {"annotations_url_citation", false},
      {"audio_message", false},           {"deprecated_function_call", false},
      {"custom_tool_call", true},         {"unknown_tool_call_type", true},
      {"multi_choice_n3", false},         {"extra_unknown_fields", false},
      {"nulls_instead_of_absent", true}};
  for (const auto& [name, breaks] : expected) {
    const auto* scenario = scenarios::builtin_catalogue().find(name);
    ASSERT_NE(scenario, nullptr) << name;
    EXPECT_EQ(scenario->breaks_spec, breaks) << name;
    EXPECT_EQ(scenario->group, "message_shapes") << name;
  }
}

TEST(ContentNullToolCalls, MessageHasNullContentAndOneFunctionCall) {
  const auto run = run_scenario("content_null_tool_calls", chat_request());
  const auto choice = run.json()["choices"][0];
  EXPECT_EQ(choice["finish_reason"], "tool_calls");
  EXPECT_TRUE(choice["message"]["content"].is_null());
  EXPECT_TRUE(choice["message"]["refusal"].is_null());
  ASSERT_EQ(choice["message"]["tool_calls"].size(), 1U);
  EXPECT_EQ(choice["message"]["tool_calls"][0]["type"], "function");
  expect_model_parses(run, run_scenario("content_null_tool_calls", chat_request(true)));
}

TEST(ContentNullToolCalls, StreamOpensWithNullContentAndTheFirstCall) {
  const auto chunks = choice_chunks(run_scenario("content_null_tool_calls", chat_request(true)));
  const auto& opener = chunks.front()["choices"][0]["delta"];
  EXPECT_EQ(opener["role"], "assistant");
  EXPECT_TRUE(opener["content"].is_null());
  EXPECT_EQ(opener["tool_calls"][0]["index"], 0);
  EXPECT_EQ(opener["tool_calls"][0]["type"], "function");
  EXPECT_EQ(opener["tool_calls"][0]["function"]["arguments"], "");
  EXPECT_EQ(chunks.back()["choices"][0]["finish_reason"], "tool_calls");
}

TEST(ContentEmptyString, ContentIsEmptyNotNullAndStreamHasOnlyOpenerAndFinish) {
  const auto json_run = run_scenario("content_empty_string", chat_request());
  const auto choice = json_run.json()["choices"][0];
  EXPECT_EQ(choice["message"]["content"], "");
  EXPECT_EQ(choice["finish_reason"], "stop");
  const auto stream_run = run_scenario("content_empty_string", chat_request(true));
  const auto chunks = choice_chunks(stream_run);
  ASSERT_EQ(chunks.size(), 2U);
  EXPECT_EQ(chunks[0]["choices"][0]["delta"]["content"], "");
  EXPECT_EQ(chunks[1]["choices"][0]["finish_reason"], "stop");
  expect_model_parses(json_run, stream_run);
}

TEST(RefusalAndLogprobs, LogprobsContentIsNullAndRefusalHoldsTheEntries) {
  const auto json_run = run_scenario("refusal_and_logprobs", chat_request());
  const auto choice = json_run.json()["choices"][0];
  EXPECT_TRUE(choice["message"]["content"].is_null());
  EXPECT_TRUE(choice["message"]["refusal"].is_string());
  EXPECT_TRUE(choice["logprobs"]["content"].is_null());
  ASSERT_FALSE(choice["logprobs"]["refusal"].empty());
  for (const char* key : {"token", "logprob", "bytes", "top_logprobs"}) {
    EXPECT_TRUE(choice["logprobs"]["refusal"][0].contains(key)) << key;
  }
  const auto stream_run = run_scenario("refusal_and_logprobs", chat_request(true));
  const auto assembled = stream_run.assembled();
  EXPECT_EQ(*assembled.choices[0].message.refusal, choice["message"]["refusal"].get<std::string>());
  ASSERT_TRUE(assembled.choices[0].logprobs.has_value());
  EXPECT_TRUE(assembled.choices[0].logprobs->content.absent() ||
              assembled.choices[0].logprobs->content.is_null());
  EXPECT_EQ(json(*assembled.choices[0].logprobs->refusal), choice["logprobs"]["refusal"]);
  expect_model_parses(json_run, stream_run);
}

TEST(AnnotationsUrlCitation, IndexesCountCodePointsOfTheCitedSpan) {
  const auto message =
      run_scenario("annotations_url_citation", chat_request()).json()["choices"][0]["message"];
  const auto content = message["content"].get<std::string>();
  EXPECT_GE(content.size(), 180U);
  ASSERT_EQ(message["annotations"].size(), 1U);
  const auto& citation = message["annotations"][0]["url_citation"];
  const auto start = citation["start_index"].get<std::int64_t>();
  const auto end = citation["end_index"].get<std::int64_t>();
  EXPECT_EQ(code_point_span(content, start, end - start),
            "the afternoon will reach 22 degrees under a mostly sunny sky");
  EXPECT_EQ(message["annotations"][0]["type"], "url_citation");
}

TEST(AnnotationsUrlCitation, NonAsciiVariantMakesCodePointAndByteOffsetsDiffer) {
  const HeaderList headers = {{"X-Chatmock-Variant", "non_ascii"}};
  const auto message = run_scenario("annotations_url_citation", chat_request(), headers)
                           .json()["choices"][0]["message"];
  const auto content = message["content"].get<std::string>();
  const auto& citation = message["annotations"][0]["url_citation"];
  const auto start = citation["start_index"].get<std::int64_t>();
  const auto end = citation["end_index"].get<std::int64_t>();
  const std::string cited = "l’après‑midi atteindra 22 °C sous un ciel 😎 plutôt ensoleillé";
  EXPECT_EQ(code_point_span(content, start, end - start), cited);
  EXPECT_NE(static_cast<std::size_t>(start), content.find(cited));
}

TEST(AnnotationsUrlCitation, StreamCarriesTheSameAnnotationsInALateDelta) {
  const HeaderList headers = {{"X-Chatmock-Variant", "non_ascii"}};
  const auto json_run = run_scenario("annotations_url_citation", chat_request(), headers);
  const auto stream_run = run_scenario("annotations_url_citation", chat_request(true), headers);
  const auto expected = json_run.json()["choices"][0]["message"]["annotations"];
  int carriers = 0;
  for (const auto& chunk : choice_chunks(stream_run)) {
    if (chunk["choices"][0]["delta"].contains("annotations")) {
      ++carriers;
      EXPECT_EQ(chunk["choices"][0]["delta"]["annotations"], expected);
    }
  }
  EXPECT_EQ(carriers, 1);
  EXPECT_EQ(stream_run.assembled().choices[0].message.content,
            json_run.json().get<api::ChatCompletion>().choices[0].message.content);
  expect_model_parses(json_run, stream_run);
}

TEST(AudioMessage, ContentIsNullAndAudioIsABase64Wav) {
  const auto run = run_scenario("audio_message", chat_request(), {{"X-Chatmock-Size", "1000"}});
  const auto body = run.json();
  const auto& message = body["choices"][0]["message"];
  EXPECT_TRUE(message["content"].is_null());
  const auto& audio = message["audio"];
  EXPECT_TRUE(audio["id"].get<std::string>().starts_with("audio_"));
  EXPECT_TRUE(audio["data"].get<std::string>().starts_with("UklGR"));  // "RIFF"
  EXPECT_EQ(audio["data"].get<std::string>().size(), (44U + 1000U + 2U) / 3U * 4U);
  EXPECT_FALSE(audio["transcript"].get<std::string>().empty());
  EXPECT_GT(audio["expires_at"].get<std::int64_t>(), body["created"].get<std::int64_t>());
  EXPECT_NO_THROW((void)body.get<api::ChatCompletion>());
}

TEST(AudioMessage, StreamSendsTranscriptAndDataPiecesThenAnExpiresAtDelta) {
  const auto audio =
      run_scenario("audio_message", chat_request()).json()["choices"][0]["message"]["audio"];
  const auto stream_run = run_scenario("audio_message", chat_request(true));
  std::string transcript;
  std::string data;
  std::vector<json> audio_deltas;
  for (const auto& chunk : choice_chunks(stream_run)) {
    const auto& delta = chunk["choices"][0]["delta"];
    if (!delta.contains("audio")) continue;
    audio_deltas.push_back(delta["audio"]);
    transcript += delta["audio"].value("transcript", "");
    data += delta["audio"].value("data", "");
  }
  ASSERT_GT(audio_deltas.size(), 3U);
  EXPECT_EQ(audio_deltas.front()["id"], audio["id"]);
  EXPECT_EQ(transcript, audio["transcript"]);
  EXPECT_EQ(data, audio["data"]);
  EXPECT_EQ(audio_deltas.back(), json({{"expires_at", audio["expires_at"]}}));
  EXPECT_EQ(choice_chunks(stream_run).back()["choices"][0]["finish_reason"], "stop");
  for (const auto& chunk : stream_run.chunks())
    EXPECT_NO_THROW((void)chunk.get<api::ChatCompletionChunk>());
}

TEST(AudioMessage, NoFinishReasonVariantEndsOnTheExpiresAtDelta) {
  const auto stream_run = run_scenario("audio_message", chat_request(true),
                                       {{"X-Chatmock-Variant", "no_finish_reason"}});
  const auto chunks = choice_chunks(stream_run);
  for (const auto& chunk : chunks) EXPECT_TRUE(chunk["choices"][0]["finish_reason"].is_null());
  EXPECT_TRUE(chunks.back()["choices"][0]["delta"]["audio"].contains("expires_at"));
  EXPECT_TRUE(stream_run.ends_with_done());
}

TEST(DeprecatedFunctionCall, MessageHasFunctionCallAndNoToolCalls) {
  const auto json_run = run_scenario("deprecated_function_call", chat_request());
  const auto choice = json_run.json()["choices"][0];
  EXPECT_EQ(choice["finish_reason"], "function_call");
  EXPECT_TRUE(choice["message"]["content"].is_null());
  EXPECT_FALSE(choice["message"].contains("tool_calls"));
  EXPECT_FALSE(choice["message"]["function_call"]["name"].get<std::string>().empty());
  EXPECT_TRUE(json::accept(choice["message"]["function_call"]["arguments"].get<std::string>()));
  const auto stream_run = run_scenario("deprecated_function_call", chat_request(true));
  const auto chunks = choice_chunks(stream_run);
  EXPECT_EQ(chunks.front()["choices"][0]["delta"]["function_call"]["arguments"], "");
  EXPECT_TRUE(chunks.front()["choices"][0]["delta"]["content"].is_null());
  const auto assembled = stream_run.assembled();
  EXPECT_EQ(json(*assembled.choices[0].message.function_call), choice["message"]["function_call"]);
  expect_model_parses(json_run, stream_run);
}

TEST(CustomToolCall, ToolCallIsCustomWithFreeTextInputInJsonAndStream) {
  const auto message =
      run_scenario("custom_tool_call", tool_request()).json()["choices"][0]["message"];
  const auto& call = message["tool_calls"][0];
  EXPECT_EQ(call["type"], "custom");
  EXPECT_FALSE(call.contains("function"));
  EXPECT_EQ(call["custom"]["name"], "sql");
  EXPECT_TRUE(call["custom"]["input"].get<std::string>().starts_with("SELECT "));
  const auto stream_run = run_scenario("custom_tool_call", tool_request(true));
  EXPECT_EQ(choice_chunks(stream_run).front()["choices"][0]["delta"]["tool_calls"][0]["type"],
            "custom");
  const auto assembled = stream_run.assembled();
  EXPECT_EQ((*assembled.choices[0].message.tool_calls)[0].custom->input,
            call["custom"]["input"].get<std::string>());
}

TEST(UnknownToolCallType, ToolCallHasTypeWebSearchAndNoFunction) {
  const auto call = run_scenario("unknown_tool_call_type", tool_request())
                        .json()["choices"][0]["message"]["tool_calls"][0];
  EXPECT_EQ(call["type"], "web_search");
  EXPECT_FALSE(call.contains("function"));
  EXPECT_EQ(call["web_search"]["query"], "weather in Paris today");
  std::string query;
  std::string type;
  for (const auto& chunk :
       choice_chunks(run_scenario("unknown_tool_call_type", tool_request(true)))) {
    const auto& delta = chunk["choices"][0]["delta"];
    if (!delta.contains("tool_calls")) continue;
    const auto& fragment = delta["tool_calls"][0];
    EXPECT_FALSE(fragment.contains("function"));
    if (fragment.contains("type")) type = fragment["type"].get<std::string>();
    query += fragment["web_search"]["query"].get<std::string>();
  }
  EXPECT_EQ(type, "web_search");
  EXPECT_EQ(query, "weather in Paris today");
}

TEST(MultiChoiceN3, ThreeChoicesStopLengthContentFilterInterleavedInTheStream) {
  const auto json_run = run_scenario("multi_choice_n3", chat_request());
  const auto body = json_run.json();
  ASSERT_EQ(body["choices"].size(), 3U);
  EXPECT_EQ(body["choices"][0]["finish_reason"], "stop");
  EXPECT_EQ(body["choices"][1]["finish_reason"], "length");
  EXPECT_EQ(body["choices"][2]["finish_reason"], "content_filter");
  const auto stream_run = run_scenario("multi_choice_n3", chat_request(true));
  const auto chunks = choice_chunks(stream_run);
  ASSERT_GE(chunks.size(), 3U);
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(chunks[static_cast<std::size_t>(i)]["choices"][0]["index"], i);
  const auto assembled = stream_run.assembled();
  ASSERT_EQ(assembled.choices.size(), 3U);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(json(assembled.choices[i].finish_reason), body["choices"][i]["finish_reason"]);
    EXPECT_EQ(json(*assembled.choices[i].message.content),
              body["choices"][i]["message"]["content"]);
  }
  expect_model_parses(json_run, stream_run);
}

TEST(ExtraUnknownFields, UnknownKeysAppearAtEveryLevelAndTheModelIgnoresThem) {
  const auto json_run = run_scenario("extra_unknown_fields", chat_request());
  const auto body = json_run.json();
  EXPECT_TRUE(body.contains("prompt_filter_results"));
  EXPECT_TRUE(body["choices"][0].contains("content_filter_results"));
  EXPECT_TRUE(body["choices"][0]["message"]["reasoning_content"].is_string());
  EXPECT_TRUE(body["usage"].contains("prompt_cache_hit_tokens"));
  const auto stream_run = run_scenario("extra_unknown_fields", chat_request(true));
  const auto chunks = stream_run.chunks();
  EXPECT_TRUE(chunks.front().contains("prompt_filter_results"));
  for (const auto& chunk : choice_chunks(stream_run)) {
    EXPECT_TRUE(chunk["choices"][0].contains("content_filter_results"));
    EXPECT_TRUE(chunk["choices"][0]["delta"].contains("reasoning_content"));
  }
  expect_model_parses(json_run, stream_run);
}

TEST(NullsInsteadOfAbsent, OptionalFieldsAreExplicitNulls) {
  const auto body = run_scenario("nulls_instead_of_absent", chat_request()).json();
  const auto& message = body["choices"][0]["message"];
  for (const char* key : {"tool_calls", "function_call", "audio", "annotations"}) {
    ASSERT_TRUE(message.contains(key)) << key;
    EXPECT_TRUE(message[key].is_null()) << key;
  }
  for (const char* key : {"usage", "service_tier", "system_fingerprint"}) {
    ASSERT_TRUE(body.contains(key)) << key;
    EXPECT_TRUE(body[key].is_null()) << key;
  }
}

TEST(NullsInsteadOfAbsent, StreamDeltasAndToolFragmentsCarryNulls) {
  const auto stream_run = run_scenario("nulls_instead_of_absent", tool_request(true));
  bool saw_null_name = false;
  for (const auto& chunk : stream_run.chunks()) {
    ASSERT_TRUE(chunk.contains("usage"));
    EXPECT_TRUE(chunk["usage"].is_null());
    for (const auto& choice : chunk["choices"]) {
      for (const char* key : {"content", "refusal", "tool_calls", "function_call"}) {
        EXPECT_TRUE(choice["delta"].contains(key)) << key;
      }
      if (!choice["delta"]["tool_calls"].is_array()) continue;
      const auto& function = choice["delta"]["tool_calls"][0]["function"];
      saw_null_name = saw_null_name || function["name"].is_null();
    }
  }
  EXPECT_TRUE(saw_null_name);
  EXPECT_EQ((*stream_run.assembled().choices[0].message.tool_calls)[0].function->name,
            "get_weather");
}

TEST(MessageShapesComposition, MultiChoiceWithUnknownFieldsKeepsBoth) {
  const auto body = run_scenario("multi_choice_n3+extra_unknown_fields", chat_request()).json();
  ASSERT_EQ(body["choices"].size(), 3U);
  EXPECT_EQ(body["choices"][2]["finish_reason"], "content_filter");
  for (const auto& choice : body["choices"]) EXPECT_TRUE(choice.contains("content_filter_results"));
  const auto chunks =
      run_scenario("content_null_tool_calls+nulls_instead_of_absent", chat_request(true)).chunks();
  EXPECT_TRUE(chunks.front()["choices"][0]["delta"]["tool_calls"].is_array());
  EXPECT_TRUE(chunks.back()["choices"][0]["delta"]["tool_calls"].is_null());
}

TEST(MessageShapesDeterminism, SameSeedGivesSameAudioBytes) {
  EXPECT_EQ(run_scenario("audio_message", chat_request(true), {}, 5).body(),
            run_scenario("audio_message", chat_request(true), {}, 5).body());
}

}  // namespace
}  // namespace chatmock::testing
