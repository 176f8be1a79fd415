// A recording keeps the JSON and the stream form of one body apart: `stream` and
// stream_options.include_usage are part of what a recorded fixture matches, so a stream is
// never answered with chunks synthesized from a recorded JSON body, and --strict names the miss.
#include <gtest/gtest.h>

#include "integration/fixtures/fixture_client.h"
#include "support/running_server.h"

namespace chatmock::testing {
namespace {

const httplib::Headers kClient{{"Authorization", "Bearer sk-test"}, {"X-Chatmock-Seed", "7"}};

/// The body an SDK sends for a plain call: no `stream` key at all.
nlohmann::json plain_body() {
  return {{"model", "gpt-4o-mini"},
          {"messages", {{{"role", "user"}, {"content", "Name three rivers"}}}}};
}

nlohmann::json streaming(nlohmann::json body, bool include_usage = false) {
  body["stream"] = true;
  if (include_usage) body["stream_options"] = {{"include_usage", true}};
  return body;
}

app::Config recorder_config(const RunningServer& upstream, const TempFolder& folder) {
  app::Config config;
  config.record = {folder.path(), upstream.base_url(), recording::RecordMode::new_requests, false};
  return config;
}

TEST(RecordStreamSeparationTest, NewModeRecordsTheStreamBesideTheJsonRecording) {
  TempFolder folder("stream-apart");
  RunningServer upstream;
  RunningServer recorder(recorder_config(upstream, folder));
  const auto json_reply = post_chat_pieces(recorder.port(), plain_body(), kClient);
  ASSERT_EQ(json_reply.status, 200);
  const auto direct = post_chat_pieces(upstream.port(), streaming(plain_body()), kClient);
  const auto stream_reply = post_chat_pieces(recorder.port(), streaming(plain_body()), kClient);
  EXPECT_EQ(upstream.app().context().journal.count(), 3u);  // JSON, direct stream, proxied stream
  EXPECT_EQ(stream_reply.body, direct.body);  // the upstream's stream, not one made from the JSON
  EXPECT_EQ(folder.files().size(), 2u);

  // include_usage changes what the stream carries, so it is recorded on its own too.
  post_chat_pieces(recorder.port(), streaming(plain_body(), true), kClient);
  EXPECT_EQ(folder.files().size(), 3u);
  // Each form now replays from its own recording.
  post_chat_pieces(recorder.port(), plain_body(), kClient);
  post_chat_pieces(recorder.port(), streaming(plain_body()), kClient);
  post_chat_pieces(recorder.port(), streaming(plain_body(), true), kClient);
  EXPECT_EQ(upstream.app().context().journal.count(), 4u);
  EXPECT_EQ(folder.files().size(), 3u);
}

TEST(RecordStreamSeparationTest, StrictReplayOfAStreamWithOnlyAJsonRecordingIsA404NamingStream) {
  TempFolder folder("stream-strict");
  RunningServer upstream;
  {
    RunningServer recorder(recorder_config(upstream, folder));
    ASSERT_EQ(post_chat_pieces(recorder.port(), plain_body(), kClient).status, 200);
  }
  app::Config config;
  config.fixture_dirs = {folder.path()};
  config.strict = true;
  RunningServer replay(config);
  EXPECT_EQ(post_chat_pieces(replay.port(), plain_body(), kClient).status, 200);
  const auto miss = post_chat_pieces(replay.port(), streaming(plain_body()), kClient);
  ASSERT_EQ(miss.status, 404);
  EXPECT_EQ(miss.json()["error"]["code"], "no_matching_stub");
  const auto message = miss.json()["error"]["message"].get<std::string>();
  EXPECT_NE(message.find("stream expected false, got true"), std::string::npos) << message;
}

TEST(RecordStreamSeparationTest, AHandWrittenStubThatDoesNotSayStreamAnswersBothForms) {
  TempFolder folder("stream-hand");
  folder.write("hand.json", R"({"match": {"last_user_message": "Name three rivers"},
    "reply": {"synthesize": {"content": "Nile, Amazon, Danube."}}})");
  app::Config config;
  config.fixture_dirs = {folder.path()};
  config.strict = true;
  RunningServer replay(config);
  const auto json_reply = post_chat_pieces(replay.port(), plain_body(), kClient);
  ASSERT_EQ(json_reply.status, 200);
  EXPECT_NE(json_reply.body.find("Nile, Amazon, Danube."), std::string::npos);
  const auto stream_reply = post_chat_pieces(replay.port(), streaming(plain_body(), true), kClient);
  ASSERT_EQ(stream_reply.status, 200);
  EXPECT_NE(stream_reply.body.find("data: [DONE]"), std::string::npos);
}

}  // namespace
}  // namespace chatmock::testing
