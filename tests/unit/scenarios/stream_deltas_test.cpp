// The stream_deltas scenarios (docs/scenarios.md (stream_deltas)): each test pins the one delta
// pathology a scenario promises, in the stream, and that the JSON form of the same request is the
// plain reply. Tool-call cases live in stream_delta_tools_test.cpp.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "api/chat_completion_chunk.h"
#include "scenarios/scenario_catalogue.h"
#include "support/scenario_harness.h"

namespace chatmock::testing {
namespace {

using nlohmann::json;

bool has_choices_array(const json& chunk) {
  return chunk.contains("choices") && chunk["choices"].is_array();
}

void expect_delta_chunks_parse(const std::vector<json>& chunks) {
  for (const auto& chunk : chunks) {
    EXPECT_NO_THROW((void)chunk.get<api::ChatCompletionChunk>()) << chunk.dump();
  }
}

std::string json_content(std::string_view expression) {
  return run_scenario(expression, chat_request(false)).json()["choices"][0]["message"]["content"];
}

json with_usage(json request) {
  request["stream_options"] = {{"include_usage", true}};
  return request;
}

TEST(StreamDeltasCatalogue, RegistersEveryNameInItsGroupWithItsSpecFlag) {
  const std::vector<std::pair<std::string, bool>> expected = {
      {"stream_tool_index_missing", true},
      {"stream_tool_index_sparse_or_one_based", false},
      {"stream_tool_id_name_repeated", false},
      {"stream_tool_name_null_in_continuation", true},
      {"stream_tool_type_empty_string", true},
      {"stream_tool_first_delta_no_id", false},
      {"stream_role_every_chunk", false},
      {"stream_role_missing", false},
      {"stream_no_finish_reason", false},
      {"stream_finish_with_content", false},
      {"stream_choice_index_nonzero_first", false},
      {"stream_id_changes_midway", true},
      {"stream_choices_missing_or_null", true}};
  for (const auto& [name, breaks_spec] : expected) {
    const auto* scenario = scenarios::builtin_catalogue().find(name);
    ASSERT_NE(scenario, nullptr) << name;
    EXPECT_EQ(scenario->group, "stream_deltas") << name;
    EXPECT_EQ(scenario->breaks_spec, breaks_spec) << name;
    EXPECT_TRUE(scenario->description.ends_with("(stream only).")) << name;
  }
}

TEST(StreamDeltasJson, NonStreamBodyIsTheDefaultReplyForTextPathologies) {
  const auto plain = run_scenario("default", chat_request(false)).body();
  for (const char* name : {"stream_role_every_chunk", "stream_role_missing",
                           "stream_no_finish_reason", "stream_finish_with_content",
                           "stream_id_changes_midway", "stream_choices_missing_or_null"}) {
    EXPECT_EQ(run_scenario(name, chat_request(false)).body(), plain) << name;
  }
}

TEST(StreamRoleEveryChunk, EveryDeltaCarriesAssistantRole) {
  const auto run = run_scenario("stream_role_every_chunk", with_usage(chat_request(true)));
  const auto chunks = run.chunks();
  std::size_t deltas = 0;
  for (const auto& chunk : chunks) {
    for (const auto& choice : chunk["choices"]) {
      EXPECT_EQ(choice["delta"].value("role", ""), "assistant") << chunk.dump();
      ++deltas;
    }
  }
  EXPECT_GT(deltas, 3U);
  EXPECT_TRUE(chunks.back()["choices"].empty());  // the usage chunk has no delta to touch
  expect_delta_chunks_parse(chunks);
  EXPECT_EQ(*run.assembled().choices[0].message.content, json_content("default"));
}

TEST(StreamRoleMissing, NoDeltaCarriesARole) {
  const auto run = run_scenario("stream_role_missing", chat_request(true));
  const auto chunks = run.chunks();
  for (const auto& chunk : chunks) {
    for (const auto& choice : chunk["choices"]) EXPECT_FALSE(choice["delta"].contains("role"));
  }
  expect_delta_chunks_parse(chunks);
  EXPECT_EQ(*run.assembled().choices[0].message.content, json_content("default"));
}

TEST(StreamNoFinishReason, ContentThenDoneWithoutAnyFinishReason) {
  const auto run = run_scenario("stream_no_finish_reason", with_usage(chat_request(true)));
  const auto chunks = run.chunks();
  for (const auto& chunk : chunks) {
    for (const auto& choice : chunk["choices"]) {
      EXPECT_TRUE(choice["finish_reason"].is_null()) << chunk.dump();
      EXPECT_FALSE(choice["delta"].empty()) << "the empty finish delta should be gone";
    }
  }
  EXPECT_TRUE(run.ends_with_done());
  EXPECT_TRUE(chunks.back()["usage"]["total_tokens"].is_number_integer());
  expect_delta_chunks_parse(chunks);
  EXPECT_EQ(*run.assembled().choices[0].message.content, json_content("default"));
}

TEST(StreamNoFinishReason, ToolCallStreamAlsoLosesItsFinish) {
  const auto chunks = run_scenario("stream_no_finish_reason", tool_request(true)).chunks();
  bool saw_tool_delta = false;
  for (const auto& chunk : chunks) {
    for (const auto& choice : chunk["choices"]) {
      EXPECT_TRUE(choice["finish_reason"].is_null());
      saw_tool_delta = saw_tool_delta || choice["delta"].contains("tool_calls");
    }
  }
  EXPECT_TRUE(saw_tool_delta);
}

TEST(StreamFinishWithContent, LastContentAndStopShareOneChunk) {
  const auto run = run_scenario("stream_finish_with_content", chat_request(true));
  const auto chunks = run.chunks();
  ASSERT_FALSE(chunks.empty());
  const auto& last = chunks.back()["choices"][0];
  EXPECT_EQ(last["finish_reason"], "stop");
  ASSERT_TRUE(last["delta"].contains("content"));
  ASSERT_TRUE(last["delta"]["content"].is_string());
  EXPECT_FALSE(last["delta"]["content"].get<std::string>().empty());
  for (const auto& chunk : chunks) EXPECT_FALSE(chunk["choices"][0]["delta"].empty());
  expect_delta_chunks_parse(chunks);
  const auto assembled = run.assembled();
  EXPECT_EQ(*assembled.choices[0].message.content, json_content("default"));
  EXPECT_EQ(assembled.choices[0].finish_reason, api::FinishReason::stop);
}

TEST(StreamChoiceIndexNonzeroFirst, FirstChunkCarriesOnlyChoiceOne) {
  const auto run = run_scenario("stream_choice_index_nonzero_first", chat_request(true));
  const auto chunks = run.chunks();
  ASSERT_FALSE(chunks.empty());
  ASSERT_EQ(chunks.front()["choices"].size(), 1U);
  EXPECT_EQ(chunks.front()["choices"][0]["index"], 1);
  EXPECT_EQ(chunks.front()["choices"][0]["delta"]["role"], "assistant");
  expect_delta_chunks_parse(chunks);
  EXPECT_EQ(run.assembled().choices.size(), 2U);
}

TEST(StreamChoiceIndexNonzeroFirst, JsonFormHasTheTwoChoicesInOrder) {
  const auto body = run_scenario("stream_choice_index_nonzero_first", chat_request(false)).json();
  ASSERT_EQ(body["choices"].size(), 2U);
  EXPECT_EQ(body["choices"][0]["index"], 0);
  EXPECT_EQ(body["choices"][1]["index"], 1);
  EXPECT_NO_THROW((void)body.get<api::ChatCompletion>());
}

TEST(StreamIdChangesMidway, SecondHalfOfTheStreamHasANewId) {
  const auto chunks = run_scenario("stream_id_changes_midway", chat_request(true)).chunks();
  const auto json_id = run_scenario("stream_id_changes_midway", chat_request(false)).json()["id"];
  ASSERT_GE(chunks.size(), 4U);
  const auto first_id = chunks.front()["id"];
  const auto last_id = chunks.back()["id"];
  EXPECT_EQ(first_id, json_id);
  EXPECT_NE(first_id, last_id);
  EXPECT_TRUE(last_id.get<std::string>().starts_with("chatcmpl-"));
  std::size_t switches = 0;
  for (std::size_t i = 1; i < chunks.size(); ++i)
    switches += chunks[i]["id"] != chunks[i - 1]["id"] ? 1 : 0;
  EXPECT_EQ(switches, 1U);
}

TEST(StreamChoicesMissingOrNull, OneChunkLacksChoicesAndOneHasNullChoices) {
  const auto run = run_scenario("stream_choices_missing_or_null", chat_request(true));
  const auto chunks = run.chunks();
  std::size_t missing = 0;
  std::size_t null_choices = 0;
  std::string content;
  for (const auto& chunk : chunks) {
    EXPECT_EQ(chunk["object"], "chat.completion.chunk");
    if (!chunk.contains("choices")) {
      ++missing;
    } else if (chunk["choices"].is_null()) {
      ++null_choices;
    } else {
      for (const auto& choice : chunk["choices"]) content += choice["delta"].value("content", "");
    }
  }
  EXPECT_EQ(missing, 1U);
  EXPECT_EQ(null_choices, 1U);
  EXPECT_TRUE(has_choices_array(chunks.front()));
  EXPECT_EQ(content, json_content("default"));
  EXPECT_TRUE(run.ends_with_done());
}

TEST(StreamDeltasComposition, RoleMissingPlusNoFinishReasonKeepsBothPathologies) {
  const auto chunks =
      run_scenario("stream_role_missing+stream_no_finish_reason", chat_request(true)).chunks();
  for (const auto& chunk : chunks) {
    for (const auto& choice : chunk["choices"]) {
      EXPECT_FALSE(choice["delta"].contains("role"));
      EXPECT_TRUE(choice["finish_reason"].is_null());
    }
  }
}

TEST(StreamDeltasComposition, FinishWithContentThenNoFinishReasonKeepsTheLastContent) {
  const auto run =
      run_scenario("stream_finish_with_content+stream_no_finish_reason", chat_request(true));
  const auto chunks = run.chunks();
  ASSERT_FALSE(chunks.empty());
  EXPECT_TRUE(chunks.back()["choices"][0]["finish_reason"].is_null());
  EXPECT_EQ(*run.assembled().choices[0].message.content, json_content("default"));
}

TEST(StreamDeltasComposition, WithDefaultBehavesAsAlone) {
  EXPECT_EQ(run_scenario("stream_role_every_chunk+default", chat_request(true)).body(),
            run_scenario("stream_role_every_chunk", chat_request(true)).body());
}

}  // namespace
}  // namespace chatmock::testing
