// Each reply kind rendered for JSON and stream requests, with and without scenarios layered on
// top; the decoding uses the same harness the scenario tests use.
#include <gtest/gtest.h>

#include "reply/stub_reply.h"
#include "scenarios/scenario_catalogue.h"
#include "stub_test_support.h"
#include "support/scenario_harness.h"

namespace chatmock::stubbing {
namespace {
using chatmock::testing::ScenarioRun;

const char* const kCompletionStub = R"({"reply": {"headers": {"x-fixture": "weather"}, "body": {
  "id": "chatcmpl-fixture1", "object": "chat.completion", "created": 1700000000, "model": "gpt-4o-mini",
  "choices": [{"index": 0, "message": {"role": "assistant", "content": "Sunny, 18 degrees.", "refusal": null,
               "annotations": []}, "logprobs": null, "finish_reason": "stop"}],
  "usage": {"prompt_tokens": 9, "completion_tokens": 5, "total_tokens": 14}}}})";

wire::HttpRequest http_for(const nlohmann::json& body) {
  wire::HttpRequest http;
  http.path = "/v1/chat/completions";
  http.body = body.dump();
  return http;
}

ScenarioRun render(const StubMapping& stub, bool stream,
                   const std::vector<std::string>& layers = {}, nlohmann::json body = nullptr) {
  if (body.is_null()) body = chatmock::testing::tool_request(stream);
  body["stream"] = stream;
  const wire::HttpRequest http = http_for(body);
  reply::RunInput input;
  input.request = body.get<api::ChatCompletionRequest>();
  input.directives = *reply::parse_directives(http, "", {});
  input.synthesis = {11, true, 1'735'689'600};
  scenarios::Composition composition = stub.layers;
  for (const auto& name : layers) composition.push_back(scenarios::builtin_catalogue().find(name));
  return {*reply::render_stub(stub.replies.front(), composition, std::move(input))};
}

TEST(StubReplyRendererTest, ABodyIsSentByteForByteAsWritten) {
  const auto s = testing::stub(kCompletionStub);
  const auto run = render(s, false);
  EXPECT_EQ(run.body(), s.replies.front().body);
  EXPECT_EQ(run.body().find("\"id\":\"chatcmpl-fixture1\",\"object\":\"chat.completion\""),
            1u);  // key order kept
  EXPECT_EQ(run.reply.header("x-fixture"), "weather");
}

TEST(StubReplyRendererTest, APrettyPrintedBodyKeepsItsIndent) {
  const auto s =
      testing::stub(R"({"reply": {"body_indent": 2, "body": {"a": [1, 2], "b": {"c": null}}}})");
  EXPECT_EQ(render(s, false).body(),
            "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {\n    \"c\": null\n  }\n}");
}

TEST(StubReplyRendererTest, ACompletionBodyStreamsWhenTheRequestStreams) {
  const auto s = testing::stub(kCompletionStub);
  const auto run = render(s, true);
  EXPECT_TRUE(run.reply.chunked);
  EXPECT_TRUE(run.ends_with_done());
  const auto assembled = run.assembled();
  EXPECT_EQ(assembled.id, "chatcmpl-fixture1");
  EXPECT_EQ(assembled.choices.at(0).message.content.value_or(""), "Sunny, 18 degrees.");
  EXPECT_EQ(assembled.choices.at(0).finish_reason, api::FinishReason::stop);
  EXPECT_GT(run.chunks().size(), 2u);
  EXPECT_EQ(run.reply.header("x-fixture"), "weather");
}

TEST(StubReplyRendererTest, AnErrorIsSentAsIsEvenToAStreamingRequest) {
  const auto s = testing::stub(R"({"reply": {"status": 429, "headers": {"retry-after-ms": "50"},
    "body": {"error": {"message": "Slow down", "type": "requests", "param": null, "code": "rate_limit_exceeded"}}}})");
  const auto run = render(s, true);
  EXPECT_EQ(run.reply.status, 429);
  EXPECT_FALSE(run.reply.chunked);
  EXPECT_EQ(run.json()["error"]["code"], "rate_limit_exceeded");
  EXPECT_EQ(run.reply.header("retry-after-ms"), "50");
}

TEST(StubReplyRendererTest, BodyTextAndBase64AreSentVerbatimWithTheirContentType) {
  const auto html =
      testing::stub(R"({"reply": {"status": 502, "headers": {"Content-Type": "text/html"},
                                              "body_text": "<html>Bad gateway</html>"}})");
  const auto run = render(html, false);
  EXPECT_EQ(run.body(), "<html>Bad gateway</html>");
  EXPECT_EQ(run.reply.content_type, "text/html");
  const auto bytes = testing::stub(R"({"reply": {"body_base64": "/wA="}})");
  EXPECT_EQ(render(bytes, false).body(), std::string("\xff\x00", 2));
}

TEST(StubReplyRendererTest, SynthesizeAppliesContentToolCallAndFinishReasonOverrides) {
  const auto text = testing::stub(
      R"({"reply": {"synthesize": {"content": "Exactly this.", "finish_reason": "length"}}})");
  const auto choice = render(text, false).json()["choices"][0];
  EXPECT_EQ(choice["message"]["content"], "Exactly this.");
  EXPECT_EQ(choice["finish_reason"], "length");

  const auto call = testing::stub(R"({"reply": {"synthesize": {"tool_calls": [
    {"name": "get_weather", "arguments": {"city": "Oslo"}}]}}})");
  for (const bool stream : {false, true}) {
    const auto run = render(call, stream);
    const auto message = stream ? nlohmann::json(run.assembled())["choices"][0]["message"]
                                : run.json()["choices"][0]["message"];
    ASSERT_EQ(message["tool_calls"].size(), 1u) << stream;
    EXPECT_EQ(message["tool_calls"][0]["function"]["name"], "get_weather");
    EXPECT_EQ(message["tool_calls"][0]["function"]["arguments"], R"({"city":"Oslo"})");
  }
}

TEST(StubReplyRendererTest, RecordedChunksReplayWriteForWriteWithTheirDelays) {
  const auto s = testing::stub(R"({"reply": {"chunks": [
    {"delay_ms": 120, "data": "data: {\"a\":1}\n\n"},
    {"delay_ms": 15, "data": "data: {\"a\":"},
    {"data": "2}\n\ndata: [DONE]\n\n"}]}})");
  const auto run = render(s, true);
  ASSERT_EQ(run.reply.writes.size(), 3u);
  EXPECT_EQ(run.reply.writes[0],
            (wire::WireWrite{"data: {\"a\":1}\n\n", std::chrono::milliseconds(120)}));
  EXPECT_EQ(run.reply.writes[1], (wire::WireWrite{"data: {\"a\":", std::chrono::milliseconds(15)}));
  EXPECT_EQ(run.reply.writes[2].delay.count(), 0);
  EXPECT_TRUE(run.reply.chunked);
  EXPECT_EQ(run.reply.content_type, "text/event-stream; charset=utf-8");
  EXPECT_EQ(run.reply.ending, wire::WireEnding::complete);
}

TEST(StubReplyRendererTest, ACutRecordingEndsCut) {
  const auto stream =
      testing::stub(R"({"reply": {"ending": "cut", "chunks": [{"data": "data: {\"a\":"}]}})");
  EXPECT_EQ(render(stream, true).reply.ending, wire::WireEnding::cut);
  const auto json = testing::stub(
      R"({"reply": {"ending": "cut", "declared_length": 400, "body_text": "{\"id\":"}})");
  const auto run = render(json, false);
  EXPECT_EQ(run.reply.ending, wire::WireEnding::cut);
  EXPECT_EQ(run.reply.declared_length, 400u);
}

TEST(StubReplyRendererTest, TheStubsOwnScenarioLayersOnItsReply) {
  const auto s =
      testing::stub(std::string(kCompletionStub).insert(1, R"("scenario": "sse_crlf", )"));
  const auto run = render(s, true);
  EXPECT_NE(run.body().find("\r\n\r\n"), std::string::npos);
  EXPECT_EQ(run.assembled().choices.at(0).message.content.value_or(""), "Sunny, 18 degrees.");
}

TEST(StubReplyRendererTest, ALayeredErrorScenarioReplacesABodyButNotARecordedError) {
  const auto body = testing::stub(kCompletionStub);
  EXPECT_EQ(render(body, false, {"error_500"}).reply.status, 500);
  const auto error = testing::stub(R"({"reply": {"status": 418, "body_text": "teapot"}})");
  const auto run = render(error, false, {"error_500"});
  EXPECT_EQ(run.reply.status, 418);
  EXPECT_EQ(run.body(), "teapot");
}

TEST(StubReplyRendererTest, ALayeredTransportScenarioEditsRecordedChunks) {
  const auto s = testing::stub(
      R"({"reply": {"chunks": [{"data": "data: {\"a\":1}\n\n"}, {"data": "data: [DONE]\n\n"}]}})");
  const auto run = render(s, true, {"stream_cut_no_done"});
  EXPECT_EQ(run.reply.ending, wire::WireEnding::cut);
}

}  // namespace
}  // namespace chatmock::stubbing
