// Each stream scenario of /v1/responses (docs/scenarios.md, responses_streams and the stream
// counterparts): one test per defining property of its event sequence or framing.
#include "scenarios/response_stream_edits.h"

#include <gtest/gtest.h>

#include "support/response_harness.h"

namespace chatmock::scenarios {
namespace {

using responses::Json;
using testing::response_request;
using testing::run_response_scenario;

std::vector<Json> events_of(std::string_view scenario) {
  return run_response_scenario(scenario, response_request(true)).event_json();
}

std::vector<std::string> types_of(const std::vector<Json>& events) {
  std::vector<std::string> types;
  for (const auto& e : events) types.push_back(e["type"].get<std::string>());
  return types;
}

bool has(const std::vector<Json>& events, std::string_view type) {
  return find_event(events, type) < events.size();
}

TEST(ResponseStreamEditsTest, StreamErrorEndsWithFlatAndNestedErrorAfterSomeDeltas) {
  const auto events = events_of("stream_error");
  const auto& last = events.back();
  EXPECT_EQ(last["type"], "error");
  EXPECT_EQ(last["code"], "server_error");
  EXPECT_TRUE(last["param"].is_null());
  EXPECT_EQ(last["error"]["code"], "server_error");
  EXPECT_EQ(last["sequence_number"], events.size() - 1);
  EXPECT_TRUE(has(events, "response.output_text.delta"));
  EXPECT_EQ(terminal_event(events), events.size());
  const auto run = run_response_scenario("stream_error", response_request(true));
  EXPECT_EQ(run.events().back().event, "error");
  EXPECT_EQ(run_response_scenario("stream_error", response_request()).reply.status, 500);
}

TEST(ResponseStreamEditsTest, TruncatedStreamStopsMidContentWithoutTerminal) {
  const auto events = events_of("truncated_stream");
  EXPECT_TRUE(events.back()["type"].get<std::string>().ends_with(".delta"));
  EXPECT_FALSE(has(events, "response.output_text.done"));
  EXPECT_EQ(terminal_event(events), events.size());
}

TEST(ResponseStreamEditsTest, StreamCutNoDoneDropsTheConnectionInsideAnEvent) {
  const auto run = run_response_scenario("stream_cut_no_done", response_request(true));
  EXPECT_EQ(run.reply.ending, wire::WireEnding::cut);
  EXPECT_FALSE(run.body().ends_with("\n\n"));
}

TEST(ResponseStreamEditsTest, ErrorBeforeOutputHasNoItem) {
  const auto events = events_of("response_error_before_output");
  EXPECT_EQ(types_of(events),
            (std::vector<std::string>{"response.created", "response.in_progress", "error"}));
}

TEST(ResponseStreamEditsTest, UnnamedErrorEventHasNoEventLine) {
  const auto run = run_response_scenario("response_error_event_unnamed", response_request(true));
  const auto events = run.events();
  EXPECT_FALSE(events.back().event.has_value());
  EXPECT_EQ(Json::parse(events.back().data)["type"], "error");
  EXPECT_EQ(events.front().event, "response.created");
}

TEST(ResponseStreamEditsTest, NoTerminalEventEndsAfterTheLastItem) {
  const auto events = events_of("response_no_terminal_event");
  EXPECT_EQ(events.back()["type"], "response.output_item.done");
}

TEST(ResponseStreamEditsTest, DoneSentinelAndChatChunksAreChatFraming) {
  auto run = run_response_scenario("response_done_sentinel", response_request(true));
  EXPECT_EQ(run.events().back().data, "[DONE]");
  run = run_response_scenario("response_chat_chunks", response_request(true));
  EXPECT_NE(run.body().find("chat.completion.chunk"), std::string::npos);
  EXPECT_EQ(run.body().find("event:"), std::string::npos);
}

TEST(ResponseStreamEditsTest, NonJsonDataIsNotJson) {
  const auto run = run_response_scenario("response_non_json_data", response_request(true));
  std::size_t broken = 0;
  for (const auto& e : run.events()) broken += Json::parse(e.data, nullptr, false).is_discarded();
  EXPECT_EQ(broken, 1U);
}

TEST(ResponseStreamEditsTest, LifecycleFaults) {
  EXPECT_EQ(events_of("response_first_event_not_created").front()["type"], "response.in_progress");
  const auto unknown = events_of("response_unknown_event_type");
  EXPECT_TRUE(has(unknown, "response.reasoning_trace.delta"));
  const auto changed = events_of("response_lifecycle_id_changes");
  EXPECT_NE(changed.front()["response"]["id"], changed.back()["response"]["id"]);
  EXPECT_FALSE(has(events_of("response_item_never_done"), "response.output_item.done"));
}

TEST(ResponseStreamEditsTest, SequenceNumberFaults) {
  const auto gap = events_of("response_sequence_number_gap");
  const auto repeat = events_of("response_sequence_number_repeat");
  bool skipped = false;
  for (std::size_t i = 1; i < gap.size(); ++i)
    skipped |= gap[i]["sequence_number"].get<int>() > gap[i - 1]["sequence_number"].get<int>() + 1;
  bool went_back = false;
  for (std::size_t i = 1; i < repeat.size(); ++i)
    went_back |=
        repeat[i]["sequence_number"].get<int>() <= repeat[i - 1]["sequence_number"].get<int>();
  EXPECT_TRUE(skipped);
  EXPECT_TRUE(went_back);
}

TEST(ResponseStreamEditsTest, IndexAndIdFaults) {
  const auto gap = events_of("response_output_index_gap");
  EXPECT_EQ(gap[find_event(gap, "response.output_item.added")]["output_index"], 1);
  const auto mismatch = events_of("response_item_id_mismatch");
  const auto added = mismatch[find_event(mismatch, "response.output_item.added")];
  EXPECT_NE(mismatch[first_delta(mismatch)]["item_id"], added["item"]["id"]);
  const auto early = events_of("response_delta_before_part_added");
  EXPECT_LT(first_delta(early), find_event(early, "response.content_part.added"));
  const auto refusal = events_of("response_text_delta_on_refusal");
  EXPECT_EQ(refusal[find_event(refusal, "response.content_part.added")]["part"]["type"], "refusal");
  EXPECT_TRUE(has(refusal, "response.output_text.delta"));
}

TEST(ResponseStreamEditsTest, ObfuscationPadsEveryDelta) {
  for (const auto& event : events_of("response_obfuscation")) {
    const bool delta = event["type"].get<std::string>().ends_with(".delta");
    EXPECT_EQ(event.contains("obfuscation"), delta) << event.dump();
  }
}

TEST(ResponseStreamEditsTest, RenumberAndKeepFirst) {
  std::vector<Json> events = {{{"type", "a"}}, {{"type", "b.delta"}}, {{"type", "c"}}};
  renumber(events);
  EXPECT_EQ(events[2]["sequence_number"], 2);
  EXPECT_EQ(mid_content(events), 2U);
  keep_first(events, 1);
  EXPECT_EQ(events.size(), 1U);
  EXPECT_EQ(error_event(events, "server_error", "x")["sequence_number"], 1);
}

}  // namespace
}  // namespace chatmock::scenarios
