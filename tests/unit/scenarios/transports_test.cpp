// The "transport" group: delays, cuts and bad stream endings, asserted as values on the
// WireReply (write delays, ending, declared length, the absence of [DONE]) — no sockets.
#include <gtest/gtest.h>

#include "api/chat_completion_chunk.h"
#include "scenarios/scenario_catalogue.h"
#include "support/scenario_harness.h"

namespace chatmock::testing {
namespace {

using std::chrono::milliseconds;

milliseconds total_delay(const wire::WireReply& reply) {
  milliseconds total{0};
  for (const auto& write : reply.writes) total += write.delay;
  return total;
}

std::string joined_content(const std::vector<nlohmann::json>& chunks) {
  std::string out;
  for (const auto& chunk : chunks) {
    for (const auto& choice : chunk.value("choices", nlohmann::json::array())) {
      const auto& delta = choice.value("delta", nlohmann::json::object());
      if (delta.contains("content") && delta["content"].is_string())
        out += delta["content"].get<std::string>();
    }
  }
  return out;
}

bool any_finish_reason(const std::vector<nlohmann::json>& chunks) {
  for (const auto& chunk : chunks) {
    for (const auto& choice : chunk.value("choices", nlohmann::json::array())) {
      if (!choice["finish_reason"].is_null()) return true;
    }
  }
  return false;
}

void expect_valid_chunks(const std::vector<nlohmann::json>& chunks) {
  for (const auto& chunk : chunks) {
    if (!chunk.contains("error")) {
      EXPECT_NO_THROW((void)chunk.get<api::ChatCompletionChunk>()) << chunk;
    }
  }
}

TEST(SlowScenario, StreamWaitsTtftThenItlAndStaysWithinTwoSeconds) {
  const auto run = run_scenario("slow", chat_request(true));
  ASSERT_GT(run.reply.writes.size(), 2U);
  EXPECT_EQ(run.reply.writes[0].delay, milliseconds(400));
  EXPECT_GT(run.reply.writes[1].delay, milliseconds(0));
  EXPECT_LE(run.reply.writes[1].delay, milliseconds(40));
  EXPECT_LE(total_delay(run.reply), milliseconds(2000));
  EXPECT_EQ(run.body(), run_scenario("default", chat_request(true)).body()) << "pacing only";
  expect_valid_chunks(run.chunks());
}

TEST(SlowScenario, LatencyHeaderSetsTheDelaysExactly) {
  const auto run =
      run_scenario("slow", chat_request(true), {{"X-Chatmock-Latency", "ttft=100,itl=7"}});
  EXPECT_EQ(run.reply.writes[0].delay, milliseconds(100));
  for (std::size_t i = 1; i < run.reply.writes.size(); ++i)
    EXPECT_EQ(run.reply.writes[i].delay, milliseconds(7));
}

TEST(SlowScenario, JsonWaitsBeforeItsFirstByte) {
  const auto run = run_scenario("slow", chat_request());
  ASSERT_EQ(run.reply.writes.size(), 1U);
  EXPECT_GE(run.reply.writes[0].delay, milliseconds(400));
  EXPECT_LE(run.reply.writes[0].delay, milliseconds(2000));
  EXPECT_NO_THROW((void)run.json().get<api::ChatCompletion>());
  const auto tuned =
      run_scenario("slow", chat_request(), {{"X-Chatmock-Latency", "ttft=50,itl=0"}});
  EXPECT_EQ(tuned.reply.writes[0].delay, milliseconds(50));
}

TEST(SlowScenario, ComposedWithAnErrorGivesASlowError) {
  const auto run = run_scenario("error_429+slow", chat_request(true));
  EXPECT_EQ(run.reply.status, 429);
  EXPECT_EQ(run.reply.writes[0].delay, milliseconds(400));
}

TEST(DisconnectScenario, JsonIsCutAtHalfWhileDeclaringTheFullLength) {
  const auto full = run_scenario("default", chat_request()).body();
  const auto run = run_scenario("disconnect", chat_request());
  EXPECT_EQ(run.reply.ending, wire::WireEnding::cut);
  EXPECT_EQ(run.reply.declared_length, full.size());
  EXPECT_EQ(run.body(), full.substr(0, full.size() / 2));
  EXPECT_FALSE(nlohmann::json::accept(run.body()));
}

TEST(DisconnectScenario, HeaderMovesTheCutAndStreamsAreCutToo) {
  const auto run =
      run_scenario("disconnect", chat_request(true), {{"X-Chatmock-Disconnect-After", "10"}});
  EXPECT_EQ(run.reply.ending, wire::WireEnding::cut);
  EXPECT_TRUE(run.reply.chunked);
  EXPECT_EQ(run.body(), run_scenario("default", chat_request(true)).body().substr(0, 10));
}

TEST(StreamErrorScenario, ContentThenAnErrorEventAndNoDone) {
  const auto run = run_scenario("stream_error", chat_request(true));
  const auto chunks = run.chunks();
  ASSERT_GE(chunks.size(), 2U);
  EXPECT_FALSE(run.ends_with_done());
  EXPECT_EQ(run.reply.ending, wire::WireEnding::complete);
  EXPECT_EQ(chunks.back()["error"]["type"], "server_error");
  EXPECT_TRUE(chunks.back()["error"]["code"].is_null());
  EXPECT_FALSE(joined_content(chunks).empty());
  EXPECT_FALSE(any_finish_reason(chunks));
  expect_valid_chunks(chunks);
}

TEST(StreamErrorScenario, JsonRequestGetsTheSameErrorAsA500) {
  const auto run = run_scenario("stream_error", chat_request());
  EXPECT_EQ(run.reply.status, 500);
  EXPECT_EQ(run.json()["error"]["type"], "server_error");
}

TEST(ErrorMidstreamScenario, AllContentArrivesBeforeTheErrorAndNoFinish) {
  const auto run = run_scenario("error_midstream_after_content", chat_request(true));
  const auto chunks = run.chunks();
  EXPECT_EQ(joined_content(chunks),
            joined_content(run_scenario("default", chat_request(true)).chunks()));
  EXPECT_FALSE(any_finish_reason(chunks));
  EXPECT_EQ(chunks.back()["error"]["message"],
            "The server had an error while processing your request. Sorry about that!");
  EXPECT_FALSE(run.ends_with_done());
  EXPECT_EQ(run_scenario("error_midstream_after_content", chat_request()).reply.status, 500);
}

TEST(TruncatedStreamScenario, EndsCleanlyAfterTheFinishWithoutDone) {
  auto request = chat_request(true);
  request["stream_options"] = {{"include_usage", true}};
  const auto run = run_scenario("truncated_stream", request);
  EXPECT_FALSE(run.ends_with_done());
  EXPECT_EQ(run.body().find("[DONE]"), std::string::npos);
  EXPECT_EQ(run.reply.ending, wire::WireEnding::complete);
  EXPECT_TRUE(any_finish_reason(run.chunks()));
  EXPECT_TRUE(run.chunks().back()["usage"].is_object());
  expect_valid_chunks(run.chunks());
  EXPECT_EQ(run_scenario("truncated_stream", chat_request()).body(),
            run_scenario("default", chat_request()).body());
}

TEST(StreamCutScenario, DropsTheConnectionInsideAChunk) {
  const auto run = run_scenario("stream_cut_no_done", chat_request(true));
  EXPECT_EQ(run.reply.ending, wire::WireEnding::cut);
  EXPECT_FALSE(run.ends_with_done());
  const auto body = run.body();
  EXPECT_NE(body.substr(body.size() - 2), "\n\n") << "the last event is unfinished";
  const auto last_line = body.substr(body.rfind("\n\n") + 2);
  EXPECT_EQ(last_line.rfind("data: {", 0), 0U);
  EXPECT_FALSE(nlohmann::json::accept(last_line.substr(6)));
  // Like the SDK decoders (§2.2), the harness drops the unterminated tail: every event parses.
  const auto complete = run.chunks();
  ASSERT_GE(complete.size(), 1U);
  EXPECT_FALSE(any_finish_reason(complete));
  expect_valid_chunks(complete);
}

TEST(StreamCutScenario, AfterChunkVariantCutsOnAnEventBoundaryAndJsonIsUntouched) {
  const auto run = run_scenario("stream_cut_no_done", chat_request(true),
                                {{"X-Chatmock-Variant", "after_chunk"}});
  EXPECT_EQ(run.reply.ending, wire::WireEnding::cut);
  EXPECT_EQ(run.body().substr(run.body().size() - 2), "\n\n");
  EXPECT_FALSE(any_finish_reason(run.chunks()));
  EXPECT_FALSE(run.ends_with_done());
  const auto plain = run_scenario("stream_cut_no_done", chat_request());
  EXPECT_EQ(plain.reply.ending, wire::WireEnding::complete);
  EXPECT_EQ(plain.body(), run_scenario("default", chat_request()).body());
}

TEST(SlowFirstByteScenario, SilenceBeforeTheFirstWriteInJsonAndStream) {
  EXPECT_EQ(run_scenario("slow_first_byte", chat_request()).reply.writes[0].delay,
            milliseconds(3000));
  const auto stream = run_scenario("slow_first_byte", chat_request(true));
  EXPECT_EQ(stream.reply.writes[0].delay, milliseconds(3000));
  EXPECT_EQ(total_delay(stream.reply), milliseconds(3000));
  const auto tuned =
      run_scenario("slow_first_byte", chat_request(true), {{"X-Chatmock-Latency", "ttft=120"}});
  EXPECT_EQ(tuned.reply.writes[0].delay, milliseconds(120));
}

TEST(SlowFirstByteScenario, KeepaliveVariantFillsTheSilenceWithComments) {
  const auto run =
      run_scenario("slow_first_byte", chat_request(true), {{"X-Chatmock-Variant", "keepalive"}});
  ASSERT_GT(run.reply.writes.size(), 3U);
  EXPECT_EQ(run.reply.writes[0].bytes, ": keepalive\n\n");
  EXPECT_EQ(run.reply.writes[0].delay, milliseconds(1000));
  EXPECT_EQ(run.reply.writes[1].bytes, ": keepalive\n\n");
  EXPECT_EQ(run.reply.writes[2].delay, milliseconds(1000));
  EXPECT_EQ(total_delay(run.reply), milliseconds(3000));
  EXPECT_TRUE(run.ends_with_done());
  EXPECT_EQ(run.chunks(), run_scenario("default", chat_request(true)).chunks());
}

TEST(StallScenario, StreamStallsOnceBetweenTwoChunks) {
  const auto run = run_scenario("stall_between_chunks", chat_request(true));
  std::size_t stalls = 0;
  for (std::size_t i = 0; i < run.reply.writes.size(); ++i) {
    if (run.reply.writes[i].delay == milliseconds(3000)) {
      ++stalls;
      EXPECT_GT(i, 0U);
      EXPECT_LT(i, run.reply.writes.size() - 1) << "chunks follow the stall";
    }
  }
  EXPECT_EQ(stalls, 1U);
  EXPECT_EQ(total_delay(run.reply), milliseconds(3000));
  EXPECT_TRUE(run.ends_with_done());
}

TEST(StallScenario, JsonIsSentInTwoHalvesWithTheStallBetween) {
  const auto run =
      run_scenario("stall_between_chunks", chat_request(), {{"X-Chatmock-Latency", "itl=50"}});
  ASSERT_EQ(run.reply.writes.size(), 2U);
  EXPECT_EQ(run.reply.writes[0].delay, milliseconds(0));
  EXPECT_EQ(run.reply.writes[1].delay, milliseconds(50));
  EXPECT_EQ(run.body(), run_scenario("default", chat_request()).body());
}

TEST(TransportComposition, TruncatedSlowStreamIsPacedAndLacksDone) {
  const auto run = run_scenario("truncated_stream+slow", chat_request(true));
  EXPECT_FALSE(run.ends_with_done());
  EXPECT_EQ(run.reply.writes[0].delay, milliseconds(400));
}

TEST(TransportCatalogue, EveryTransportScenarioIsRegisteredInItsGroup) {
  for (const char* name :
       {"slow", "disconnect", "stream_error", "truncated_stream", "error_midstream_after_content",
        "stream_cut_no_done", "slow_first_byte", "stall_between_chunks"}) {
    const auto* scenario = scenarios::builtin_catalogue().find(name);
    ASSERT_NE(scenario, nullptr) << name;
    EXPECT_EQ(scenario->group, "transport") << name;
    EXPECT_FALSE(scenario->breaks_spec) << name;
  }
}

}  // namespace
}  // namespace chatmock::testing
