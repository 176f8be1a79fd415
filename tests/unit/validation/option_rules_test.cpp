// The option enums and shapes the schema defines: reasoning_effort, prompt caching, moderation,
// audio, prediction, web_search_options and the metadata limits. Accept and refuse for each.
#include <gtest/gtest.h>

#include <string>

#include "unit/validation/request_builders.h"

namespace chatmock::validation {
namespace {

using testing::is_valid;
using testing::json;
using testing::minimal_request;
using testing::violates;

json with(const std::string& key, json value) {
  json body = minimal_request();
  body[key] = std::move(value);
  return body;
}

TEST(OptionRulesTest, ReasoningEffortTakesTheSchemaValues) {
  for (const char* effort : {"none", "minimal", "low", "medium", "high", "xhigh", "max"}) {
    EXPECT_TRUE(is_valid(with("reasoning_effort", effort))) << effort;
  }
  EXPECT_TRUE(violates(with("reasoning_effort", "extreme"), "validation.invalid_enum_value",
                       "reasoning_effort", "invalid_value"));
  EXPECT_EQ(validate_request(with("verbosity", "loud"))[0].message,
            "Invalid value: 'loud'. Supported values are: 'low', 'medium', and 'high'.");
}

TEST(OptionRulesTest, PromptCacheFields) {
  EXPECT_TRUE(is_valid(with("prompt_cache_retention", "24h")));
  EXPECT_TRUE(is_valid(with("prompt_cache_retention", nullptr)));
  EXPECT_TRUE(violates(with("prompt_cache_retention", "1h"), "validation.invalid_enum_value",
                       "prompt_cache_retention", "invalid_value"));
  EXPECT_TRUE(is_valid(with("prompt_cache_options", {{"ttl", "30m"}, {"mode", "explicit"}})));
  EXPECT_TRUE(violates(with("prompt_cache_options", {{"ttl", "1h"}}),
                       "validation.invalid_enum_value", "prompt_cache_options.ttl",
                       "invalid_value"));
  EXPECT_TRUE(violates(with("prompt_cache_options", {{"mode", "auto"}}),
                       "validation.invalid_enum_value", "prompt_cache_options.mode",
                       "invalid_value"));
  EXPECT_TRUE(is_valid(with("prompt_cache_key", nullptr)));
  EXPECT_TRUE(is_valid(with("safety_identifier", nullptr)));
}

TEST(OptionRulesTest, Moderation) {
  EXPECT_TRUE(is_valid(with("moderation", {{"model", "omni-moderation-latest"}})));
  EXPECT_TRUE(is_valid(
      with("moderation",
           {{"model", "m"}, {"policy", {{"input", {{"mode", "block"}}}, {"output", nullptr}}}})));
  EXPECT_TRUE(violates(with("moderation", json::object()), "validation.missing_field",
                       "moderation.model", "missing_required_parameter"));
  EXPECT_TRUE(
      violates(with("moderation", {{"model", "m"}, {"policy", {{"input", {{"mode", "x"}}}}}}),
               "validation.invalid_enum_value", "moderation.policy.input.mode", "invalid_value"));
}

TEST(OptionRulesTest, AudioNeedsVoiceAndAKnownFormat) {
  json body = with("audio", {{"voice", "alloy"}, {"format", "mp3"}});
  body["model"] = "gpt-4o-audio-preview";
  body["modalities"] = {"text", "audio"};
  EXPECT_TRUE(is_valid(body));
  body["audio"] = {{"voice", {{"id", "voice_123"}}}, {"format", "pcm16"}};
  EXPECT_TRUE(is_valid(body));
  body["audio"] = {{"voice", "alloy"}, {"format", "ogg"}};
  EXPECT_TRUE(violates(body, "validation.invalid_enum_value", "audio.format", "invalid_value"));
  body["audio"] = {{"format", "wav"}};
  EXPECT_TRUE(
      violates(body, "validation.missing_field", "audio.voice", "missing_required_parameter"));
}

TEST(OptionRulesTest, PredictionShape) {
  EXPECT_TRUE(is_valid(with("prediction", {{"type", "content"}, {"content", "x"}})));
  EXPECT_TRUE(is_valid(
      with("prediction", {{"type", "content"}, {"content", {{{"type", "text"}, {"text", "x"}}}}})));
  EXPECT_TRUE(violates(with("prediction", {{"type", "diff"}, {"content", "x"}}),
                       "validation.invalid_enum_value", "prediction.type", "invalid_value"));
  EXPECT_TRUE(violates(with("prediction", {{"type", "content"}}), "validation.missing_field",
                       "prediction.content", "missing_required_parameter"));
  EXPECT_TRUE(violates(with("prediction", {{"type", "content"}, {"content", json::array()}}),
                       "validation.content_empty", "prediction.content", "empty_array"));
}

TEST(OptionRulesTest, WebSearchOptionsShape) {
  json body =
      with("web_search_options",
           {{"search_context_size", "low"},
            {"user_location", {{"type", "approximate"}, {"approximate", {{"city", "Paris"}}}}}});
  body["model"] = "gpt-4o-search-preview";
  EXPECT_TRUE(is_valid(body));
  body["web_search_options"] = {{"search_context_size", "huge"}};
  EXPECT_TRUE(violates(body, "validation.invalid_enum_value",
                       "web_search_options.search_context_size", "invalid_value"));
  body["web_search_options"] = {
      {"user_location", {{"type", "exact"}, {"approximate", json::object()}}}};
  EXPECT_TRUE(violates(body, "validation.invalid_enum_value",
                       "web_search_options.user_location.type", "invalid_value"));
}

TEST(OptionRulesTest, MetadataLimits) {
  json metadata = json::object();
  for (int i = 0; i < 16; ++i) metadata["k" + std::to_string(i)] = std::string(512, 'v');
  EXPECT_TRUE(is_valid(with("metadata", metadata)));
  metadata["k16"] = "v";
  EXPECT_TRUE(violates(with("metadata", metadata), "validation.metadata_too_many_pairs", "metadata",
                       "object_above_max_properties"));
  EXPECT_TRUE(violates(with("metadata", {{std::string(65, 'k'), "v"}}),
                       "validation.metadata_key_too_long", "metadata", "string_above_max_length"));
  EXPECT_TRUE(is_valid(with("metadata", {{std::string(64, 'k'), "v"}})));
  EXPECT_TRUE(violates(with("metadata", {{"k", std::string(513, 'v')}}),
                       "validation.string_too_long", "metadata.k", "string_above_max_length"));
}

}  // namespace
}  // namespace chatmock::validation
