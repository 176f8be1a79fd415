// plan_chunks is the stream the real API would send for a completion; assembling it must give
// the completion back — content, refusals, tool calls, logprobs, several choices, usage.
#include <gtest/gtest.h>

#include "api/chat_completion_request.h"
#include "streaming/chunk_assembler.h"
#include "streaming/chunk_planner.h"
#include "synthesis/reply_synthesizer.h"

namespace chatmock::streaming {
namespace {

api::ChatCompletion synthesize(nlohmann::json request, synthesis::ReplyDefinition definition = {}) {
  request["model"] = "gpt-4o-mini";
  request["messages"] = {{{"role", "user"}, {"content", "Plan a trip to Paris"}}};
  return synthesis::synthesize_completion(request.get<api::ChatCompletionRequest>(), definition,
                                          {9, true, 1'735'689'600});
}

void expect_round_trip(const api::ChatCompletion& completion, ChunkPlanOptions options = {}) {
  synthesis::Rng rng(3);
  const auto chunks = plan_chunks(completion, options, rng);
  const auto assembled = assemble_chunks(chunks);
  EXPECT_EQ(nlohmann::json(assembled.choices), nlohmann::json(completion.choices));
  EXPECT_EQ(assembled.id, completion.id);
  EXPECT_EQ(assembled.model, completion.model);
  if (options.include_usage) {
    ASSERT_TRUE(assembled.usage.has_value());
    EXPECT_EQ(nlohmann::json(*assembled.usage), nlohmann::json(*completion.usage));
  }
}

TEST(ChunkPlanRoundTrip, TextContent) { expect_round_trip(synthesize({})); }

TEST(ChunkPlanRoundTrip, SeveralChoicesInterleaved) { expect_round_trip(synthesize({{"n", 3}})); }

TEST(ChunkPlanRoundTrip, ParallelToolCalls) {
  synthesis::ReplyDefinition definition;
  definition.kind = synthesis::ReplyKind::tool_calls;
  definition.tool_call_count = 3;
  expect_round_trip(synthesize({}, definition));
}

TEST(ChunkPlanRoundTrip, Refusal) {
  synthesis::ReplyDefinition definition;
  definition.kind = synthesis::ReplyKind::refusal;
  expect_round_trip(synthesize({}, definition));
}

TEST(ChunkPlanRoundTrip, LogprobsAndUsage) {
  expect_round_trip(synthesize({{"logprobs", true}, {"top_logprobs", 2}}), {.include_usage = true});
}

TEST(ChunkPlan, OpensWithRoleAndEmptyContentThenEndsWithFinishOnEmptyDelta) {
  synthesis::Rng rng(1);
  const auto chunks = plan_chunks(synthesize({}), {}, rng);
  ASSERT_GE(chunks.size(), 3U);
  const nlohmann::json first = chunks.front();
  EXPECT_EQ(first["choices"][0]["delta"]["role"], "assistant");
  EXPECT_EQ(first["choices"][0]["delta"]["content"], "");
  EXPECT_TRUE(first["choices"][0]["finish_reason"].is_null());
  const nlohmann::json last = chunks.back();
  EXPECT_EQ(last["choices"][0]["finish_reason"], "stop");
  EXPECT_TRUE(last["choices"][0]["delta"].empty());
}

TEST(ChunkPlan, IncludeUsageAddsNullUsageEverywhereAndAFinalEmptyChoicesChunk) {
  synthesis::Rng rng(1);
  const auto chunks = plan_chunks(synthesize({}), {.include_usage = true}, rng);
  for (std::size_t i = 0; i + 1 < chunks.size(); ++i) {
    EXPECT_TRUE(nlohmann::json(chunks[i])["usage"].is_null()) << i;
  }
  const nlohmann::json last = chunks.back();
  EXPECT_TRUE(last["choices"].empty());
  EXPECT_GT(last["usage"]["total_tokens"].get<int>(), 0);
}

TEST(ChunkAssembler, DropsToolDeltasWithNegativeOrAbsurdIndexes) {
  const auto chunk =
      nlohmann::json::parse(R"({"id":"c","object":"chat.completion.chunk","created":1,"model":"m",
    "choices":[{"index":0,"delta":{"tool_calls":[
      {"index":-1,"id":"call_x","type":"function","function":{"name":"f","arguments":"{}"}},
      {"index":2000000000,"id":"call_y","type":"function","function":{"name":"g","arguments":"{}"}},
      {"index":0,"id":"call_z","type":"function","function":{"name":"h","arguments":"{}"}}]}}]})");
  const auto assembled = assemble_chunks({chunk.get<api::ChatCompletionChunk>()});
  ASSERT_TRUE(assembled.choices.at(0).message.tool_calls.has_value());
  ASSERT_EQ(assembled.choices[0].message.tool_calls->size(), 1U);
  EXPECT_EQ(assembled.choices[0].message.tool_calls->at(0).id, "call_z");
}

}  // namespace
}  // namespace chatmock::streaming
