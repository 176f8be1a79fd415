// What comes before the answer: a reasoning item only for reasoning models (summary and
// encrypted content only when asked), built-in tool calls only for offered tools (none with
// tool_choice none), and reasoning tokens billed in usage within max_output_tokens.
#include "responses/leading_items.h"

#include <gtest/gtest.h>

#include "responses/response_builder.h"

namespace chatmock::responses {
namespace {

ResponseRequest leading_request(const nlohmann::json& body) {
  auto parsed = parse_create_response(body);
  EXPECT_TRUE(parsed.has_value());
  return parsed.has_value() ? *parsed : ResponseRequest{};
}

std::vector<std::string> types_of(const LeadingItems& leading) {
  std::vector<std::string> types;
  for (const auto& item : leading.items) types.push_back(item["type"].get<std::string>());
  return types;
}

const synthesis::Rng kLeadingRng(5);

TEST(LeadingItems, APlainModelWithoutBuiltInToolsGetsNone) {
  const auto leading =
      leading_items(leading_request({{"model", "gpt-4o-mini"}, {"input", "hi"}}), kLeadingRng);
  EXPECT_TRUE(leading.items.empty());
  EXPECT_EQ(leading.reasoning_tokens, 0);
}

TEST(LeadingItems, AReasoningModelReasonsAndShowsOnlyWhatIsAskedFor) {
  const auto hidden =
      leading_items(leading_request({{"model", "o4-mini"}, {"input", "hi"}}), kLeadingRng);
  ASSERT_EQ(types_of(hidden), std::vector<std::string>{"reasoning"});
  EXPECT_TRUE(hidden.items[0]["summary"].empty());
  EXPECT_FALSE(hidden.items[0].contains("encrypted_content"));
  EXPECT_GT(hidden.reasoning_tokens, 0);
  const auto shown = leading_items(
      leading_request({{"model", "gpt-5"},
                       {"input", "hi"},
                       {"reasoning", {{"summary", "auto"}}},
                       {"include", nlohmann::json::array({"reasoning.encrypted_content"})}}),
      kLeadingRng);
  ASSERT_EQ(shown.items.size(), 1U);
  EXPECT_EQ(shown.items[0]["summary"].size(), 1U);
  EXPECT_EQ(shown.items[0]["summary"][0]["type"], "summary_text");
  EXPECT_TRUE(shown.items[0]["encrypted_content"].is_string());
}

TEST(LeadingItems, OfferedBuiltInToolsAreCalledWithTheUsersWords) {
  const nlohmann::json tools = nlohmann::json::array(
      {{{"type", "web_search_preview"}},
       {{"type", "file_search"}, {"vector_store_ids", nlohmann::json::array({"vs"})}}});
  const auto leading = leading_items(
      leading_request({{"model", "gpt-4o-mini"}, {"input", "rain in Oslo?"}, {"tools", tools}}),
      kLeadingRng);
  ASSERT_EQ(types_of(leading), (std::vector<std::string>{"web_search_call", "file_search_call"}));
  EXPECT_EQ(leading.items[0]["action"]["query"], "rain in Oslo?");
  EXPECT_EQ(leading.items[1]["queries"][0], "rain in Oslo?");
  EXPECT_TRUE(leading.items[1]["results"].is_null());
  const auto with_results = leading_items(
      leading_request({{"model", "gpt-4o-mini"},
                       {"input", "x"},
                       {"tools", tools},
                       {"include", nlohmann::json::array({"file_search_call.results"})}}),
      kLeadingRng);
  EXPECT_EQ(with_results.items[1]["results"].size(), 1U);
  const auto none = leading_items(
      leading_request(
          {{"model", "gpt-4o-mini"}, {"input", "x"}, {"tools", tools}, {"tool_choice", "none"}}),
      kLeadingRng);
  EXPECT_TRUE(none.items.empty());
}

TEST(LeadingItems, ReasoningTokensAreBilledAndFitMaxOutputTokens) {
  const auto request = leading_request(
      {{"model", "o3"}, {"input", "Tell me a long story"}, {"max_output_tokens", 20}});
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    const auto response = build_response(request, {.seed = seed, .seeded = true}).response;
    const auto& usage = response["usage"];
    const auto reasoning = usage["output_tokens_details"]["reasoning_tokens"].get<std::int64_t>();
    EXPECT_GT(reasoning, 0);
    EXPECT_LE(reasoning, 10);
    EXPECT_LE(usage["output_tokens"].get<std::int64_t>(), 20) << seed;
    EXPECT_EQ(response["output"][0]["type"], "reasoning");
  }
}

}  // namespace
}  // namespace chatmock::responses
