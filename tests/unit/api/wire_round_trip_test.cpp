// Parsing a real-API-shaped body into the model and writing it back gives the same JSON —
// absent stays absent, null stays null, unknown values survive — for every wire type.
#include <gtest/gtest.h>

#include "api/chat_completion.h"
#include "api/chat_completion_chunk.h"
#include "api/chat_completion_request.h"

namespace chatmock::api {
namespace {

template <typename T>
void expect_round_trip(const nlohmann::json& original) {
  const nlohmann::json written = original.get<T>();
  EXPECT_EQ(written, original) << "diff: " << nlohmann::json::diff(original, written).dump();
}

TEST(WireRoundTrip, CompletionWithToolCallsLogprobsUsageDetailsAndNulls) {
  expect_round_trip<ChatCompletion>(nlohmann::json::parse(R"({
    "id":"chatcmpl-1","object":"chat.completion","created":1735689600,"model":"gpt-4o-2024-08-06",
    "choices":[{"index":0,"finish_reason":"tool_calls","logprobs":null,
      "message":{"role":"assistant","content":null,"refusal":null,"annotations":[],
        "tool_calls":[{"id":"call_a","type":"function","function":{"name":"f","arguments":"{\"a\":1}"}}]}},
      {"index":1,"finish_reason":"stop",
       "logprobs":{"content":[{"token":"Hi","logprob":-0.1,"bytes":[72,105],
                   "top_logprobs":[{"token":"Hi","logprob":-0.1,"bytes":null}]}],"refusal":null},
       "message":{"role":"assistant","content":"Hi","refusal":null,"annotations":[
         {"type":"url_citation","url_citation":{"start_index":0,"end_index":2,"url":"https://a.example","title":"A"}}]}}],
    "usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7,
      "prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},
      "completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,
        "accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},
    "service_tier":"default","system_fingerprint":"fp_1"})"));
}

TEST(WireRoundTrip, CompletionWithRefusalAudioAndFunctionCall) {
  expect_round_trip<ChatCompletion>(nlohmann::json::parse(R"({
    "id":"chatcmpl-2","object":"chat.completion","created":1,"model":"m",
    "choices":[{"index":0,"finish_reason":"function_call","logprobs":null,
      "message":{"role":"assistant","content":null,"refusal":"No.","annotations":[],
        "function_call":{"name":"f","arguments":"{}"},
        "audio":{"id":"audio_1","expires_at":2,"data":"AAAA","transcript":"hi"}}}]})"));
}

TEST(WireRoundTrip, ChunksWithToolDeltasUsageAndObfuscation) {
  expect_round_trip<ChatCompletionChunk>(nlohmann::json::parse(R"({
    "id":"chatcmpl-3","object":"chat.completion.chunk","created":1,"model":"m","system_fingerprint":null,
    "obfuscation":"xyz","usage":null,
    "choices":[{"index":0,"logprobs":null,"finish_reason":null,
      "delta":{"role":"assistant","content":null,
        "tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"f","arguments":""}}]}}]})"));
  expect_round_trip<ChatCompletionChunk>(nlohmann::json::parse(R"({
    "id":"chatcmpl-3","object":"chat.completion.chunk","created":1,"model":"m","choices":[],
    "usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3}})"));
}

TEST(WireRoundTrip, TriStateFieldsStayAbsentOrNull) {
  const auto absent =
      nlohmann::json::parse(R"({"index":0,"delta":{},"finish_reason":"stop"})").get<ChunkChoice>();
  EXPECT_TRUE(absent.logprobs.absent());
  const auto null =
      nlohmann::json::parse(R"({"index":0,"delta":{},"finish_reason":"stop","logprobs":null})")
          .get<ChunkChoice>();
  EXPECT_TRUE(null.logprobs.is_null());
  EXPECT_FALSE(nlohmann::json(absent).contains("logprobs"));
  EXPECT_TRUE(nlohmann::json(null)["logprobs"].is_null());
}

TEST(WireRoundTrip, RequestKeepsEveryKnownFieldAndTheUnknownOnes) {
  const auto request = nlohmann::json::parse(R"({
    "model":"gpt-4o","messages":[{"role":"system","content":"s"},
      {"role":"user","content":[{"type":"text","text":"hi"}]}],
    "tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object"}}}],
    "tool_choice":{"type":"function","function":{"name":"f"}},
    "response_format":{"type":"json_schema","json_schema":{"name":"r","schema":{"type":"object"},"strict":true}},
    "stream":true,"stream_options":{"include_usage":true},"n":2,"seed":3,"future_param":{"x":1}})");
  const auto typed = request.get<ChatCompletionRequest>();
  EXPECT_EQ(typed.messages[1].text(), "hi");
  EXPECT_EQ(typed.choice_count(), 2);
  EXPECT_EQ(nlohmann::json(typed)["future_param"], request["future_param"]);
}

// Found by the fixture_loader fuzzer: nlohmann converts a float to an integer with a plain cast,
// undefined behaviour beyond the integer's range. Such a number is now a type error.
TEST(WireRoundTrip, IntegerFieldsRefuseFloatsBeyondTheirRange) {
  for (const char* number : {"-92233720368547758080", "9.3e18", "1e300"}) {
    const auto usage =
        nlohmann::json::parse(std::string(R"({"prompt_tokens":1,"completion_tokens":)") + number +
                              R"(,"total_tokens":2})");
    EXPECT_THROW(usage.get<CompletionUsage>(), nlohmann::json::type_error) << number;
  }
  const auto fine =
      nlohmann::json::parse(R"({"prompt_tokens":1,"completion_tokens":2.0,"total_tokens":3})");
  EXPECT_EQ(fine.get<CompletionUsage>().completion_tokens, 2);
}

}  // namespace
}  // namespace chatmock::api
