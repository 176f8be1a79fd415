// Unit tests for the observation projections: non-stream completions, error bodies (§3.1,
// §5 #67-69) and recorded SSE bodies through StreamReader (§5 F/G end-of-body cases).
#include "chatmock/client/observation.h"

#include <gtest/gtest.h>

#include <string>

#include "chatmock/client/stream_reader.h"

namespace chatmock::client {
namespace {

using nlohmann::json;

TEST(ObservationTest, ProjectsATextCompletion) {
  const json completion = json::parse(R"({"id":"chatcmpl-1","object":"chat.completion","created":1,
    "model":"gpt-4o","system_fingerprint":"fp","choices":[{"index":0,"message":{"role":"assistant",
    "content":"Hi","refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}],
    "usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4,
    "prompt_tokens_details":{"cached_tokens":0}}})");
  EXPECT_EQ(observation_from_completion(completion), json::parse(R"({"ok":true,"id":"chatcmpl-1",
    "model":"gpt-4o","choices":[{"index":0,"finish_reason":"stop","content":"Hi","refusal":null,
    "tool_calls":[],"function_call":null}],
    "usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}})"));
}

TEST(ObservationTest, ProjectsToolCallsWithRawArguments) {
  const json completion = json::parse(R"({"id":"c","model":"m","choices":[{"index":0,
    "message":{"role":"assistant","content":null,"tool_calls":[
      {"id":"call_1","type":"function","function":{"name":"f","arguments":"{\"a\": 1"}},
      {"id":"call_2","type":"custom","custom":{"name":"g","input":"free text"}}]},
    "finish_reason":"tool_calls"}]})");
  const json obs = observation_from_completion(completion);
  EXPECT_EQ(obs["choices"][0]["tool_calls"],
            json::parse(R"([{"id":"call_1","name":"f","arguments":"{\"a\": 1"},
                            {"id":"call_2","name":"g","arguments":"free text"}])"));
  EXPECT_TRUE(obs["choices"][0]["content"].is_null());
  EXPECT_TRUE(obs["usage"].is_null());
}

TEST(ObservationTest, ProjectsLegacyFunctionCall) {
  const json completion = json::parse(R"({"choices":[{"index":0,"message":{"content":null,
    "function_call":{"name":"f","arguments":"{}"}},"finish_reason":"function_call"}]})");
  EXPECT_EQ(observation_from_completion(completion)["choices"][0]["function_call"],
            json({{"name", "f"}, {"arguments", "{}"}}));
}

TEST(ObservationTest, MissingFieldsBecomeNull) {
  const json obs = observation_from_completion(json::parse(R"({"choices":[{}],"usage":{}})"));
  EXPECT_EQ(obs, json::parse(R"({"ok":true,"id":null,"model":null,"choices":[{"index":null,
    "finish_reason":null,"content":null,"refusal":null,"tool_calls":[],"function_call":null}],
    "usage":{"prompt_tokens":null,"completion_tokens":null,"total_tokens":null}})"));
}

TEST(ObservationTest, KeepsWrongTypesAsTheBodySaidThem) {
  const json obs = observation_from_completion(
      json::parse(R"({"id":7,"choices":[{"index":"0","message":{"content":42}}],"usage":"x"})"));
  EXPECT_EQ(obs["id"], 7);
  EXPECT_EQ(obs["choices"][0]["index"], "0");
  EXPECT_EQ(obs["choices"][0]["content"], 42);
  EXPECT_TRUE(obs["usage"].is_null());
}

TEST(ObservationTest, MissingOrNullChoicesAreEmpty) {
  EXPECT_EQ(observation_from_completion(json::object())["choices"], json::array());
  EXPECT_EQ(observation_from_completion(json::parse(R"({"choices":null})"))["choices"],
            json::array());
}

TEST(ObservationTest, ErrorBodyWithWrapper) {
  const std::string body = R"({"error":{"message":"Rate limit reached","type":"tokens",
    "param":null,"code":"rate_limit_exceeded"}})";
  EXPECT_EQ(observation_from_error_response(429, body), json::parse(R"({"ok":false,"error":{
    "status":429,"type":"tokens","code":"rate_limit_exceeded","message":"Rate limit reached"}})"));
}

TEST(ObservationTest, ErrorBodyWithoutWrapper) {
  // http_error_no_wrapper (§5 #69): python's body.get("error", body).
  EXPECT_EQ(
      observation_from_error_response(400, R"({"message":"bad","type":"invalid_request_error"})"),
      error_observation(400, "invalid_request_error", nullptr, "bad"));
}

TEST(ObservationTest, ErrorBodyWithStringError) {
  EXPECT_EQ(observation_from_error_response(500, R"({"error":"upstream failed"})"),
            error_observation(500, nullptr, nullptr, "upstream failed"));
}

TEST(ObservationTest, NonJsonErrorBodyBecomesTheMessage) {
  // http_error_non_json_body (§5 #68).
  const std::string html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
  EXPECT_EQ(observation_from_error_response(502, html),
            error_observation(502, nullptr, nullptr, html));
  EXPECT_EQ(observation_from_error_response(503, ""), error_observation(503, nullptr, nullptr, ""));
  EXPECT_EQ(observation_from_error_response(500, "[1,2]")["error"]["message"], "[1,2]");
}

TEST(ObservationTest, LongNonJsonErrorBodyIsCutAt200BytesOnACharacterBoundary) {
  EXPECT_EQ(observation_from_error_response(502, std::string(300, 'x'))["error"]["message"],
            std::string(200, 'x'));
  // 199 ASCII bytes then a 2-byte character straddling byte 200: the character is dropped whole.
  const std::string body = std::string(199, 'a') + "\xC3\xA9" + "tail";
  EXPECT_EQ(observation_from_error_response(502, body)["error"]["message"], std::string(199, 'a'));
}

TEST(ObservationTest, SuccessResponseIsParsed) {
  EXPECT_EQ(observation_from_response(200, R"({"id":"x","choices":[]})")["id"], "x");
}

TEST(ObservationTest, SuccessResponseThatIsNotJsonIsAnInvalidResponse) {
  const json obs = observation_from_response(200, "<html>");
  EXPECT_EQ(obs["ok"], false);
  EXPECT_EQ(obs["error"]["status"], 200);
  EXPECT_EQ(obs["error"]["type"], "invalid_response");
}

TEST(ObservationTest, ErrorStatusResponseUsesTheErrorBody) {
  EXPECT_EQ(observation_from_response(404, R"({"error":{"message":"m","type":"t","code":"c"}})"),
            error_observation(404, "t", "c", "m"));
}

// A two-chunk stream in wire form, ending with usage and [DONE].
const char* const kStreamBody =
    "data: {\"id\":\"chatcmpl-1\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"delta\":"
    "{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}],\"usage\":null}\n\n"
    "data: {\"id\":\"chatcmpl-1\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"delta\":"
    "{\"content\":\"Hi\"},\"finish_reason\":\"stop\"}],\"usage\":null}\n\n"
    "data: {\"id\":\"chatcmpl-1\",\"model\":\"gpt-4o\",\"choices\":[],\"usage\":"
    "{\"prompt_tokens\":3,\"completion_tokens\":1,\"total_tokens\":4}}\n\n"
    "data: [DONE]\n\n";

TEST(ObservationTest, SseBodyMatchesTheEquivalentCompletion) {
  const json completion = json::parse(R"({"id":"chatcmpl-1","model":"gpt-4o","choices":[{"index":0,
    "message":{"role":"assistant","content":"Hi","refusal":null},"finish_reason":"stop"}],
    "usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}})");
  EXPECT_EQ(observation_from_sse_body(kStreamBody), observation_from_completion(completion));
}

TEST(ObservationTest, SseBodyIsIndependentOfFragmentation) {
  const json whole = observation_from_sse_body(kStreamBody);
  const std::string body = kStreamBody;
  StreamReader reader;
  for (char byte : body) reader.feed(std::string_view(&byte, 1));
  EXPECT_EQ(reader.finish(), whole);
}

TEST(ObservationTest, SseBodyWithCrlfAndCommentsAndBom) {
  std::string body = "\xEF\xBB\xBF: keepalive\r\n\r\n";
  for (char c : std::string(kStreamBody)) {
    body += c == '\n' ? std::string("\r\n") : std::string(1, c);
  }
  EXPECT_EQ(observation_from_sse_body(body), observation_from_sse_body(kStreamBody));
}

TEST(ObservationTest, SseBodyEndingWithoutBlankLineKeepsTheLastEvent) {
  // sse_no_trailing_blank_line (§5 #57): both SDKs drop it; the reference client keeps it.
  const std::string body =
      "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\n\n"
      "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"b\"},"
      "\"finish_reason\":\"stop\"}]}\n";
  const json obs = observation_from_sse_body(body);
  EXPECT_EQ(obs["choices"][0]["content"], "ab");
  EXPECT_EQ(obs["choices"][0]["finish_reason"], "stop");
}

TEST(ObservationTest, SseBodyCutMidJsonKeepsWhatArrived) {
  // stream_cut_no_done (§5 #62) with a clean close.
  const std::string body =
      "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\n\n"
      "data: {\"choices\":[{\"ind";
  const json obs = observation_from_sse_body(body);
  EXPECT_EQ(obs["ok"], true);
  EXPECT_EQ(obs["choices"][0]["content"], "a");
}

TEST(ObservationTest, SseBodyWithMidStreamError) {
  const std::string body =
      "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\n\n"
      "data: {\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\","
      "\"param\":null,\"code\":null}}\n\n";
  EXPECT_EQ(observation_from_sse_body(body),
            error_observation(nullptr, "server_error", nullptr, "The server had an error"));
}

TEST(ObservationTest, JsonBodyForAStreamRequestIsReadAsACompletion) {
  // sse_wrong_content_type (§5 #60): a non-stream body returned for stream:true.
  const std::string body = R"({"id":"x","choices":[{"index":0,"message":{"content":"hi"},
    "finish_reason":"stop"}]})";
  EXPECT_EQ(observation_from_sse_body(body), observation_from_completion(json::parse(body)));
  EXPECT_EQ(observation_from_sse_body(R"({"error":{"message":"m","type":"t","code":null}})"),
            error_observation(nullptr, "t", nullptr, "m"));
}

TEST(ObservationTest, EmptySseBodyIsAnEmptySuccess) {
  EXPECT_EQ(observation_from_sse_body(""),
            json::parse(R"({"ok":true,"id":null,"model":null,"choices":[],"usage":null})"));
  EXPECT_EQ(observation_from_sse_body(": ping\n\n")["ok"], true);
}

TEST(ObservationTest, ReaderStopsAtDone) {
  StreamReader reader;
  EXPECT_FALSE(
      reader.feed("data: [DONE]\n\ndata: {\"choices\":[{\"delta\":{\"content\":\"x\"}}]}\n\n"));
  EXPECT_TRUE(reader.ended());
  EXPECT_FALSE(reader.feed("data: more\n\n"));
  EXPECT_EQ(reader.finish()["choices"], json::array());
}

}  // namespace
}  // namespace chatmock::client
