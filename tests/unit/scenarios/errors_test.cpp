// The "errors" group: each error scenario answers JSON and stream requests alike with the real
// API's status, body, type, code and headers (docs/openai-behaviour.md §3), asserted on the
// WireReply.
#include <gtest/gtest.h>

#include "api/chat_completion_chunk.h"
#include "scenarios/scenario_catalogue.h"
#include "support/scenario_harness.h"

namespace chatmock::testing {
namespace {

struct ExpectedError {
  const char* scenario;
  int status;
  const char* type;
  nlohmann::json code;
  const char* message_start;
};

class StatusErrorTest : public ::testing::TestWithParam<ExpectedError> {};

TEST_P(StatusErrorTest, AnswersJsonAndStreamRequestsWithTheRealApiErrorBody) {
  const auto& expected = GetParam();
  for (const bool stream : {false, true}) {
    const auto run = run_scenario(expected.scenario, chat_request(stream));
    EXPECT_EQ(run.reply.status, expected.status) << expected.scenario;
    EXPECT_EQ(run.reply.content_type, "application/json");
    EXPECT_FALSE(run.reply.chunked);
    const auto error = run.json().at("error");
    EXPECT_EQ(error.size(), 4U) << "message, type, param and code are all required";
    EXPECT_EQ(error["type"], expected.type);
    EXPECT_EQ(error["code"], expected.code);
    EXPECT_EQ(error["message"].get<std::string>().rfind(expected.message_start, 0), 0U)
        << error["message"];
  }
}

INSTANTIATE_TEST_SUITE_P(
    ErrorScenarios, StatusErrorTest,
    ::testing::Values(
        ExpectedError{"error_400", 400, "invalid_request_error", "context_length_exceeded",
                      "This model's maximum context length is 128000 tokens."},
        ExpectedError{"error_401", 401, "invalid_request_error", nullptr,
                      "You didn't provide an API key."},
        ExpectedError{"error_403", 403, "request_forbidden", "unsupported_country_region_territory",
                      "Country, region, or territory not supported"},
        ExpectedError{"error_404", 404, "invalid_request_error", "model_not_found",
                      "The model `gpt-4o-mini` does not exist"},
        ExpectedError{"error_429", 429, "tokens", "rate_limit_exceeded",
                      "Rate limit reached for gpt-4o-mini"},
        ExpectedError{"error_500", 500, "server_error", nullptr, "The server had an error"},
        ExpectedError{"error_503", 503, "server_error", nullptr,
                      "The engine is currently overloaded"},
        ExpectedError{"http_429_rate_limit", 429, "tokens", "rate_limit_exceeded",
                      "Rate limit reached"},
        ExpectedError{"http_429_insufficient_quota", 429, "insufficient_quota",
                      "insufficient_quota", "You exceeded your current quota"},
        ExpectedError{"http_400_validation", 400, "invalid_request_error", nullptr,
                      "Missing parameter 'tool_call_id'"}));

TEST(ErrorScenarios, Error401MasksTheKeyTheRequestSent) {
  const auto run =
      run_scenario("error_401", chat_request(), {{"Authorization", "Bearer sk-test-abcdefgh1234"}});
  const auto error = run.json()["error"];
  EXPECT_EQ(error["code"], "invalid_api_key");
  EXPECT_EQ(error["message"],
            "Incorrect API key provided: sk-" + std::string(13, '*') +
                "1234. You can find your API key at https://platform.openai.com/account/api-keys.");
}

TEST(ErrorScenarios, Error429CarriesRetryAndExhaustedRateLimitHeaders) {
  const auto reply = run_scenario("error_429", chat_request(true)).reply;
  EXPECT_EQ(reply.header("retry-after"), "1");
  EXPECT_EQ(reply.header("retry-after-ms"), "10");
  EXPECT_EQ(reply.header("x-ratelimit-remaining-requests"), "0");
  EXPECT_EQ(reply.header("x-ratelimit-remaining-tokens"), "0");
  EXPECT_EQ(reply.header("x-ratelimit-reset-requests"), "1s");
  EXPECT_EQ(reply.header("x-ratelimit-reset-tokens"), "10ms");
  EXPECT_FALSE(reply.header("x-should-retry"));
}

TEST(ErrorScenarios, Error429VariantsSteerTheRetryPolicy) {
  const auto no_retry =
      run_scenario("error_429", chat_request(), {{"X-Chatmock-Variant", "no_retry"}}).reply;
  EXPECT_EQ(no_retry.header("x-should-retry"), "false");

  const auto long_wait =
      run_scenario("error_429", chat_request(), {{"X-Chatmock-Variant", "retry_after_300"}});
  EXPECT_EQ(long_wait.reply.header("retry-after"), "300");
  EXPECT_FALSE(long_wait.reply.header("retry-after-ms")) << "retry-after-ms would take priority";

  const auto quota =
      run_scenario("error_429", chat_request(), {{"X-Chatmock-Variant", "insufficient_quota"}});
  EXPECT_EQ(quota.json()["error"]["type"], "insufficient_quota");
}

TEST(ErrorScenarios, Http429RateLimitAdvertises644Milliseconds) {
  const auto run = run_scenario("http_429_rate_limit", chat_request());
  EXPECT_EQ(run.reply.header("retry-after"), "1");
  EXPECT_EQ(run.reply.header("retry-after-ms"), "644");
  EXPECT_EQ(run.reply.header("x-ratelimit-remaining-tokens"), "0");
  EXPECT_EQ(run.reply.header("x-ratelimit-reset-tokens"), "644ms");
  EXPECT_NE(run.json()["error"]["message"].get<std::string>().find("Please try again in 644ms."),
            std::string::npos);
}

TEST(ErrorScenarios, InsufficientQuotaHasNoRetryAfterAndOptionalShouldRetryFalse) {
  const auto plain = run_scenario("http_429_insufficient_quota", chat_request());
  EXPECT_FALSE(plain.reply.header("retry-after"));
  const auto variant = run_scenario("http_429_insufficient_quota", chat_request(),
                                    {{"X-Chatmock-Variant", "no_retry, legacy_code"}});
  EXPECT_EQ(variant.reply.header("x-should-retry"), "false");
  EXPECT_TRUE(variant.json()["error"]["code"].is_null());
}

TEST(ErrorScenarios, Http500503ThenSuccessIsAThreeStepSequence) {
  EXPECT_EQ(run_scenario("http_500_503_then_success", chat_request(), {}, 7, 0).reply.status, 500);
  EXPECT_EQ(run_scenario("http_500_503_then_success", chat_request(), {}, 7, 1).reply.status, 503);
  const auto success = run_scenario("http_500_503_then_success", chat_request(true), {}, 7, 2);
  EXPECT_EQ(success.reply.status, 200);
  EXPECT_TRUE(success.ends_with_done());
}

TEST(ErrorScenarios, Http400ValidationOffersBothParamPathStyles) {
  const auto modern = run_scenario("http_400_validation", chat_request()).json()["error"];
  EXPECT_EQ(modern["param"], "messages[2].tool_call_id");
  EXPECT_TRUE(modern["code"].is_null());
  const auto legacy =
      run_scenario("http_400_validation", chat_request(), {{"X-Chatmock-Variant", "legacy_path"}});
  EXPECT_EQ(legacy.json()["error"]["param"], "messages.[2].tool_call_id");
  const auto range =
      run_scenario("http_400_validation", chat_request(), {{"X-Chatmock-Variant", "temperature"}});
  EXPECT_EQ(range.json()["error"]["param"], "temperature");
  EXPECT_EQ(range.json()["error"]["code"], "decimal_above_max_value");
}

TEST(ErrorScenarios, HtmlBadGatewayIsATextHtmlPage) {
  for (const bool stream : {false, true}) {
    const auto run = run_scenario("error_html_502", chat_request(stream));
    EXPECT_EQ(run.reply.status, 502);
    EXPECT_EQ(run.reply.content_type, "text/html");
    EXPECT_NE(run.body().find("<title>502 Bad Gateway</title>"), std::string::npos);
    EXPECT_FALSE(nlohmann::json::accept(run.body()));
  }
}

TEST(ErrorScenarios, NonJsonBodyIsEmptyByDefaultAndHtmlOnRequest) {
  const auto empty = run_scenario("http_error_non_json_body", chat_request(true));
  EXPECT_EQ(empty.reply.status, 502);
  EXPECT_TRUE(empty.body().empty());
  const auto html =
      run_scenario("http_error_non_json_body", chat_request(), {{"X-Chatmock-Variant", "html"}});
  EXPECT_EQ(html.reply.content_type, "text/html");
  EXPECT_NE(html.body().find("502 Bad Gateway"), std::string::npos);
}

TEST(ErrorScenarios, NoWrapperSendsTheErrorObjectAtTopLevel) {
  const auto body = run_scenario("http_error_no_wrapper", chat_request()).json();
  EXPECT_FALSE(body.contains("error"));
  EXPECT_EQ(body["type"], "invalid_request_error");
  EXPECT_EQ(body["code"], "context_length_exceeded");
  EXPECT_TRUE(body.contains("param"));
  EXPECT_TRUE(body["message"].is_string());
}

TEST(ErrorScenarios, ShouldRetryVariantAppliesToAnyError) {
  const auto run =
      run_scenario("error_400", chat_request(), {{"X-Chatmock-Variant", "force_retry"}});
  EXPECT_EQ(run.reply.header("x-should-retry"), "true");
  const auto html =
      run_scenario("error_html_502", chat_request(), {{"X-Chatmock-Variant", "no_retry"}});
  EXPECT_EQ(html.reply.header("x-should-retry"), "false");
}

TEST(ErrorScenarios, ComposedWithDefaultTheErrorStillWins) {
  const auto run = run_scenario("default+error_503", chat_request(true));
  EXPECT_EQ(run.reply.status, 503);
  EXPECT_EQ(run.json()["error"]["type"], "server_error");
}

TEST(AzurePromptFilter, JsonCarriesFilterResultsAndStillParses) {
  const auto body = run_scenario("azure_prompt_filter_first_chunk", chat_request()).json();
  EXPECT_EQ(body["prompt_filter_results"][0]["prompt_index"], 0);
  EXPECT_EQ(body["choices"][0]["content_filter_results"]["hate"]["filtered"], false);
  EXPECT_NO_THROW((void)body.get<api::ChatCompletion>());
}

TEST(AzurePromptFilter, StreamOpensWithAnEmptyPromptFilterChunkAndHasADeltaLessChoice) {
  const auto run = run_scenario("azure_prompt_filter_first_chunk", chat_request(true));
  const auto chunks = run.chunks();
  ASSERT_GE(chunks.size(), 3U);
  EXPECT_EQ(chunks[0]["object"], "");
  EXPECT_EQ(chunks[0]["id"], "");
  EXPECT_TRUE(chunks[0]["choices"].empty());
  EXPECT_TRUE(chunks[0]["prompt_filter_results"].is_array());
  bool delta_less = false;
  for (const auto& chunk : chunks) {
    for (const auto& choice : chunk["choices"])
      delta_less = delta_less || !choice.contains("delta");
  }
  EXPECT_TRUE(delta_less);
  EXPECT_TRUE(chunks[1]["choices"][0].contains("content_filter_results"));
  EXPECT_TRUE(run.ends_with_done());
}

TEST(ErrorCatalogue, EveryErrorScenarioIsRegisteredInItsGroup) {
  const auto& catalogue = scenarios::builtin_catalogue();
  for (const char* name :
       {"error_400", "error_401", "error_403", "error_404", "error_429", "error_500", "error_503",
        "error_html_502", "http_429_rate_limit", "http_429_insufficient_quota",
        "http_500_503_then_success", "http_400_validation", "http_error_non_json_body",
        "http_error_no_wrapper", "azure_prompt_filter_first_chunk"}) {
    const auto* scenario = catalogue.find(name);
    ASSERT_NE(scenario, nullptr) << name;
    EXPECT_EQ(scenario->group, "errors") << name;
    // Only these break the official schemas: a chunk with empty id/object, an error without
    // "error".
    const bool breaks = std::string_view(name) == "azure_prompt_filter_first_chunk" ||
                        std::string_view(name) == "http_error_no_wrapper";
    EXPECT_EQ(scenario->breaks_spec, breaks) << name;
  }
  EXPECT_EQ(catalogue.find("http_500_503_then_success")->expands_to, "error_500,error_503,default");
}

}  // namespace
}  // namespace chatmock::testing
