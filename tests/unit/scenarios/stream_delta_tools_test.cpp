// The tool-call half of the stream_deltas scenarios (docs/scenarios.md (stream_deltas), entries
// 28–33): each test pins how the tool-call deltas are broken, and that tool calls appear even when
// the request offered no tools, so the pathology always has something to act on.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "api/chat_completion_chunk.h"
#include "support/scenario_harness.h"

namespace chatmock::testing {
namespace {

using nlohmann::json;

/// Every tool-call delta of choice 0, in stream order.
std::vector<json> tool_deltas(const std::vector<json>& chunks) {
  std::vector<json> out;
  for (const auto& chunk : chunks) {
    for (const auto& choice : chunk["choices"]) {
      if (!choice["delta"].contains("tool_calls")) continue;
      for (const auto& call : choice["delta"]["tool_calls"]) out.push_back(call);
    }
  }
  return out;
}

void expect_chunks_parse(const std::vector<json>& chunks) {
  for (const auto& chunk : chunks) {
    EXPECT_NO_THROW((void)chunk.get<api::ChatCompletionChunk>()) << chunk.dump();
  }
}

/// The JSON form: the ordinary tool-call reply with `calls` invented get_weather calls.
void expect_plain_tool_reply(std::string_view name, std::size_t calls) {
  const auto body = run_scenario(name, chat_request(false)).json();
  const auto& choice = body["choices"][0];
  EXPECT_EQ(choice["finish_reason"], "tool_calls") << name;
  ASSERT_EQ(choice["message"]["tool_calls"].size(), calls) << name;
  for (const auto& call : choice["message"]["tool_calls"]) {
    EXPECT_EQ(call["function"]["name"], "get_weather") << name;
  }
  EXPECT_NO_THROW((void)body.get<api::ChatCompletion>()) << name;
}

TEST(StreamToolIndexMissing, NoToolDeltaHasAnIndexAcrossTwoCalls) {
  const auto deltas =
      tool_deltas(run_scenario("stream_tool_index_missing", chat_request(true)).chunks());
  ASSERT_FALSE(deltas.empty());
  std::set<std::string> ids;
  for (const auto& delta : deltas) {
    EXPECT_FALSE(delta.contains("index")) << delta.dump();
    if (delta.contains("id")) ids.insert(delta["id"].get<std::string>());
  }
  EXPECT_EQ(ids.size(), 2U);
  expect_plain_tool_reply("stream_tool_index_missing", 2);
}

TEST(StreamToolIndexSparseOrOneBased, IndexesAreOneTwoOrZeroTwoAndSeedsShowBoth) {
  std::set<std::set<std::int64_t>> variants;
  for (std::uint64_t seed = 1; seed <= 24; ++seed) {
    const auto chunks =
        run_scenario("stream_tool_index_sparse_or_one_based", tool_request(true), {}, seed)
            .chunks();
    std::set<std::int64_t> indexes;
    for (const auto& delta : tool_deltas(chunks))
      indexes.insert(delta["index"].get<std::int64_t>());
    EXPECT_TRUE(indexes == std::set<std::int64_t>({1, 2}) ||
                indexes == std::set<std::int64_t>({0, 2}))
        << "seed " << seed;
    expect_chunks_parse(chunks);
    variants.insert(indexes);
  }
  EXPECT_EQ(variants.size(), 2U);
  expect_plain_tool_reply("stream_tool_index_sparse_or_one_based", 2);
}

TEST(StreamToolIdNameRepeated, EveryDeltaRepeatsTheOpenersIdTypeAndName) {
  const auto run = run_scenario("stream_tool_id_name_repeated", chat_request(true));
  const auto deltas = tool_deltas(run.chunks());
  ASSERT_GT(deltas.size(), 2U);
  const json& opener = deltas.front();
  for (const auto& delta : deltas) {
    EXPECT_EQ(delta["id"], opener["id"]);
    EXPECT_EQ(delta["type"], "function");
    EXPECT_EQ(delta["function"]["name"], "get_weather");
  }
  expect_chunks_parse(run.chunks());
  // An accumulator that sets the id once (node) still gets the JSON reply's calls back.
  const auto json_body = run_scenario("stream_tool_id_name_repeated", chat_request(false)).json();
  const auto assembled = run.assembled();
  ASSERT_TRUE(assembled.choices[0].message.tool_calls.has_value());
  EXPECT_EQ(json(*assembled.choices[0].message.tool_calls),
            json_body["choices"][0]["message"]["tool_calls"]);
  expect_plain_tool_reply("stream_tool_id_name_repeated", 1);
}

TEST(StreamToolNameNullInContinuation, ArgumentDeltasCarryANullName) {
  const auto deltas = tool_deltas(
      run_scenario("stream_tool_name_null_in_continuation", tool_request(true)).chunks());
  ASSERT_GT(deltas.size(), 1U);
  EXPECT_EQ(deltas.front()["function"]["name"], "get_weather");
  for (std::size_t i = 1; i < deltas.size(); ++i) {
    ASSERT_TRUE(deltas[i]["function"].contains("name")) << deltas[i].dump();
    EXPECT_TRUE(deltas[i]["function"]["name"].is_null());
    EXPECT_TRUE(deltas[i]["function"]["arguments"].is_string());
  }
  expect_plain_tool_reply("stream_tool_name_null_in_continuation", 1);
}

TEST(StreamToolTypeEmptyString, ArgumentDeltasCarryAnEmptyType) {
  const auto deltas =
      tool_deltas(run_scenario("stream_tool_type_empty_string", chat_request(true)).chunks());
  ASSERT_GT(deltas.size(), 1U);
  EXPECT_EQ(deltas.front()["type"], "function");
  for (std::size_t i = 1; i < deltas.size(); ++i) {
    EXPECT_EQ(deltas[i].value("type", "absent"), "") << deltas[i].dump();
    EXPECT_EQ(deltas[i]["index"], 0);
  }
  expect_plain_tool_reply("stream_tool_type_empty_string", 1);
}

TEST(StreamToolFirstDeltaNoId, OpenerLacksIdAndTypeWhichComeNextOrNever) {
  std::set<std::string> variants;
  for (std::uint64_t seed = 1; seed <= 24; ++seed) {
    const auto chunks =
        run_scenario("stream_tool_first_delta_no_id", tool_request(true), {}, seed).chunks();
    const auto deltas = tool_deltas(chunks);
    ASSERT_GT(deltas.size(), 1U);
    EXPECT_EQ(deltas[0]["index"], 0);
    EXPECT_EQ(deltas[0]["function"]["name"], "get_weather");
    EXPECT_FALSE(deltas[0].contains("id"));
    EXPECT_FALSE(deltas[0].contains("type"));
    if (deltas[1].contains("id")) {
      variants.insert("later");
      EXPECT_TRUE(deltas[1]["id"].get<std::string>().starts_with("call_"));
      EXPECT_EQ(deltas[1]["type"], "function");
    } else {
      variants.insert("never");
      for (const auto& delta : deltas) EXPECT_FALSE(delta.contains("id") || delta.contains("type"));
    }
    expect_chunks_parse(chunks);
  }
  EXPECT_EQ(variants, (std::set<std::string>{"later", "never"}));
  expect_plain_tool_reply("stream_tool_first_delta_no_id", 1);
}

TEST(StreamDeltaToolsComposition, IndexMissingPlusRepeatedIdentityKeepsBoth) {
  const auto deltas = tool_deltas(
      run_scenario("stream_tool_index_missing+stream_tool_id_name_repeated", chat_request(true))
          .chunks());
  ASSERT_GT(deltas.size(), 2U);
  std::set<std::string> ids;
  for (const auto& delta : deltas) {
    EXPECT_FALSE(delta.contains("index"));
    ASSERT_TRUE(delta.contains("id"));
    ids.insert(delta["id"].get<std::string>());
    EXPECT_EQ(delta["function"]["name"], "get_weather");
  }
  EXPECT_EQ(ids.size(), 2U) << "each call's deltas repeat that call's own id";
}

TEST(StreamDeltaToolsComposition, IndexMissingWithDefaultStillDropsEveryIndex) {
  const auto deltas =
      tool_deltas(run_scenario("default+stream_tool_index_missing", tool_request(true)).chunks());
  ASSERT_FALSE(deltas.empty());
  for (const auto& delta : deltas) EXPECT_FALSE(delta.contains("index"));
}

}  // namespace
}  // namespace chatmock::testing
