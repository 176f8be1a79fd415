// The known-field list: every field the official schema defines has a rule (a wrong-typed value
// is refused naming it), any other top-level field is refused with the API's body, and
// --lenient-params restores the old acceptance.
#include "validation/request_fields.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "unit/validation/request_builders.h"
#include "validation/rule_context.h"

namespace chatmock::validation {
namespace {

using testing::is_valid;
using testing::json;
using testing::minimal_request;

TEST(RequestFieldsTest, ListsEachSchemaFieldOnce) {
  std::set<std::string_view> names;
  for (const auto& field : request_fields()) EXPECT_TRUE(names.insert(field.name).second);
  EXPECT_EQ(names.size(), 37U);
  for (const char* name : {"model", "messages", "moderation", "prompt_cache_options",
                           "prompt_cache_retention", "web_search_options", "verbosity"}) {
    EXPECT_TRUE(names.contains(name)) << name;
  }
}

TEST(RequestFieldsTest, EveryFieldHasARuleThatNamesIt) {
  const std::vector<json> candidates = {json(1.5),           json("x"),      json(true),   json(7),
                                        json::array({1, 2}), json::object(), json(nullptr)};
  for (const auto& field : request_fields()) {
    SCOPED_TRACE(std::string(field.name));
    const json* wrong = nullptr;
    for (const json& candidate : candidates) {
      if (!detail::has_kind(candidate, field.kinds)) {
        wrong = &candidate;
        break;
      }
    }
    ASSERT_NE(wrong, nullptr) << "no rule can refuse any value: list it as accepted-any";
    json body = minimal_request();
    body[std::string(field.name)] = *wrong;
    const auto violations = validate_request(body);
    ASSERT_FALSE(violations.empty());
    EXPECT_EQ(violations.front().param, std::string(field.name)) << testing::describe(violations);
  }
}

TEST(RequestFieldsTest, UnknownTopLevelFieldIsTheApiError) {
  json body = minimal_request();
  body["temprature"] = 0.5;
  const auto violations = validate_request(body);
  ASSERT_EQ(violations.size(), 1U);
  EXPECT_EQ(violations[0].id, "validation.unrecognized_argument");
  EXPECT_EQ(to_api_error(violations[0]).body(), json::parse(R"({"error":{
    "message":"Unrecognized request argument supplied: temprature",
    "type":"invalid_request_error","param":null,"code":null}})"));
}

TEST(RequestFieldsTest, UnknownFieldIsReportedBeforeAnythingElse) {
  json body = json::object();
  body["x_extra"] = 1;
  const auto violations = validate_request(body);
  ASSERT_FALSE(violations.empty());
  EXPECT_EQ(violations[0].id, "validation.unrecognized_argument");
}

TEST(RequestFieldsTest, LenientParamsAcceptsUnknownFields) {
  json body = minimal_request();
  body["x_chatmock_note"] = {{"any", "thing"}};
  ValidationOptions lenient;
  lenient.lenient_params = true;
  EXPECT_TRUE(is_valid(body, lenient));
  EXPECT_FALSE(is_valid(body));
}

TEST(RequestFieldsTest, NestedUnknownKeysAreNotTopLevelArguments) {
  json body = minimal_request();
  body["messages"][0]["x_note"] = 1;
  EXPECT_TRUE(is_valid(body));
}

}  // namespace
}  // namespace chatmock::validation
