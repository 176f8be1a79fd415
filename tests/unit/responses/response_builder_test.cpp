// Response synthesis: the same request and seed give the same bytes, another seed other bytes;
// max_output_tokens cuts the text and marks the response incomplete; JSON formats give JSON.
#include "responses/response_builder.h"

#include <gtest/gtest.h>

#include "synthesis/token_splitter.h"

namespace chatmock::responses {
namespace {

ResponseRequest request_of(const nlohmann::json& body) {
  auto parsed = parse_create_response(body);
  EXPECT_TRUE(parsed.has_value());
  return parsed.has_value() ? *parsed : ResponseRequest{};
}

BuildContext seeded(std::uint64_t seed) { return {.seed = seed, .seeded = true}; }

const nlohmann::json kBody = {{"model", "gpt-4o-mini"}, {"input", "hi"}};

TEST(ResponseBuilder, SameRequestAndSeedGiveSameBytesOtherSeedOtherBytes) {
  const auto request = request_of(kBody);
  const auto first = dump(build_response(request, seeded(42)).response);
  EXPECT_EQ(first, dump(build_response(request, seeded(42)).response));
  EXPECT_NE(first, dump(build_response(request, seeded(43)).response));
}

TEST(ResponseBuilder, HasEveryRequiredFieldAndOneCompletedMessage) {
  const auto response = build_response(request_of(kBody), seeded(1)).response;
  for (const char* key : {"id", "object", "created_at", "error", "incomplete_details",
                          "instructions", "model", "tools", "output", "parallel_tool_calls",
                          "metadata", "tool_choice", "temperature", "top_p", "status", "usage"}) {
    EXPECT_TRUE(response.contains(key)) << key;
  }
  EXPECT_FALSE(response.contains("output_text"));
  EXPECT_FALSE(response.contains("user"));
  EXPECT_TRUE(response["id"].get<std::string>().starts_with("resp_"));
  EXPECT_EQ(response["object"], "response");
  EXPECT_EQ(response["status"], "completed");
  ASSERT_EQ(response["output"].size(), 1U);
  const auto& item = response["output"][0];
  EXPECT_TRUE(item["id"].get<std::string>().starts_with("msg_"));
  EXPECT_EQ(item["role"], "assistant");
  EXPECT_EQ(item["status"], "completed");
  const auto& part = item["content"][0];
  EXPECT_EQ(part["type"], "output_text");
  EXPECT_EQ(part["annotations"], Json::array());
  EXPECT_EQ(part["logprobs"], Json::array());
  const auto& usage = response["usage"];
  EXPECT_EQ(usage["output_tokens"], synthesis::count_tokens(part["text"].get<std::string>()));
  EXPECT_EQ(usage["total_tokens"].get<std::int64_t>(),
            usage["input_tokens"].get<std::int64_t>() + usage["output_tokens"].get<std::int64_t>());
  EXPECT_EQ(usage["input_tokens_details"]["cached_tokens"], 0);
  EXPECT_EQ(usage["output_tokens_details"]["reasoning_tokens"], 0);
}

TEST(ResponseBuilder, MaxOutputTokensCutsTheTextAndMarksIncomplete) {
  auto body = kBody;
  body["max_output_tokens"] = 16;
  const auto full = build_response(request_of(kBody), seeded(5)).response;
  const auto cut = build_response(request_of(body), seeded(5)).response;
  const auto full_text = full["output"][0]["content"][0]["text"].get<std::string>();
  ASSERT_GT(synthesis::count_tokens(full_text), 16U) << "seed 5 should give a longer text";
  EXPECT_EQ(cut["status"], "incomplete");
  EXPECT_EQ(cut["incomplete_details"], Json({{"reason", "max_output_tokens"}}));
  EXPECT_EQ(cut["output"][0]["status"], "incomplete");
  EXPECT_EQ(cut["usage"]["output_tokens"], 16);
  EXPECT_EQ(cut["max_output_tokens"], 16);
  EXPECT_TRUE(full_text.starts_with(cut["output"][0]["content"][0]["text"].get<std::string>()));
}

TEST(ResponseBuilder, ChainedContextCountsInInputTokensAndEchoesPreviousId) {
  const auto request = request_of(kBody);
  const auto alone = build_response(request, seeded(9));
  BuildContext chained = seeded(9);
  chained.carried_tokens = 100;
  const auto next = build_response(request, chained);
  EXPECT_EQ(next.response["usage"]["input_tokens"].get<std::int64_t>(),
            alone.response["usage"]["input_tokens"].get<std::int64_t>() + 100);
  EXPECT_EQ(next.carried_tokens, alone.carried_tokens + 100);
}

TEST(ResponseBuilder, InstructionsAreEchoedButNotCarried) {
  auto body = kBody;
  body["instructions"] = "Answer in one long paragraph please";
  const auto with = build_response(request_of(body), seeded(3));
  const auto without = build_response(request_of(kBody), seeded(3));
  EXPECT_EQ(with.response["instructions"], "Answer in one long paragraph please");
  EXPECT_GT(with.response["usage"]["input_tokens"], without.response["usage"]["input_tokens"]);
  const auto output = [](const BuiltResponse& b) {
    return b.response["usage"]["output_tokens"].get<std::int64_t>();
  };
  EXPECT_EQ(with.carried_tokens - output(with), without.carried_tokens - output(without));
}

TEST(ResponseBuilder, JsonSchemaFormatGivesAJsonObjectText) {
  auto body = kBody;
  body["text"] = {{"format",
                   {{"type", "json_schema"},
                    {"name", "city"},
                    {"schema",
                     {{"type", "object"},
                      {"properties", {{"city", {{"type", "string"}}}}},
                      {"required", {"city"}},
                      {"additionalProperties", false}}}}}};
  const auto response = build_response(request_of(body), seeded(2)).response;
  const auto text = response["output"][0]["content"][0]["text"].get<std::string>();
  const auto parsed = nlohmann::json::parse(text, nullptr, false);
  ASSERT_TRUE(parsed.is_object()) << text;
  EXPECT_TRUE(parsed["city"].is_string());
  EXPECT_EQ(response["text"]["format"]["type"], "json_schema");
}

TEST(ResponseBuilder, InputItemsGetIdsAndKeepOrder) {
  const auto built = build_response(
      request_of({{"model", "m"},
                  {"input",
                   {{{"role", "user"}, {"content", "a"}},
                    {{"role", "assistant"}, {"content", "b"}, {"id", "msg_given"}}}}}),
      seeded(4));
  ASSERT_EQ(built.input_items.size(), 2U);
  EXPECT_TRUE(built.input_items[0]["id"].get<std::string>().starts_with("msg_"));
  EXPECT_EQ(built.input_items[1]["id"], "msg_given");
  EXPECT_EQ(built.input_items[0]["content"], "a");
}

}  // namespace
}  // namespace chatmock::responses
