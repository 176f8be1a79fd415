// Rules that depend on the model catalogue: images, audio output, web search, logprobs, n,
// predicted outputs, the output-token budget, unknown models under --strict-models, and a
// catalogue supplied through the options.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "unit/validation/request_builders.h"

namespace chatmock::validation {
namespace {

using testing::is_valid;
using testing::json;
using testing::minimal_request;
using testing::violates;

json for_model(const std::string& model) {
  json body = minimal_request();
  body["model"] = model;
  return body;
}

json with_image(const std::string& model) {
  json body = testing::with_messages(
      {{{"role", "user"},
        {"content", testing::list({{{"type", "text"}, {"text", "what is this?"}},
                                   {{"type", "image_url"},
                                    {"image_url", {{"url", "https://example.com/a.png"}}}}})}}});
  body["model"] = model;
  return body;
}

TEST(ModelRulesTest, ImagesOnlyToModelsThatTakeThem) {
  EXPECT_TRUE(is_valid(with_image("gpt-4o")));
  EXPECT_TRUE(is_valid(with_image("unknown-model")));
  EXPECT_TRUE(violates(with_image("gpt-3.5-turbo"), "validation.images_unsupported",
                       "messages[0].content[1].type", std::nullopt));
  EXPECT_EQ(validate_request(with_image("o3-mini"))[0].message,
            "Invalid content type. image_url is only supported by certain models.");
}

TEST(ModelRulesTest, AudioOutputNeedsAnAudioModelAndTheAudioParameter) {
  json body = for_model("gpt-4o-audio-preview");
  body["modalities"] = {"text", "audio"};
  EXPECT_TRUE(violates(body, "validation.audio_missing", "audio", "missing_required_parameter"));
  body["audio"] = {{"voice", "alloy"}, {"format", "wav"}};
  EXPECT_TRUE(is_valid(body));
  body["model"] = "gpt-4o";
  EXPECT_TRUE(violates(body, "validation.audio_unsupported", "modalities", "unsupported_value"));
  body["modalities"] = {"text"};
  EXPECT_TRUE(is_valid(body));
}

TEST(ModelRulesTest, WebSearchOptionsOnlyForSearchModels) {
  json body = for_model("gpt-4o-mini-search-preview");
  body["web_search_options"] = json::object();
  EXPECT_TRUE(is_valid(body));
  body["model"] = "gpt-4o";
  EXPECT_TRUE(violates(body, "validation.web_search_options_unsupported", "web_search_options",
                       "unsupported_parameter"));
}

TEST(ModelRulesTest, LogprobsAndN) {
  json body = for_model("o3-mini");
  body["logprobs"] = true;
  EXPECT_TRUE(
      violates(body, "validation.logprobs_unsupported", "logprobs", "unsupported_parameter"));
  body["logprobs"] = false;
  EXPECT_TRUE(is_valid(body));
  body = for_model("gpt-4o-search-preview");
  body["n"] = 2;
  EXPECT_TRUE(violates(body, "validation.n_unsupported", "n", "unsupported_value"));
  body["n"] = 1;
  EXPECT_TRUE(is_valid(body));
}

TEST(ModelRulesTest, PredictionRefusesToolsAndSeveralChoices) {
  json body = for_model("gpt-4o");
  body["prediction"] = {{"type", "content"}, {"content", "x"}};
  EXPECT_TRUE(is_valid(body));
  body["n"] = 2;
  EXPECT_TRUE(violates(body, "validation.prediction_with_n", "prediction", "invalid_value"));
  body.erase("n");
  body["tools"] = {{{"type", "function"}, {"function", {{"name", "f"}}}}};
  EXPECT_TRUE(violates(body, "validation.prediction_with_tools", "prediction", "invalid_value"));
}

TEST(ModelRulesTest, MaxTokensAboveTheModelLimitIsTheApiError) {
  json body = for_model("gpt-4o");
  body["max_tokens"] = 16384;
  EXPECT_TRUE(is_valid(body));
  body["max_tokens"] = 20000;
  const auto violations = validate_request(body);
  ASSERT_EQ(violations.size(), 1U);
  EXPECT_EQ(to_api_error(violations[0]).body(), json::parse(R"({"error":{
    "message":"max_tokens is too large: 20000. This model supports at most 16384 completion tokens, whereas you provided 20000.",
    "type":"invalid_request_error","param":"max_tokens","code":"invalid_value"}})"));
  body.erase("max_tokens");
  body["max_completion_tokens"] = 16385;
  EXPECT_TRUE(
      violates(body, "validation.max_tokens_too_large", "max_completion_tokens", "invalid_value"));
  body["model"] = "house-model";  // unknown: no limit known
  EXPECT_TRUE(is_valid(body));
}

TEST(ModelRulesTest, ChoicesTimesMaxTokensStaysUnderTheCap) {
  json body = for_model("gpt-4o");
  body["n"] = 64;
  body["max_completion_tokens"] = 16384;
  EXPECT_TRUE(is_valid(body));  // 1048576 = the default cap
  body["n"] = 65;
  EXPECT_TRUE(violates(body, "validation.completion_budget_too_large", "n", "invalid_value"));
  EXPECT_NE(validate_request(body)[0].message.find("--max-total-completion-tokens"),
            std::string::npos);
  ValidationOptions roomy;
  roomy.max_total_completion_tokens = std::int64_t{1} << 21U;
  EXPECT_TRUE(is_valid(body, roomy));
}

TEST(ModelRulesTest, StrictModelsAnswersUnknownIdsWithTheApi404) {
  ValidationOptions strict;
  strict.strict_models = true;
  EXPECT_TRUE(is_valid(for_model("gpt-4o"), strict));
  EXPECT_TRUE(is_valid(for_model("gpt-4o-mini-2024-07-18"), strict));
  EXPECT_TRUE(is_valid(for_model("ft:gpt-4o-mini:org::abc"), strict));
  EXPECT_TRUE(is_valid(for_model("gpt-99")));  // lenient by default
  const auto violations = validate_request(for_model("gpt-99"), strict);
  ASSERT_EQ(violations.size(), 1U);
  const auto error = to_api_error(violations[0]);
  EXPECT_EQ(error.status, 404);
  EXPECT_EQ(error.body(), json::parse(R"({"error":{
    "message":"The model `gpt-99` does not exist or you do not have access to it.",
    "type":"invalid_request_error","param":null,"code":"model_not_found"}})"));
}

TEST(ModelRulesTest, ACatalogueInTheOptionsReplacesTheBuiltIn) {
  auto catalogue = std::make_shared<models::Catalogue>(models::Catalogue::builtin());
  models::ModelSpec house = models::Catalogue::generic("house-model");
  house.images = false;
  catalogue->put(house);
  ValidationOptions options;
  options.models = catalogue;
  options.strict_models = true;
  EXPECT_TRUE(is_valid(for_model("house-model"), options));
  EXPECT_TRUE(violates(with_image("house-model"), "validation.images_unsupported",
                       "messages[0].content[1].type", std::nullopt, options));
}

}  // namespace
}  // namespace chatmock::validation
