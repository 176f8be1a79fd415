// Unit tests for StreamAccumulator: the streaming-delta pathologies of docs/scenarios.md
// (stream_deltas), E, G fed as decoded events, checked through the observation and the snapshot.
#include "chatmock/client/stream_accumulator.h"

#include <gtest/gtest.h>

#include <string>

namespace chatmock::client {
namespace {

using nlohmann::json;

streaming::SseEvent data(const json& chunk) { return {chunk.dump(), {}, {}, {}}; }
streaming::SseEvent raw(std::string text) { return {std::move(text), {}, {}, {}}; }

// A chunk with one choice carrying `delta`.
json chunk(const json& delta, int index = 0, const json& finish_reason = nullptr) {
  return {{"id", "chatcmpl-1"},
          {"object", "chat.completion.chunk"},
          {"created", 1},
          {"model", "gpt-4o"},
          {"choices", {{{"index", index}, {"delta", delta}, {"finish_reason", finish_reason}}}}};
}

json tool_delta(const json& call) { return {{"tool_calls", {call}}}; }

// Feeds the events in order, stopping as the accumulator asks.
StreamAccumulator accumulate(const std::vector<streaming::SseEvent>& events) {
  StreamAccumulator accumulator;
  for (const auto& event : events) {
    if (!accumulator.add_event(event)) break;
  }
  return accumulator;
}

json call(const char* id, const char* name, const char* arguments) {
  return {{"id", id}, {"name", name}, {"arguments", arguments}};
}

TEST(StreamAccumulatorTest, AssemblesContentStream) {
  const json obs =
      accumulate({data(chunk({{"role", "assistant"}, {"content", ""}, {"refusal", nullptr}})),
                  data(chunk({{"content", "Hello"}})), data(chunk({{"content", " world"}})),
                  data(chunk(json::object(), 0, "stop")), raw("[DONE]")})
          .observation();
  EXPECT_EQ(obs, json::parse(R"({"ok":true,"id":"chatcmpl-1","model":"gpt-4o","usage":null,
    "choices":[{"index":0,"finish_reason":"stop","content":"Hello world","refusal":null,
                "tool_calls":[],"function_call":null}]})"));
}

TEST(StreamAccumulatorTest, ContentStaysNullWhenNoDeltaCarriesIt) {
  const json obs = accumulate({data(chunk({{"role", "assistant"}, {"content", nullptr}})),
                               data(chunk(json::object(), 0, "stop"))})
                       .observation();
  EXPECT_TRUE(obs["choices"][0]["content"].is_null());
}

TEST(StreamAccumulatorTest, MergesInterleavedParallelToolCalls) {
  const StreamAccumulator acc = accumulate(
      {data(chunk(tool_delta({{"index", 0},
                              {"id", "call_a"},
                              {"type", "function"},
                              {"function", {{"name", "get_weather"}, {"arguments", ""}}}}))),
       data(chunk(tool_delta({{"index", 1},
                              {"id", "call_b"},
                              {"type", "function"},
                              {"function", {{"name", "get_time"}, {"arguments", "{\"tz\""}}}}))),
       data(chunk(tool_delta({{"index", 0}, {"function", {{"arguments", "{\"city\":"}}}}))),
       data(chunk(tool_delta({{"index", 1}, {"function", {{"arguments", ":\"UTC\"}"}}}}))),
       data(chunk(tool_delta({{"index", 0}, {"function", {{"arguments", "\"Paris\"}"}}}}))),
       data(chunk(json::object(), 0, "tool_calls")), raw("[DONE]")});
  EXPECT_EQ(acc.observation()["choices"][0]["tool_calls"],
            json::array({call("call_a", "get_weather", "{\"city\":\"Paris\"}"),
                         call("call_b", "get_time", "{\"tz\":\"UTC\"}")}));
  EXPECT_EQ(acc.snapshot()["choices"][0]["message"]["tool_calls"][1]["type"], "function");
}

TEST(StreamAccumulatorTest, RepeatedIdAndNameAreNotConcatenated) {
  // stream_tool_id_name_repeated (§5 #30): python yields "call_1call_1".
  const json repeated = {{"index", 0},
                         {"id", "call_1"},
                         {"type", "function"},
                         {"function", {{"name", "get_w"}, {"arguments", "{}"}}}};
  json first = repeated;
  first["function"]["arguments"] = "";
  const json obs =
      accumulate({data(chunk(tool_delta(first))), data(chunk(tool_delta(repeated)))}).observation();
  EXPECT_EQ(obs["choices"][0]["tool_calls"], json::array({call("call_1", "get_w", "{}")}));
}

TEST(StreamAccumulatorTest, RoleInEveryChunkIsNotConcatenated) {
  const StreamAccumulator acc =
      accumulate({data(chunk({{"role", "assistant"}, {"content", "a"}})),
                  data(chunk({{"role", "assistant"}, {"content", "b"}}))});
  EXPECT_EQ(acc.snapshot()["choices"][0]["message"]["role"], "assistant");
  EXPECT_EQ(acc.observation()["choices"][0]["content"], "ab");
}

TEST(StreamAccumulatorTest, MissingIndexContinuesTheLastToolCall) {
  // stream_tool_index_missing (§5 #28).
  const json obs =
      accumulate({data(chunk(tool_delta(
                      {{"id", "call_1"}, {"function", {{"name", "f"}, {"arguments", "{\"a\""}}}}))),
                  data(chunk(tool_delta({{"function", {{"arguments", ":1}"}}}})))})
          .observation();
  EXPECT_EQ(obs["choices"][0]["tool_calls"], json::array({call("call_1", "f", "{\"a\":1}")}));
}

TEST(StreamAccumulatorTest, MissingIndexAfterIndexedCallsContinuesTheLastTouched) {
  const json obs =
      accumulate({data(chunk(tool_delta({{"index", 0},
                                         {"id", "call_a"},
                                         {"function", {{"name", "f"}, {"arguments", ""}}}}))),
                  data(chunk(tool_delta({{"index", 1},
                                         {"id", "call_b"},
                                         {"function", {{"name", "g"}, {"arguments", ""}}}}))),
                  data(chunk(tool_delta({{"function", {{"arguments", "{}"}}}})))})
          .observation();
  EXPECT_EQ(obs["choices"][0]["tool_calls"],
            json::array({call("call_a", "f", ""), call("call_b", "g", "{}")}));
}

TEST(StreamAccumulatorTest, MissingIndexWithANewIdStartsANewCall) {
  // Gemini-style whole calls without index must not merge into one (term-llm PR #314).
  const json obs =
      accumulate({data(chunk(tool_delta(
                      {{"id", "call_a"}, {"function", {{"name", "f"}, {"arguments", "{}"}}}}))),
                  data(chunk(tool_delta(
                      {{"id", "call_b"}, {"function", {{"name", "g"}, {"arguments", "[]"}}}})))})
          .observation();
  EXPECT_EQ(obs["choices"][0]["tool_calls"],
            json::array({call("call_a", "f", "{}"), call("call_b", "g", "[]")}));
}

TEST(StreamAccumulatorTest, NonIntegerIndexCountsAsMissing) {
  const json obs =
      accumulate({data(chunk(tool_delta({{"index", "0"},
                                         {"id", "call_1"},
                                         {"function", {{"name", "f"}, {"arguments", "{"}}}}))),
                  data(chunk(tool_delta({{"index", -1}, {"function", {{"arguments", "}"}}}})))})
          .observation();
  EXPECT_EQ(obs["choices"][0]["tool_calls"], json::array({call("call_1", "f", "{}")}));
}

TEST(StreamAccumulatorTest, OneBasedAndSparseIndexesKeepOrderWithoutHoles) {
  // stream_tool_index_sparse_or_one_based (§5 #29).
  const json obs =
      accumulate({data(chunk(tool_delta({{"index", 1},
                                         {"id", "call_a"},
                                         {"function", {{"name", "f"}, {"arguments", "1"}}}}))),
                  data(chunk(tool_delta({{"index", 3},
                                         {"id", "call_b"},
                                         {"function", {{"name", "g"}, {"arguments", "3"}}}}))),
                  data(chunk(tool_delta({{"index", 1}, {"function", {{"arguments", "!"}}}})))})
          .observation();
  EXPECT_EQ(obs["choices"][0]["tool_calls"],
            json::array({call("call_a", "f", "1!"), call("call_b", "g", "3")}));
}

TEST(StreamAccumulatorTest, NullNameInContinuationKeepsTheName) {
  // stream_tool_name_null_in_continuation (§5 #31) and stream_tool_type_empty_string (#32).
  const StreamAccumulator acc = accumulate(
      {data(chunk(tool_delta(
           {{"index", 0}, {"id", "c"}, {"type", "function"}, {"function", {{"name", "f"}}}}))),
       data(chunk(tool_delta({{"index", 0},
                              {"type", ""},
                              {"function", {{"name", nullptr}, {"arguments", "{}"}}}})))});
  EXPECT_EQ(acc.observation()["choices"][0]["tool_calls"], json::array({call("c", "f", "{}")}));
  EXPECT_EQ(acc.snapshot()["choices"][0]["message"]["tool_calls"][0]["type"], "function");
}

TEST(StreamAccumulatorTest, IdArrivingAfterTheFirstDeltaIsKept) {
  // stream_tool_first_delta_no_id (§5 #33).
  const json obs =
      accumulate({data(chunk(tool_delta(
                      {{"index", 0}, {"function", {{"name", "f"}, {"arguments", "{"}}}}))),
                  data(chunk(tool_delta(
                      {{"index", 0}, {"id", "late"}, {"function", {{"arguments", "}"}}}})))})
          .observation();
  EXPECT_EQ(obs["choices"][0]["tool_calls"], json::array({call("late", "f", "{}")}));
}

TEST(StreamAccumulatorTest, ChoiceIndexOneFirstIsSortedByIndex) {
  // stream_choice_index_nonzero_first (§5 #38).
  const json obs =
      accumulate({data(chunk({{"content", "B"}}, 1)), data(chunk({{"content", "A"}}, 0)),
                  data(chunk({{"content", "b"}}, 1, "stop")),
                  data(chunk(json::object(), 0, "length"))})
          .observation();
  ASSERT_EQ(obs["choices"].size(), 2U);
  EXPECT_EQ(obs["choices"][0]["index"], 0);
  EXPECT_EQ(obs["choices"][0]["content"], "A");
  EXPECT_EQ(obs["choices"][0]["finish_reason"], "length");
  EXPECT_EQ(obs["choices"][1]["index"], 1);
  EXPECT_EQ(obs["choices"][1]["content"], "Bb");
  EXPECT_EQ(obs["choices"][1]["finish_reason"], "stop");
}

TEST(StreamAccumulatorTest, ConcatenatesRefusalDeltas) {
  const json obs =
      accumulate({data(chunk({{"role", "assistant"}, {"content", nullptr}, {"refusal", ""}})),
                  data(chunk({{"refusal", "I can't"}})), data(chunk({{"refusal", " help."}})),
                  data(chunk(json::object(), 0, "stop"))})
          .observation();
  EXPECT_EQ(obs["choices"][0]["refusal"], "I can't help.");
  EXPECT_TRUE(obs["choices"][0]["content"].is_null());
}

TEST(StreamAccumulatorTest, AccumulatesLegacyFunctionCall) {
  const json obs =
      accumulate({data(chunk({{"function_call", {{"name", "f"}, {"arguments", ""}}}})),
                  data(chunk({{"function_call", {{"arguments", "{\"x\":"}}}})),
                  data(chunk({{"function_call", {{"name", "f"}, {"arguments", "1}"}}}})),
                  data(chunk(json::object(), 0, "function_call"))})
          .observation();
  EXPECT_EQ(obs["choices"][0]["function_call"], json({{"name", "f"}, {"arguments", "{\"x\":1}"}}));
}

TEST(StreamAccumulatorTest, ReadsUsageFromChunkWithEmptyChoices) {
  // stream_usage_chunk_empty_choices (§5 #41).
  json usage_chunk = chunk(json::object());
  usage_chunk["choices"] = json::array();
  usage_chunk["usage"] = {{"prompt_tokens", 5},
                          {"completion_tokens", 2},
                          {"total_tokens", 7},
                          {"completion_tokens_details", {{"reasoning_tokens", 0}}}};
  json content = chunk({{"content", "hi"}}, 0, "stop");
  content["usage"] = nullptr;
  const json obs = accumulate({data(content), data(usage_chunk), raw("[DONE]")}).observation();
  EXPECT_EQ(obs["usage"],
            json({{"prompt_tokens", 5}, {"completion_tokens", 2}, {"total_tokens", 7}}));
  EXPECT_EQ(obs["choices"][0]["content"], "hi");
}

TEST(StreamAccumulatorTest, LastUsageWinsOverRunningTotals) {
  // stream_usage_in_last_content_chunk variant (§5 #42): running totals, not summed.
  json first = chunk({{"content", "a"}});
  first["usage"] = {{"prompt_tokens", 5}, {"completion_tokens", 1}, {"total_tokens", 6}};
  json last = chunk({{"content", "b"}}, 0, "stop");
  last["usage"] = {{"prompt_tokens", 5}, {"completion_tokens", 2}, {"total_tokens", 7}};
  const json obs = accumulate({data(first), data(last)}).observation();
  EXPECT_EQ(obs["usage"]["completion_tokens"], 2);
}

TEST(StreamAccumulatorTest, MidStreamErrorEndsWithNullStatus) {
  // error_midstream_after_content (§5 #61).
  StreamAccumulator acc;
  EXPECT_TRUE(acc.add_event(data(chunk({{"content", "partial"}}))));
  EXPECT_FALSE(acc.add_event(data({{"error",
                                    {{"message", "The server had an error"},
                                     {"type", "server_error"},
                                     {"param", nullptr},
                                     {"code", nullptr}}}})));
  EXPECT_EQ(acc.end(), StreamEnd::kError);
  EXPECT_FALSE(acc.add_event(data(chunk({{"content", "ignored"}}))));
  EXPECT_EQ(acc.observation(),
            json::parse(R"({"ok":false,"error":{"status":null,"type":"server_error",
    "code":null,"message":"The server had an error"}})"));
}

TEST(StreamAccumulatorTest, NullErrorKeyIsNotAnError) {
  json content = chunk({{"content", "ok"}});
  content["error"] = nullptr;
  EXPECT_TRUE(accumulate({data(content)}).observation()["ok"]);
}

TEST(StreamAccumulatorTest, NamedErrorEventEndsTheStream) {
  // sse_event_error_named (§5 #53), with and without the `error` wrapper.
  const streaming::SseEvent wrapped{
      R"({"error":{"message":"boom","type":"server_error","code":"x"}})", "error", std::nullopt,
      std::nullopt};
  EXPECT_EQ(
      accumulate({wrapped}).observation()["error"],
      json({{"status", nullptr}, {"type", "server_error"}, {"code", "x"}, {"message", "boom"}}));
  const streaming::SseEvent bare{R"({"message":"bare"})", "error", std::nullopt, std::nullopt};
  EXPECT_EQ(accumulate({bare}).observation()["error"]["message"], "bare");
  const streaming::SseEvent text{"not json", "error", std::nullopt, std::nullopt};
  EXPECT_EQ(accumulate({text}).observation()["error"]["message"], "not json");
}

TEST(StreamAccumulatorTest, StreamWithoutDoneKeepsWhatArrived) {
  const StreamAccumulator acc = accumulate({data(chunk({{"content", "cut"}}))});
  EXPECT_EQ(acc.end(), StreamEnd::kOpen);
  EXPECT_TRUE(acc.observation()["ok"]);
  EXPECT_EQ(acc.observation()["choices"][0]["content"], "cut");
  EXPECT_TRUE(acc.observation()["choices"][0]["finish_reason"].is_null());
}

TEST(StreamAccumulatorTest, DoneWithWhitespaceEndsAndLaterEventsAreIgnored) {
  for (const char* done : {"[DONE]", "[DONE] ", "[DONE]\t", " [DONE]"}) {
    StreamAccumulator acc;
    EXPECT_TRUE(acc.add_event(data(chunk({{"content", "a"}}))));
    EXPECT_FALSE(acc.add_event(raw(done))) << done;
    EXPECT_EQ(acc.end(), StreamEnd::kDone);
    EXPECT_FALSE(acc.add_event(data(chunk({{"content", "b"}}))));
    EXPECT_FALSE(acc.add_event(raw("{not json")));
    EXPECT_EQ(acc.observation()["choices"][0]["content"], "a");
  }
}

TEST(StreamAccumulatorTest, MalformedJsonIsAnInvalidResponse) {
  const json obs = accumulate({data(chunk({{"content", "a"}})), raw("{\"id\":")}).observation();
  EXPECT_EQ(obs["ok"], false);
  EXPECT_TRUE(obs["error"]["status"].is_null());
  EXPECT_EQ(obs["error"]["type"], "invalid_response");
  EXPECT_TRUE(obs["error"]["code"].is_null());
}

TEST(StreamAccumulatorTest, NonObjectDataIsAnInvalidResponse) {
  for (const char* text : {"42", "[1]", "\"s\"", "[DONE]x"}) {
    EXPECT_EQ(accumulate({raw(text)}).observation()["error"]["type"], "invalid_response") << text;
  }
}

TEST(StreamAccumulatorTest, SkipsChunksWithoutChoices) {
  // stream_choices_missing_or_null (§5 #40).
  json missing = chunk(json::object());
  missing.erase("choices");
  json null_choices = chunk(json::object());
  null_choices["choices"] = nullptr;
  const StreamAccumulator acc =
      accumulate({data(missing), data(null_choices), data(chunk({{"content", "x"}}))});
  EXPECT_EQ(acc.chunk_count(), 3U);
  EXPECT_EQ(acc.observation()["choices"][0]["content"], "x");
}

TEST(StreamAccumulatorTest, SkipsEmptyDataKeepalives) {
  // sse_empty_data_line (§5 #55).
  const StreamAccumulator acc =
      accumulate({raw(""), raw(" "), data(chunk({{"content", "x"}})), raw("")});
  EXPECT_EQ(acc.end(), StreamEnd::kOpen);
  EXPECT_EQ(acc.observation()["choices"][0]["content"], "x");
}

TEST(StreamAccumulatorTest, ZeroChunksIsAnEmptySuccess) {
  EXPECT_EQ(accumulate({raw("[DONE]")}).observation(),
            json::parse(R"({"ok":true,"id":null,"model":null,"choices":[],"usage":null})"));
}

TEST(StreamAccumulatorTest, KeepsTheFirstIdWhenItChangesMidway) {
  // stream_id_changes_midway (§5 #39).
  json second = chunk({{"content", "b"}});
  second["id"] = "chatcmpl-2";
  EXPECT_EQ(accumulate({data(chunk({{"content", "a"}})), data(second)}).observation()["id"],
            "chatcmpl-1");
}

TEST(StreamAccumulatorTest, BlankAzureFirstChunkIsReplaced) {
  // azure_prompt_filter_first_chunk (§5 #63): blank id/model, no choices, then a choice without
  // delta.
  const json filter = {{"id", ""},
                       {"object", ""},
                       {"created", 0},
                       {"model", ""},
                       {"choices", json::array()},
                       {"prompt_filter_results", json::array()}};
  const json no_delta = {
      {"id", "chatcmpl-1"},
      {"model", "gpt-4o"},
      {"choices", {{{"index", 0}, {"finish_reason", nullptr}, {"content_filter_results", {}}}}}};
  const json obs =
      accumulate({data(filter), data(no_delta), data(chunk({{"content", "x"}}, 0, "stop"))})
          .observation();
  EXPECT_EQ(obs["id"], "chatcmpl-1");
  EXPECT_EQ(obs["model"], "gpt-4o");
  EXPECT_EQ(obs["choices"][0]["content"], "x");
}

TEST(StreamAccumulatorTest, FinishChunkMayCarryContent) {
  // stream_finish_with_content (§5 #37).
  const json obs =
      accumulate({data(chunk({{"content", "a"}})), data(chunk({{"content", "b"}}, 0, "stop"))})
          .observation();
  EXPECT_EQ(obs["choices"][0]["content"], "ab");
  EXPECT_EQ(obs["choices"][0]["finish_reason"], "stop");
}

TEST(StreamAccumulatorTest, ConcatenatesLogprobs) {
  json first = chunk({{"content", "a"}});
  first["choices"][0]["logprobs"] = {{"content", {{{"token", "a"}, {"logprob", -0.1}}}},
                                     {"refusal", nullptr}};
  json second = chunk({{"content", "b"}});
  second["choices"][0]["logprobs"] = {{"content", {{{"token", "b"}, {"logprob", -0.2}}}}};
  const json logprobs =
      accumulate({data(first), data(second)}).snapshot()["choices"][0]["logprobs"];
  ASSERT_EQ(logprobs["content"].size(), 2U);
  EXPECT_EQ(logprobs["content"][1]["token"], "b");
  EXPECT_TRUE(logprobs["refusal"].is_null());
}

TEST(StreamAccumulatorTest, UnterminatedLastEventIsUsedWhenComplete) {
  StreamAccumulator acc;
  EXPECT_TRUE(acc.add_event(data(chunk({{"content", "a"}}))));
  EXPECT_TRUE(acc.add_unterminated_event(data(chunk({{"content", "b"}}, 0, "stop"))));
  EXPECT_EQ(acc.observation()["choices"][0]["content"], "ab");
}

TEST(StreamAccumulatorTest, TruncatedLastEventIsIgnored) {
  StreamAccumulator acc;
  EXPECT_TRUE(acc.add_event(data(chunk({{"content", "a"}}))));
  EXPECT_TRUE(acc.add_unterminated_event(raw(R"({"id":"chatcmpl-1","choi)")));
  EXPECT_EQ(acc.observation()["ok"], true);
  EXPECT_EQ(acc.observation()["choices"][0]["content"], "a");
  EXPECT_FALSE(acc.add_unterminated_event(raw("[DONE]")));
  EXPECT_EQ(acc.end(), StreamEnd::kDone);
}

}  // namespace
}  // namespace chatmock::client
