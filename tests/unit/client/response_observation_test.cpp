// The reference client's Responses projections: a Response object to the observation, error
// bodies, and recorded event streams through ResponseStreamReader — terminal events, error
// events (named and unnamed), streams without a terminal event and non-JSON data.
#include "chatmock/client/response_observation.h"

#include <gtest/gtest.h>

#include <string>

#include "chatmock/client/response_stream_reader.h"

namespace chatmock::client {
namespace {

using nlohmann::json;

const char* const kTextResponse = R"({"id":"resp_1","object":"response","model":"gpt-4o",
  "status":"completed","error":null,"incomplete_details":null,"output":[
   {"id":"msg_1","type":"message","role":"assistant","status":"completed","content":[
     {"type":"output_text","text":"Hi ","annotations":[{"type":"url_citation","url":"https://a",
      "title":"A","start_index":0,"end_index":2}],"logprobs":[]},
     {"type":"refusal","refusal":"no"},{"type":"output_text","text":"there","annotations":[]}]},
   {"id":"fc_1","type":"function_call","call_id":"call_1","name":"f","arguments":"{\"a\":"},
   {"id":"rs_1","type":"reasoning","summary":[{"type":"summary_text","text":"thought"}]},
   {"id":"ws_1","type":"web_search_call","status":"completed","action":{"type":"search"}}],
  "usage":{"input_tokens":3,"output_tokens":4,"total_tokens":7,
           "input_tokens_details":{"cached_tokens":0},"output_tokens_details":{"reasoning_tokens":0}}})";

// One event; JSON data is compacted onto one `data:` line (the fixtures span lines).
std::string sse(const std::string& event, const std::string& data) {
  const json parsed = json::parse(data, nullptr, false);
  return (event.empty() ? "" : "event: " + event + "\n") +
         "data: " + (parsed.is_discarded() ? data : parsed.dump()) + "\n\n";
}

std::string completed_event(const std::string& response) {
  return sse("response.completed",
             R"({"type":"response.completed","sequence_number":2,"response":)" + response + "}");
}

const std::string kCreated =
    sse("response.created",
        R"({"type":"response.created","sequence_number":0,"response":{"id":"resp_1"}})") +
    sse("response.output_text.delta",
        R"({"type":"response.output_text.delta","sequence_number":1,"delta":"Hi"})");

TEST(ResponseObservationTest, ProjectsEveryItemKindAndJoinsOutputText) {
  const json obs = responses_observation_from_object(json::parse(kTextResponse));
  EXPECT_EQ(obs["status"], "completed");
  EXPECT_EQ(obs["output_text"], "Hi there");
  EXPECT_TRUE(obs["incomplete_reason"].is_null());
  EXPECT_TRUE(obs["response_error"].is_null());
  EXPECT_TRUE(obs["events"].is_null());
  EXPECT_EQ(obs["output"][0]["content"][0]["annotations"][0],
            json::parse(R"({"type":"url_citation","url":"https://a","title":"A",
              "start_index":0,"end_index":2})"));
  EXPECT_EQ(obs["output"][0]["content"][1], json::parse(R"({"type":"refusal","refusal":"no"})"));
  EXPECT_EQ(obs["output"][1], json::parse(R"({"type":"function_call","id":"fc_1",
    "call_id":"call_1","name":"f","arguments":"{\"a\":"})"));
  EXPECT_EQ(obs["output"][2], json::parse(R"({"type":"reasoning","id":"rs_1",
    "summary":["thought"]})"));
  EXPECT_EQ(obs["output"][3],
            json::parse(R"({"type":"web_search_call","id":"ws_1","status":"completed"})"));
  EXPECT_EQ(obs["usage"], json::parse(R"({"input_tokens":3,"output_tokens":4,"total_tokens":7})"));
}

TEST(ResponseObservationTest, IncompleteAndFailedResponsesAreStillResponses) {
  json obs = responses_observation_from_body(200, R"({"id":"r","status":"incomplete",
    "incomplete_details":{"reason":"max_output_tokens"},"output":[]})");
  EXPECT_EQ(obs["ok"], true);
  EXPECT_EQ(obs["incomplete_reason"], "max_output_tokens");
  obs = responses_observation_from_body(
      200, R"({"id":"r","status":"failed","error":{"code":"server_error","message":"m"},
               "output":null})");
  EXPECT_EQ(obs["ok"], true);
  EXPECT_EQ(obs["response_error"]["code"], "server_error");
  EXPECT_EQ(obs["output"], json::array());
  EXPECT_EQ(obs["output_text"], "");
}

TEST(ResponseObservationTest, ErrorBodiesKeepTheirStatus) {
  const json obs = responses_observation_from_body(
      400, R"({"error":{"message":"m","type":"invalid_request_error","code":"x","param":null}})");
  EXPECT_EQ(obs, json::parse(R"({"ok":false,"error":{"status":400,
    "type":"invalid_request_error","code":"x","message":"m"}})"));
}

TEST(ResponseObservationTest, StreamEndsWithTheTerminalEventsResponseAndCountsEvents) {
  const json obs = responses_observation_from_sse_body(kCreated + completed_event(kTextResponse) +
                                                       "data: [DONE]\n\n");
  EXPECT_EQ(obs["ok"], true);
  EXPECT_EQ(obs["output_text"], "Hi there");
  EXPECT_EQ(obs["events"], 3);
}

TEST(ResponseObservationTest, UnknownEventTypesAreCountedAndPassedBy) {
  const json obs = responses_observation_from_sse_body(
      kCreated + sse("response.future.delta", R"({"type":"response.future.delta"})") +
      completed_event(kTextResponse));
  EXPECT_EQ(obs["ok"], true);
  EXPECT_EQ(obs["events"], 4);
}

TEST(ResponseObservationTest, NamedAndUnnamedErrorEventsAreMidStreamErrors) {
  const std::string flat_and_nested =
      R"({"type":"error","code":"server_error","message":"boom","param":null,"sequence_number":2,
          "error":{"type":"server_error","code":"server_error","message":"boom","param":null}})";
  for (const std::string& name : {std::string("error"), std::string()}) {
    const json obs = responses_observation_from_sse_body(kCreated + sse(name, flat_and_nested));
    EXPECT_EQ(obs, json::parse(R"({"ok":false,"error":{"status":null,"type":"server_error",
      "code":"server_error","message":"boom"}})"))
        << "event name '" << name << "'";
  }
  const json flat = responses_observation_from_sse_body(
      kCreated + sse("", R"({"type":"error","code":"rate_limit_exceeded","message":"slow"})"));
  EXPECT_EQ(flat["error"]["code"], "rate_limit_exceeded");
  EXPECT_EQ(flat["error"]["type"], "error");
}

TEST(ResponseObservationTest, NoTerminalEventIsAnIncompleteStream) {
  for (const std::string& body : {kCreated, kCreated + "data: [DONE]\n\n",
                                  kCreated + "event: response.completed\ndata: {\"type\":\"resp"}) {
    const json obs = responses_observation_from_sse_body(body);
    EXPECT_EQ(obs["ok"], false);
    EXPECT_TRUE(obs["error"]["status"].is_null());
    EXPECT_EQ(obs["error"]["type"], kIncompleteStream);
  }
}

TEST(ResponseObservationTest, NonJsonDataIsInvalid) {
  const json obs = responses_observation_from_sse_body(
      kCreated + sse("response.output_text", "{\"type\": response.output_text"));
  EXPECT_EQ(obs["error"]["type"], kInvalidResponse);
}

TEST(ResponseObservationTest, AStreamRequestAnsweredWithJsonReadsTheBody) {
  ResponseStreamReader reader;
  reader.feed(kTextResponse);
  EXPECT_EQ(reader.finish()["output_text"], "Hi there");
}

}  // namespace
}  // namespace chatmock::client
