// validate_request on `messages`: count, roles, content and parts per role, assistant tool
// calls, the pairing of tool calls with tool messages, and the legacy param-path style.
#include <gtest/gtest.h>

#include <string>

#include "unit/validation/request_builders.h"
#include "validation/request_validator.h"

namespace chatmock::validation {
namespace {

using testing::assistant_calling;
using testing::first_violates;
using testing::is_valid;
using testing::json;
using testing::list;
using testing::tool_reply;
using testing::violates;
using testing::with_messages;

json user(json content) { return {{"role", "user"}, {"content", std::move(content)}}; }

ValidationOptions legacy() {
  ValidationOptions options;
  options.legacy_param_paths = true;
  return options;
}

TEST(RequestValidatorTest, EmptyMessagesIsEmptyArray) {
  EXPECT_TRUE(violates(with_messages({}), "validation.messages_empty", "messages", "empty_array"));
  EXPECT_EQ(validate_request(with_messages({}))[0].message,
            "Invalid 'messages': empty array. Expected an array with minimum length 1, but got "
            "an empty array instead.");
}

TEST(RequestValidatorTest, TooManyMessagesIsArrayAboveMaxLength) {
  ValidationOptions options;
  options.max_messages = 2;
  EXPECT_TRUE(violates(with_messages({user("a"), user("b"), user("c")}),
                       "validation.messages_too_many", "messages", "array_above_max_length",
                       options));
}

TEST(RequestValidatorTest, MessageMustBeAnObject) {
  EXPECT_TRUE(
      violates(with_messages({"hello"}), "validation.invalid_type", "messages[0]", "invalid_type"));
}

TEST(RequestValidatorTest, RoleIsRequired) {
  EXPECT_TRUE(violates(with_messages({{{"content", "hi"}}}), "validation.message_role_missing",
                       "messages[0].role", "missing_required_parameter"));
}

TEST(RequestValidatorTest, RoleMustBeKnown) {
  const json body = with_messages({{{"role", "bot"}, {"content", "hi"}}});
  EXPECT_TRUE(
      violates(body, "validation.message_role_invalid", "messages[0].role", "invalid_value"));
  EXPECT_EQ(validate_request(body)[0].message,
            "Invalid value: 'bot'. Supported values are: 'system', 'assistant', 'user', "
            "'function', 'tool', and 'developer'.");
}

TEST(RequestValidatorTest, UserSystemAndDeveloperNeedContent) {
  for (const char* role : {"user", "system", "developer"}) {
    EXPECT_TRUE(violates(with_messages({{{"role", role}}}), "validation.message_content_missing",
                         "messages[0].content", "missing_required_parameter"))
        << role;
  }
}

TEST(RequestValidatorTest, ContentIsStringOrArray) {
  EXPECT_TRUE(violates(with_messages({user(42)}), "validation.invalid_type", "messages[0].content",
                       "invalid_type"));
  EXPECT_TRUE(violates(with_messages({user(nullptr)}), "validation.invalid_type",
                       "messages[0].content", "invalid_type"));
  EXPECT_TRUE(violates(with_messages({user(json::array())}), "validation.content_empty",
                       "messages[0].content", "empty_array"));
}

TEST(RequestValidatorTest, ContentPartTypeMustSuitTheRole) {
  EXPECT_TRUE(violates(with_messages({user(list({{{"type", "video"}}}))}),
                       "validation.content_part_type_invalid", "messages[0].content[0].type",
                       "invalid_value"));
  const json image = {{"type", "image_url"}, {"image_url", {{"url", "https://x/a.png"}}}};
  EXPECT_TRUE(violates(
      with_messages({{{"role", "system"}, {"content", list({image})}}, user("hi")}),
      "validation.content_part_type_invalid", "messages[0].content[0].type", "invalid_value"));
  EXPECT_TRUE(is_valid(with_messages({user(list({image}))})));
}

TEST(RequestValidatorTest, ContentPartsNeedTheirInnerKeys) {
  EXPECT_TRUE(violates(with_messages({user(list({{{"type", "text"}}}))}),
                       "validation.missing_field", "messages[0].content[0].text",
                       "missing_required_parameter"));
  EXPECT_TRUE(violates(with_messages({user(list({{{"type", "text"}, {"text", 1}}}))}),
                       "validation.invalid_type", "messages[0].content[0].text", "invalid_type"));
  EXPECT_TRUE(violates(
      with_messages({user(list({{{"type", "image_url"}, {"image_url", json::object()}}}))}),
      "validation.missing_field", "messages[0].content[0].image_url.url",
      "missing_required_parameter"));
  EXPECT_TRUE(
      violates(with_messages({user(list({{{"type", "image_url"}, {"image_url", "https://x"}}}))}),
               "validation.invalid_type", "messages[0].content[0].image_url", "invalid_type"));
  EXPECT_TRUE(
      violates(with_messages({user(list({{{"type", "file"}, {"file", {{"file_id", 3}}}}}))}),
               "validation.invalid_type", "messages[0].content[0].file.file_id", "invalid_type"));
  EXPECT_TRUE(violates(with_messages({user(list({{{"content", "x"}}}))}),
                       "validation.missing_field", "messages[0].content[0].type",
                       "missing_required_parameter"));
}

TEST(RequestValidatorTest, ContentPartEnumsAreChecked) {
  const json image = {{"type", "image_url"},
                      {"image_url", {{"url", "https://example.com/u.png"}, {"detail", "ultra"}}}};
  EXPECT_TRUE(violates(with_messages({user(list({image}))}), "validation.invalid_enum_value",
                       "messages[0].content[0].image_url.detail", "invalid_value"));
  const json audio = {{"type", "input_audio"},
                      {"input_audio", {{"data", "AA"}, {"format", "ogg"}}}};
  EXPECT_TRUE(violates(with_messages({user(list({audio}))}), "validation.invalid_enum_value",
                       "messages[0].content[0].input_audio.format", "invalid_value"));
}

TEST(RequestValidatorTest, AssistantContentRequiredUnlessToolCalls) {
  EXPECT_TRUE(violates(with_messages({user("hi"), {{"role", "assistant"}}, user("again")}),
                       "validation.assistant_content_missing", "messages[1].content",
                       "missing_required_parameter"));
  EXPECT_TRUE(violates(with_messages({user("hi"), {{"role", "assistant"}, {"content", nullptr}}}),
                       "validation.assistant_content_missing", "messages[1].content",
                       "missing_required_parameter"));
  const json function_call = {{"role", "assistant"},
                              {"function_call", {{"name", "f"}, {"arguments", "{}"}}}};
  EXPECT_TRUE(is_valid(with_messages({user("hi"), function_call})));
}

TEST(RequestValidatorTest, AssistantPartsAreTextOrRefusal) {
  const json refusal = {{"role", "assistant"},
                        {"content", {{{"type", "refusal"}, {"refusal", "no"}}}}};
  EXPECT_TRUE(is_valid(with_messages({user("hi"), refusal})));
  const json image = {
      {"role", "assistant"},
      {"content",
       {{{"type", "image_url"}, {"image_url", {{"url", "https://example.com/u.png"}}}}}}};
  EXPECT_TRUE(violates(with_messages({user("hi"), image}), "validation.content_part_type_invalid",
                       "messages[1].content[0].type", "invalid_value"));
}

TEST(RequestValidatorTest, AssistantToolCallsMustNotBeEmpty) {
  const json assistant = {{"role", "assistant"}, {"content", "x"}, {"tool_calls", json::array()}};
  EXPECT_TRUE(violates(with_messages({user("hi"), assistant}), "validation.tool_calls_empty",
                       "messages[1].tool_calls", "empty_array"));
}

TEST(RequestValidatorTest, AssistantToolCallsNeedIdAndArguments) {
  json assistant = assistant_calling({"call_1"});
  assistant["tool_calls"][0]["function"].erase("arguments");
  EXPECT_TRUE(violates(with_messages({user("hi"), assistant, tool_reply("call_1")}),
                       "validation.missing_field", "messages[1].tool_calls[0].function.arguments",
                       "missing_required_parameter"));
  assistant = assistant_calling({"call_1"});
  assistant["tool_calls"][0]["type"] = "retrieval";
  EXPECT_TRUE(first_violates(with_messages({user("hi"), assistant, tool_reply("call_1")}),
                             "validation.invalid_enum_value", "messages[1].tool_calls[0].type",
                             "invalid_value"));
}

TEST(RequestValidatorTest, ToolMessageNeedsToolCallId) {
  json reply = tool_reply("call_1");
  reply.erase("tool_call_id");
  const json body = with_messages({user("hi"), assistant_calling({"call_1"}), reply});
  EXPECT_TRUE(first_violates(body, "validation.tool_call_id_missing", "messages[2].tool_call_id",
                             std::nullopt));
  EXPECT_EQ(validate_request(body)[0].message,
            "Missing parameter 'tool_call_id': messages with role 'tool' must have a "
            "'tool_call_id'.");
  EXPECT_TRUE(first_violates(body, "validation.tool_call_id_missing", "messages.[2].tool_call_id",
                             std::nullopt, legacy()));
}

TEST(RequestValidatorTest, ToolMessageNeedsContent) {
  json reply = tool_reply("call_1");
  reply.erase("content");
  EXPECT_TRUE(violates(with_messages({user("hi"), assistant_calling({"call_1"}), reply}),
                       "validation.message_content_missing", "messages[2].content",
                       "missing_required_parameter"));
}

TEST(RequestValidatorTest, ToolMessageWithoutPrecedingCallsUsesTheNewStyle) {
  const json body = with_messages({user("hi"), tool_reply("call_1")});
  EXPECT_TRUE(violates(body, "validation.tool_message_without_call", std::nullopt,
                       "invalid_request_error"));
  EXPECT_EQ(validate_request(body)[0].message,
            "Messages with role 'tool' must be a response to a preceding message with "
            "'tool_calls'");
}

TEST(RequestValidatorTest, ToolMessageWithoutPrecedingCallsLegacyStyle) {
  const json body = with_messages({user("hi"), tool_reply("call_1")});
  EXPECT_TRUE(violates(body, "validation.tool_message_without_call", "messages.[1].role",
                       std::nullopt, legacy()));
}

TEST(RequestValidatorTest, ToolMessageAfterAnInterruptedBlockHasNoCall) {
  const json body = with_messages(
      {user("hi"), assistant_calling({"call_1"}), user("wait"), tool_reply("call_1")});
  const auto violations = validate_request(body);
  ASSERT_EQ(violations.size(), 2U) << testing::describe(violations);
  EXPECT_TRUE(testing::is_violation(violations[0], "validation.tool_calls_unanswered",
                                    "messages[1].role", std::nullopt));
  EXPECT_TRUE(testing::is_violation(violations[1], "validation.tool_message_without_call",
                                    std::nullopt, "invalid_request_error"));
}

TEST(RequestValidatorTest, ToolCallIdMustMatchACall) {
  const json body = with_messages(
      {user("hi"), assistant_calling({"call_1"}), tool_reply("call_1"), tool_reply("call_9")});
  EXPECT_TRUE(
      violates(body, "validation.tool_call_id_unknown", "messages[3].tool_call_id", std::nullopt));
}

TEST(RequestValidatorTest, EveryToolCallNeedsAResponse) {
  const json body = with_messages({user("hi"), assistant_calling({"call_1", "call_2", "call_3"}),
                                   tool_reply("call_2"), user("next")});
  EXPECT_TRUE(violates(body, "validation.tool_calls_unanswered", "messages[1].role", std::nullopt));
  EXPECT_EQ(validate_request(body)[0].message,
            "An assistant message with 'tool_calls' must be followed by tool messages responding "
            "to each 'tool_call_id'. The following tool_call_ids did not have response messages: "
            "call_1, call_3");
}

TEST(RequestValidatorTest, TrailingToolCallsNeedResponsesToo) {
  EXPECT_TRUE(violates(with_messages({user("hi"), assistant_calling({"call_1"})}),
                       "validation.tool_calls_unanswered", "messages[1].role", std::nullopt));
}

TEST(RequestValidatorTest, ToolResponsesMayComeInAnyOrder) {
  EXPECT_TRUE(is_valid(with_messages({user("hi"), assistant_calling({"a", "b"}), tool_reply("b"),
                                      tool_reply("a"), user("thanks")})));
}

TEST(RequestValidatorTest, FunctionRoleNeedsName) {
  const json message = {{"role", "function"}, {"content", "42"}};
  EXPECT_TRUE(violates(with_messages({user("hi"), message}), "validation.missing_field",
                       "messages[1].name", "missing_required_parameter"));
  const json named = {{"role", "function"}, {"name", "f"}, {"content", nullptr}};
  EXPECT_TRUE(is_valid(with_messages({user("hi"), named})));
}

TEST(RequestValidatorTest, LegacyPathsIndexNestedArrays) {
  EXPECT_TRUE(violates(with_messages({user(list({{{"type", "video"}}}))}),
                       "validation.content_part_type_invalid", "messages.[0].content.[0].type",
                       "invalid_value", legacy()));
}

}  // namespace
}  // namespace chatmock::validation
