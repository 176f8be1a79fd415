// The stream invariants clients rely on (reference §3): event types in order, sequence numbers
// 0..n-1, item ids consistent, output_text.done == the joined deltas == the JSON form's text,
// and the terminal event carrying the JSON form itself.
#include "responses/response_events.h"

#include <gtest/gtest.h>

#include "responses/response_builder.h"
#include "streaming/sse_decoder.h"

namespace chatmock::responses {
namespace {

Json response_for(const nlohmann::json& body, std::uint64_t seed) {
  auto parsed = parse_create_response(body);
  EXPECT_TRUE(parsed.has_value());
  return build_response(*parsed, {.seed = seed, .seeded = true}).response;
}

const nlohmann::json kStreamBody = {{"model", "gpt-4o-mini"}, {"input", "hi"}, {"stream", true}};

TEST(ResponseEvents, TypesComeInTheDocumentedOrder) {
  const auto events = response_events(response_for(kStreamBody, 11), synthesis::Rng(1));
  std::vector<std::string> types;
  for (const auto& event : events) {
    const auto type = event["type"].get<std::string>();
    if (type != "response.output_text.delta" || types.back() != type) types.push_back(type);
  }
  const std::vector<std::string> expected = {
      "response.created",           "response.in_progress",
      "response.output_item.added", "response.content_part.added",
      "response.output_text.delta", "response.output_text.done",
      "response.content_part.done", "response.output_item.done",
      "response.completed"};
  EXPECT_EQ(types, expected);
  EXPECT_GT(events.size(), expected.size()) << "the text should take several deltas";
}

TEST(ResponseEvents, SequenceNumbersCountFromZeroAndItemIdsMatch) {
  const auto response = response_for(kStreamBody, 12);
  const auto events = response_events(response, synthesis::Rng(2));
  const auto item_id = response["output"][0]["id"];
  for (std::size_t i = 0; i < events.size(); ++i) {
    EXPECT_EQ(events[i]["sequence_number"], i);
    if (events[i].contains("item_id")) {
      EXPECT_EQ(events[i]["item_id"], item_id);
      EXPECT_EQ(events[i]["output_index"], 0);
      EXPECT_EQ(events[i]["content_index"], 0);
    }
  }
  EXPECT_EQ(events[2]["item"]["id"], item_id);
  EXPECT_EQ(events[2]["item"]["status"], "in_progress");
  EXPECT_EQ(events[0]["response"]["id"], response["id"]);
  EXPECT_EQ(events[0]["response"]["status"], "in_progress");
  EXPECT_FALSE(events[0]["response"].contains("usage"));
}

TEST(ResponseEvents, DeltasJoinToTheDoneTextAndTheJsonText) {
  const auto response = response_for(kStreamBody, 13);
  const auto events = response_events(response, synthesis::Rng(3));
  std::string joined;
  std::string done;
  for (const auto& event : events) {
    if (event["type"] == "response.output_text.delta") {
      joined += event["delta"].get<std::string>();
      EXPECT_EQ(event["logprobs"], Json::array());
    }
    if (event["type"] == "response.output_text.done") done = event["text"].get<std::string>();
  }
  EXPECT_EQ(joined, done);
  EXPECT_EQ(joined, response["output"][0]["content"][0]["text"].get<std::string>());
}

TEST(ResponseEvents, TerminalEventCarriesTheJsonFormAndItemDoneItsItem) {
  const auto response = response_for(kStreamBody, 14);
  const auto events = response_events(response, synthesis::Rng(4));
  EXPECT_EQ(events.back()["type"], "response.completed");
  EXPECT_EQ(events.back()["response"], response);
  EXPECT_EQ(events[events.size() - 2]["item"], response["output"][0]);
}

TEST(ResponseEvents, IncompleteResponseEndsWithResponseIncomplete) {
  auto body = kStreamBody;
  body["max_output_tokens"] = 16;
  const auto response = response_for(body, 5);
  ASSERT_EQ(response["status"], "incomplete");
  const auto events = response_events(response, synthesis::Rng(5));
  EXPECT_EQ(events.back()["type"], "response.incomplete");
  EXPECT_EQ(events.back()["response"]["incomplete_details"]["reason"], "max_output_tokens");
}

TEST(ResponseEvents, EncodingIsEventAndDataLinesWithoutDone) {
  const auto events = response_events(response_for(kStreamBody, 15), synthesis::Rng(6));
  std::string wire;
  for (const auto& event : events) wire += encode_response_event(event);
  EXPECT_TRUE(wire.starts_with("event: response.created\ndata: {"));
  EXPECT_EQ(wire.find("[DONE]"), std::string::npos);
  const auto decoded = streaming::decode_sse(wire);
  ASSERT_EQ(decoded.size(), events.size());
  for (std::size_t i = 0; i < events.size(); ++i) {
    EXPECT_EQ(decoded[i].event, events[i]["type"].get<std::string>());
    EXPECT_EQ(Json::parse(decoded[i].data), events[i]);
  }
}

TEST(ResponseEvents, IncludedLogprobsSpellTheTextAndTravelWithTheirDeltas) {
  nlohmann::json body = kStreamBody;
  body["include"] = nlohmann::json::array({"message.output_text.logprobs"});
  body["top_logprobs"] = 2;
  const auto response = response_for(body, 4);
  const auto& part = response["output"][0]["content"][0];
  std::string spelled;
  for (const auto& entry : part["logprobs"]) {
    spelled += entry["token"].get<std::string>();
    EXPECT_EQ(entry["top_logprobs"].size(), 2U);
    EXPECT_EQ(entry["top_logprobs"][0]["token"], entry["token"]);
  }
  EXPECT_EQ(spelled, part["text"]);
  std::size_t streamed = 0;
  for (const auto& event : response_events(response, synthesis::Rng(2))) {
    if (event["type"] != "response.output_text.delta") continue;
    std::string delta_tokens;
    for (const auto& entry : event["logprobs"]) delta_tokens += entry["token"].get<std::string>();
    EXPECT_EQ(delta_tokens, event["delta"]);
    streamed += event["logprobs"].size();
  }
  EXPECT_EQ(streamed, part["logprobs"].size());
  // Without the include the parts and deltas carry empty lists, as before.
  const auto plain = response_for(kStreamBody, 4);
  EXPECT_TRUE(plain["output"][0]["content"][0]["logprobs"].empty());
}

}  // namespace
}  // namespace chatmock::responses
