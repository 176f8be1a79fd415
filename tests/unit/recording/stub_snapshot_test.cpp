// An exchange becomes a fixture that loads, matches the same request and replays the same bytes;
// nothing secret and nothing volatile survives into it.
#include "recording/stub_snapshot.h"

#include <gtest/gtest.h>

#include "reply/stub_reply.h"
#include "stubbing/stub_parser.h"

namespace chatmock::recording {
namespace {
using std::chrono::milliseconds;

const std::string kSnapshotKey = "sk-test-Hq3kFakeKeyForChatmockTests000001";

wire::HttpRequest request_for(nlohmann::json body) {
  wire::HttpRequest request;
  request.path = "/v1/chat/completions";
  request.body = body.dump();
  request.headers = {{"authorization", "Bearer " + kSnapshotKey},
                     {"content-type", "application/json"}};
  return request;
}

nlohmann::json chat(bool stream) {
  return {{"model", "gpt-4o-mini"},
          {"stream", stream},
          {"user", "user-8472"},
          {"metadata", {{"run", "17"}}},
          {"messages",
           {{{"role", "user"}, {"content", "What is the weather in Paris today?"}},
            {{"role", "assistant"},
             {"content", nullptr},
             {"tool_calls",
              {{{"id", "call_x1"},
                {"type", "function"},
                {"function", {{"name", "get_weather"}, {"arguments", "{}"}}}}}}},
            {{"role", "tool"}, {"tool_call_id", "call_x1"}, {"content", "18C"}}}}};
}

http::UpstreamResponse json_response(std::string body) {
  http::UpstreamResponse response;
  response.status = 200;
  response.complete = true;
  response.headers = {{"content-type", "application/json"},
                      {"content-length", std::to_string(body.size())},
                      {"date", "Mon, 01 Jan 2025 00:00:00 GMT"},
                      {"openai-organization", "org-Acme123"},
                      {"x-request-id", "req_abc"}};
  response.pieces = {{std::move(body), milliseconds(230)}};
  return response;
}

/// Parses the snapshot as a fixture and renders its reply for the same request.
wire::WireReply replay(const Snapshot& snapshot, const wire::HttpRequest& request) {
  const auto stub = stubbing::parse_stub(snapshot.stub, "");
  const auto body = nlohmann::json::parse(request.body);
  EXPECT_TRUE(stub.request.matches({body, request}));
  reply::RunInput input;
  input.request = body.get<api::ChatCompletionRequest>();
  input.directives = *reply::parse_directives(request, "", {});
  return *reply::render_stub(stub.replies.front(), {}, std::move(input));
}

TEST(StubSnapshotTest, AJsonExchangeReplaysItsBodyByteForByte) {
  const std::string body =
      R"({"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-4o-mini","choices":[]})";
  const auto request = request_for(chat(false));
  const auto snapshot =
      snapshot_of(request, json_response(body), "https://api.example/v1", "2025-01-01T00:00:00Z");
  ASSERT_TRUE(snapshot);
  EXPECT_TRUE(snapshot->stub["reply"].contains("body"));  // reviewable JSON, not a string
  EXPECT_EQ(replay(*snapshot, request).body(), body);
}

TEST(StubSnapshotTest, APrettyPrintedBodyIsStoredAsJsonWithItsIndent) {
  const std::string body = "{\n  \"id\": \"chatcmpl-1\",\n  \"object\": \"chat.completion\"\n}";
  const auto request = request_for(chat(false));
  const auto snapshot = snapshot_of(request, json_response(body), "u", "t");
  EXPECT_EQ(snapshot->stub["reply"]["body_indent"], 2);
  EXPECT_EQ(replay(*snapshot, request).body(), body);
}

TEST(StubSnapshotTest, BodiesThatDoNotRoundTripAreStoredAsText) {
  const std::string body = R"({"b": 1.50, "a":2})";
  const auto request = request_for(chat(false));
  const auto snapshot = snapshot_of(request, json_response(body), "u", "t");
  EXPECT_EQ(snapshot->stub["reply"]["body_text"], body);
  EXPECT_EQ(replay(*snapshot, request).body(), body);
}

TEST(StubSnapshotTest, AStreamIsStoredWriteByWriteWithDelaysAndSplitCharactersInBase64) {
  http::UpstreamResponse response;
  response.status = 200;
  response.complete = true;
  response.headers = {{"content-type", "text/event-stream; charset=utf-8"},
                      {"transfer-encoding", "chunked"}};
  const std::string euro = "\xE2\x82\xAC";
  response.pieces = {{"data: {\"c\":\"1" + euro.substr(0, 1), milliseconds(180)},
                     {euro.substr(1) + "\"}\n\n", milliseconds(20)},
                     {"data: [DONE]\n\n", milliseconds(5)}};
  const auto request = request_for(chat(true));
  const auto snapshot = snapshot_of(request, response, "u", "t");
  const auto& chunks = snapshot->stub["reply"]["chunks"];
  ASSERT_EQ(chunks.size(), 3u);
  EXPECT_EQ(chunks[0]["delay_ms"], 180);
  EXPECT_TRUE(chunks[0].contains("data_base64"));
  EXPECT_EQ(chunks[2]["data"], "data: [DONE]\n\n");
  const auto replayed = replay(*snapshot, request);
  ASSERT_EQ(replayed.writes.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(replayed.writes[i], response.pieces[i]);
}

TEST(StubSnapshotTest, AnUnfinishedResponseIsRecordedAsCut) {
  http::UpstreamResponse response = json_response("{\"id\":");
  response.complete = false;
  response.headers.push_back({"content-length", "250"});
  const auto request = request_for(chat(false));
  const auto snapshot = snapshot_of(request, response, "u", "t");
  EXPECT_EQ(snapshot->stub["reply"]["ending"], "cut");
  EXPECT_EQ(replay(*snapshot, request).ending, wire::WireEnding::cut);
}

TEST(StubSnapshotTest, TheMatchIsTheBodyWithoutVolatileFieldsOrToolCallIds) {
  const auto snapshot = snapshot_of(request_for(chat(false)), json_response("{}"), "u", "t");
  const nlohmann::json match = snapshot->stub["match"]["body"];
  EXPECT_FALSE(match.contains("user"));
  EXPECT_FALSE(match.contains("metadata"));
  EXPECT_FALSE(match["messages"][1]["tool_calls"][0].contains("id"));
  EXPECT_FALSE(match["messages"][2].contains("tool_call_id"));
  EXPECT_EQ(match["messages"][2]["content"], "18C");
  // The same conversation with other ids and another user still matches.
  auto again = chat(false);
  again["user"] = "someone-else";
  again["messages"][1]["tool_calls"][0]["id"] = "call_zz";
  again["messages"][2]["tool_call_id"] = "call_zz";
  const auto stub = stubbing::parse_stub(snapshot->stub, "");
  const auto request = request_for(again);
  EXPECT_TRUE(stub.request.matches({again, request}));
}

TEST(StubSnapshotTest, NoSecretReachesTheFixture) {
  auto body = chat(false);
  body["messages"][0]["content"] = "My key is " + kSnapshotKey + ", keep it safe";
  const auto snapshot = snapshot_of(
      request_for(body), json_response(R"({"echo":")" + kSnapshotKey + R"("})"), "u", "t");
  const std::string text = snapshot->stub.dump(2);
  EXPECT_EQ(text.find(kSnapshotKey), std::string::npos);
  EXPECT_EQ(text.find("org-Acme123"), std::string::npos);
  EXPECT_EQ(text.find("Mon, 01 Jan 2025"), std::string::npos);  // date: volatile, not recorded
  EXPECT_EQ(snapshot->stub["reply"]["headers"]["openai-organization"], "[REDACTED]");
  EXPECT_EQ(snapshot->stub["reply"]["headers"]["x-request-id"], "req_abc");
  EXPECT_EQ(snapshot->file_stem.find("sk-"), std::string::npos);
}

TEST(StubSnapshotTest, FileNamesSayModelWordsStreamAndStatus) {
  EXPECT_EQ(snapshot_of(request_for(chat(true)), json_response("{}"), "u", "t")->file_stem,
            "gpt-4o-mini-what-is-the-weather-in-paris-today-stream");
  auto error = json_response(R"({"error":{}})");
  error.status = 429;
  EXPECT_EQ(snapshot_of(request_for(chat(false)), error, "u", "t")->file_stem,
            "gpt-4o-mini-what-is-the-weather-in-paris-today-429");
}

TEST(StubSnapshotTest, ClientChosenNamesCannotLeaveTheRecordingFolder) {
  // The model and the user's words become the file name: no separator, no dot-file, no "..".
  for (const std::string model :
       {"../../etc/passwd", "/abs/path", "..", "a\\b", ".hidden", "x/../../y"}) {
    auto body = chat(false);
    body["model"] = model;
    body["messages"][0]["content"] = "../../../escape/" + model;
    const auto stem = snapshot_of(request_for(body), json_response("{}"), "u", "t")->file_stem;
    EXPECT_EQ(stem.find('/'), std::string::npos) << stem;
    EXPECT_EQ(stem.find('\\'), std::string::npos) << stem;
    EXPECT_FALSE(stem.empty() || stem.front() == '.') << stem;
    EXPECT_NE(stem, "..");
  }
}

TEST(StubSnapshotTest, ARequestThatIsNotJsonIsNotRecorded) {
  wire::HttpRequest request;
  request.body = "not json";
  EXPECT_FALSE(snapshot_of(request, json_response("{}"), "u", "t"));
}

}  // namespace
}  // namespace chatmock::recording
