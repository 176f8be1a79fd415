// parse_request_body: content type, size limit (413), nesting depth without recursion, the real
// API's malformed-JSON error with a position, and non-object bodies.
#include "validation/request_body.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace chatmock::validation {
namespace {

using nlohmann::json;

constexpr std::string_view kJson = "application/json";
constexpr std::string_view kHint = "We could not parse the JSON body of your request. (HINT:";

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

TEST(RequestBodyTest, ParsesAnObject) {
  const ParsedBody parsed =
      parse_request_body(R"({"model":"gpt-4o","n":2,"x":[1.5,true,null]})", kJson);
  ASSERT_TRUE(parsed) << parsed.error->message;
  EXPECT_EQ(parsed.json, json::parse(R"({"model":"gpt-4o","n":2,"x":[1.5,true,null]})"));
}

TEST(RequestBodyTest, AcceptsJsonWithParametersAnyCaseOrNoContentType) {
  for (const char* type :
       {"application/json; charset=utf-8", "Application/JSON", " application/json ", ""}) {
    EXPECT_TRUE(parse_request_body("{}", type)) << type;
  }
}

TEST(RequestBodyTest, RejectsOtherContentTypes) {
  for (const char* type : {"application/x-www-form-urlencoded", "text/plain", "application/jsonx",
                           "multipart/form-data; boundary=x"}) {
    const ParsedBody parsed = parse_request_body("{}", type);
    ASSERT_FALSE(parsed) << type;
    EXPECT_EQ(parsed.error->status, 400);
    EXPECT_EQ(parsed.error->param, std::nullopt);
    EXPECT_EQ(parsed.error->code, std::nullopt);
    EXPECT_TRUE(contains(parsed.error->message, "application/json"));
  }
}

TEST(RequestBodyTest, ContentTypeIsEchoedAsPrintableAscii) {
  const ParsedBody parsed = parse_request_body("{}", "text/\xff\x01plain");
  ASSERT_FALSE(parsed);
  EXPECT_NO_THROW(parsed.error->body_text());
}

TEST(RequestBodyTest, BodyAboveTheLimitIs413) {
  const std::string body(std::size_t{17} * 1024 * 1024, ' ');
  const ParsedBody parsed = parse_request_body(body, kJson);
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error->status, 413);
  EXPECT_EQ(parsed.error->type, "invalid_request_error");
  EXPECT_EQ(parsed.error->code, "request_too_large");
  EXPECT_TRUE(contains(parsed.error->message, "16777216"));
}

TEST(RequestBodyTest, BodyAtTheLimitIsAccepted) {
  const BodyLimits limits{10, 128};
  EXPECT_TRUE(parse_request_body(R"({"a":1234})", kJson, limits));
  EXPECT_EQ(parse_request_body(R"({"a":12345})", kJson, limits).error->status, 413);
}

TEST(RequestBodyTest, DeepNestingIsRejectedQuicklyWithoutRecursion) {
  const auto start = std::chrono::steady_clock::now();
  for (const std::string& body : {std::string(200000, '['), "{\"a\":" + std::string(200000, '[') +
                                                                std::string(200000, ']') + "}"}) {
    const ParsedBody parsed = parse_request_body(body, kJson);
    ASSERT_FALSE(parsed);
    EXPECT_EQ(parsed.error->status, 400);
    EXPECT_TRUE(contains(parsed.error->message, "depth of 128"));
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

TEST(RequestBodyTest, DepthLimitCountsContainersNotBrackets) {
  const BodyLimits limits{1024, 3};
  EXPECT_TRUE(parse_request_body(R"({"a":[[1]]})", kJson, limits));
  EXPECT_FALSE(parse_request_body(R"({"a":[[[1]]]})", kJson, limits));
  EXPECT_TRUE(parse_request_body(R"({"a":"[[[[{{{{","b":"\"[[[["})", kJson, limits));
  EXPECT_TRUE(parse_request_body(R"({"a":[1],"b":[[2]],"c":{"d":[3]}})", kJson, limits));
}

TEST(RequestBodyTest, MalformedJsonNamesThePosition) {
  const ParsedBody parsed = parse_request_body(R"({"model": tru})", kJson);
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error->status, 400);
  EXPECT_EQ(parsed.error->param, std::nullopt);
  EXPECT_EQ(parsed.error->code, std::nullopt);
  EXPECT_TRUE(parsed.error->message.starts_with(kHint)) << parsed.error->message;
  EXPECT_TRUE(contains(parsed.error->message, "line 1, column 14")) << parsed.error->message;
  EXPECT_TRUE(contains(parsed.error->message, "invalid literal")) << parsed.error->message;
}

TEST(RequestBodyTest, MalformedJsonPositionCountsLines) {
  const ParsedBody parsed = parse_request_body("{\n  \"model\": \"gpt-4o\",\n  \"n\": ,\n}", kJson);
  ASSERT_FALSE(parsed);
  EXPECT_TRUE(contains(parsed.error->message, "line 3, column 8")) << parsed.error->message;
}

TEST(RequestBodyTest, EveryParseFailureIsA400WithPosition) {
  for (const char* body :
       {"", "{", "{} x", R"({"n": 1e999})", "{\"a\":\"\xff\"}", "{'a':1}", R"({"a":1,})"}) {
    const ParsedBody parsed = parse_request_body(body, kJson);
    ASSERT_FALSE(parsed) << body;
    EXPECT_EQ(parsed.error->status, 400);
    EXPECT_TRUE(contains(parsed.error->message, "line 1, column")) << parsed.error->message;
    EXPECT_NO_THROW(parsed.error->body_text()) << body;
  }
}

TEST(RequestBodyTest, TopLevelValueMustBeAnObject) {
  for (const char* body : {"[]", "\"text\"", "42", "null"}) {
    const ParsedBody parsed = parse_request_body(body, kJson);
    ASSERT_FALSE(parsed) << body;
    EXPECT_EQ(parsed.error->status, 400);
    EXPECT_EQ(parsed.error->code, "invalid_type");
  }
}

}  // namespace
}  // namespace chatmock::validation
