// item_reference and function_call_output resolve against the input, the store and the
// previous_response_id chain, with the live API's 400s when they resolve to nothing; another
// session's items are never visible.
#include "responses/input_references.h"

#include <gtest/gtest.h>

namespace chatmock::responses {
namespace {

Json call(const std::string& call_id) {
  return {{"type", "function_call"},
          {"id", "fc_" + call_id},
          {"call_id", call_id},
          {"name", "get_weather"},
          {"arguments", "{}"}};
}

Json output_of(const std::string& call_id) {
  return {{"type", "function_call_output"}, {"call_id", call_id}, {"output", "22C"}};
}

Json user(const std::string& text) {
  return {{"type", "message"}, {"role", "user"}, {"content", text}};
}

/// Puts a response whose output is `output`, chained onto `previous` when given.
void put_response(ResponseStore& store, const std::string& id, Json output, Json previous = nullptr,
                  std::vector<Json> input = {}) {
  const Json response = {
      {"id", id}, {"output", std::move(output)}, {"previous_response_id", std::move(previous)}};
  store.put("s", id, response, {"", std::move(input), 0});
}

TEST(InputReferences, AnOutputAnsweringACallOfTheSameInputPasses) {
  ResponseStore store;
  auto resolved = resolve_input_references({user("hi"), call("call_1"), output_of("call_1")}, store,
                                           "", nullptr);
  ASSERT_TRUE(resolved) << resolved.error().message;
  EXPECT_EQ(resolved->size(), 3U);
}

TEST(InputReferences, AnOrphanOutputIsTheApisFourHundred) {
  ResponseStore store;
  auto resolved = resolve_input_references({user("hi"), output_of("call_9")}, store, "", nullptr);
  ASSERT_FALSE(resolved);
  EXPECT_EQ(resolved.error().status, 400);
  EXPECT_EQ(resolved.error().message,
            "No tool call found for function call output with call_id call_9.");
  EXPECT_EQ(resolved.error().param, "input");
}

TEST(InputReferences, AnOutputAnswersACallAnywhereUpTheChain) {
  ResponseStore store;
  put_response(store, "resp_1", Json::array({call("call_1")}));
  put_response(store, "resp_2", Json::array(), "resp_1");
  const auto previous = store.find("s", "resp_2");
  EXPECT_TRUE(resolve_input_references({output_of("call_1")}, store, "s", previous.get()));
  EXPECT_FALSE(resolve_input_references({output_of("call_2")}, store, "s", previous.get()));
  // Without previous_response_id the chain is not consulted.
  EXPECT_FALSE(resolve_input_references({output_of("call_1")}, store, "s", nullptr));
}

TEST(InputReferences, ACallInAPreviousInputCountsToo) {
  ResponseStore store;
  put_response(store, "resp_1", Json::array(), nullptr, {call("call_3")});
  const auto previous = store.find("s", "resp_1");
  EXPECT_TRUE(resolve_input_references({output_of("call_3")}, store, "s", previous.get()));
}

TEST(InputReferences, AReferenceIsReplacedByTheStoredItem) {
  ResponseStore store;
  const Json message = {{"type", "message"},
                        {"id", "msg_1"},
                        {"role", "assistant"},
                        {"content", Json::array()},
                        {"status", "completed"}};
  put_response(store, "resp_1", Json::array({message, call("call_1")}));
  auto resolved = resolve_input_references(
      {Json{{"type", "item_reference"}, {"id", "msg_1"}},
       Json{{"type", "item_reference"}, {"id", "fc_call_1"}}, output_of("call_1")},
      store, "s", nullptr);
  ASSERT_TRUE(resolved) << resolved.error().message;
  EXPECT_EQ((*resolved)[0], message);
  EXPECT_EQ((*resolved)[1]["call_id"], "call_1");
}

TEST(InputReferences, AnUnknownOrForeignReferenceIsAFourHundred) {
  ResponseStore store;
  put_response(store, "resp_1", Json::array({call("call_1")}));
  for (const char* session : {"other", ""}) {
    auto resolved = resolve_input_references(
        {Json{{"type", "item_reference"}, {"id", "fc_call_1"}}}, store, session, nullptr);
    ASSERT_FALSE(resolved);
    EXPECT_EQ(resolved.error().message, "Item with id 'fc_call_1' not found.");
    EXPECT_EQ(resolved.error().param, "input");
  }
}

TEST(InputReferences, ItemsOfADeletedOrEvictedResponseAreGone) {
  ResponseStore store(1);
  put_response(store, "resp_1", Json::array({call("call_1")}));
  EXPECT_TRUE(store.find_item("s", "fc_call_1"));
  put_response(store, "resp_2", Json::array());  // evicts resp_1
  EXPECT_FALSE(store.find_item("s", "fc_call_1"));
  put_response(store, "resp_3", Json::array({call("call_3")}));
  EXPECT_TRUE(store.erase("s", "resp_3"));
  EXPECT_FALSE(store.find_item("s", "fc_call_3"));
}

}  // namespace
}  // namespace chatmock::responses
