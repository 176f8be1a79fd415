// Every wire type survives JSON: value → JSON text → value gives an equal value, so absent stays
// absent, null stays null and every string (escapes, controls, astral code points) comes back
// byte for byte. Goes through dump()/parse() so the text layer is exercised too.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "generators/arbitrary.h"

namespace chatmock::api {
namespace {

/// Asserts that `value` serialises and parses back to itself, showing the JSON on failure.
template <class T>
void check_round_trip(const T& value) {
  const std::string text = nlohmann::json(value).dump();
  const T back = nlohmann::json::parse(text).get<T>();
  RC_LOG() << "wire: " << text << "\nback: " << nlohmann::json(back).dump() << "\n";
  RC_ASSERT(back == value);
  // Writing the parsed value again gives the same bytes: serialisation is a function of the value.
  RC_ASSERT(nlohmann::json(back).dump() == text);
}

RC_GTEST_PROP(WireRoundTripProperty, ChatCompletion, (const ChatCompletion& v)) {
  check_round_trip(v);
}
RC_GTEST_PROP(WireRoundTripProperty, ChatCompletionChunk, (const ChatCompletionChunk& v)) {
  check_round_trip(v);
}
RC_GTEST_PROP(WireRoundTripProperty, ChatCompletionRequest, (const ChatCompletionRequest& v)) {
  check_round_trip(v);
}

// The parts, each on its own, so a failure shrinks to the smallest type that shows it.
RC_GTEST_PROP(WireRoundTripProperty, ToolCall, (const ToolCall& v)) { check_round_trip(v); }
RC_GTEST_PROP(WireRoundTripProperty, ChoiceLogprobs, (const ChoiceLogprobs& v)) {
  check_round_trip(v);
}
RC_GTEST_PROP(WireRoundTripProperty, CompletionUsage, (const CompletionUsage& v)) {
  check_round_trip(v);
}
RC_GTEST_PROP(WireRoundTripProperty, ChatCompletionMessage, (const ChatCompletionMessage& v)) {
  check_round_trip(v);
}
RC_GTEST_PROP(WireRoundTripProperty, Delta, (const Delta& v)) { check_round_trip(v); }
RC_GTEST_PROP(WireRoundTripProperty, ToolCallDelta, (const ToolCallDelta& v)) {
  check_round_trip(v);
}
RC_GTEST_PROP(WireRoundTripProperty, Message, (const Message& v)) { check_round_trip(v); }
RC_GTEST_PROP(WireRoundTripProperty, ContentPart, (const ContentPart& v)) { check_round_trip(v); }
RC_GTEST_PROP(WireRoundTripProperty, Tool, (const Tool& v)) { check_round_trip(v); }
RC_GTEST_PROP(WireRoundTripProperty, ToolChoice, (const ToolChoice& v)) { check_round_trip(v); }
RC_GTEST_PROP(WireRoundTripProperty, ResponseFormat, (const ResponseFormat& v)) {
  check_round_trip(v);
}
RC_GTEST_PROP(WireRoundTripProperty, StreamOptions, (const StreamOptions& v)) {
  check_round_trip(v);
}

// The tri-state itself: whichever state a Field is in, the key is missing, null or the value.
RC_GTEST_PROP(WireRoundTripProperty, FieldStateMapsToKeyPresence,
              (const ChatCompletionChunk& chunk)) {
  const nlohmann::json j = chunk;
  const auto expect_key = [&](const char* key, const auto& field) {
    RC_ASSERT(j.contains(key) == !field.absent());
    if (field.is_null()) RC_ASSERT(j.at(key).is_null());
    if (field.has_value()) RC_ASSERT(!j.at(key).is_null());
  };
  expect_key("usage", chunk.usage);
  expect_key("service_tier", chunk.service_tier);
  expect_key("system_fingerprint", chunk.system_fingerprint);
  expect_key("obfuscation", chunk.obfuscation);
}

}  // namespace
}  // namespace chatmock::api
