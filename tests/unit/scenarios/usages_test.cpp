// The usage group (docs/scenarios.md (usage)): where usage travels in a stream, how it adds up, and
// the metadata values (service_tier, system_fingerprint, moderation, logprobs) beside it.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "api/chat_completion_chunk.h"
#include "scenarios/scenario_catalogue.h"
#include "support/scenario_harness.h"

namespace chatmock::testing {
namespace {
using nlohmann::json;

void expect_usage_run_parses(const ScenarioRun& json_run, const ScenarioRun& stream_run) {
  EXPECT_NO_THROW((void)json_run.json().get<api::ChatCompletion>());
  for (const auto& chunk : stream_run.chunks()) {
    EXPECT_NO_THROW((void)chunk.get<api::ChatCompletionChunk>()) << chunk.dump();
  }
}

std::int64_t integer(const json& object, const char* key) {
  return object.at(key).get<std::int64_t>();
}

TEST(UsageCatalogue, RegistersEveryNameWithItsSpecFlag) {
  const std::map<std::string, bool> expected = {{"stream_usage_chunk_empty_choices", false},
                                                {"stream_usage_in_last_content_chunk", false},
                                                {"usage_details_full", false},
                                                {"service_tier_values", true},
                                                {"system_fingerprint_null_or_absent", true},
                                                {"moderation_block", false},
                                                {"logprobs_full", false}};
  for (const auto& [name, breaks] : expected) {
    const auto* scenario = scenarios::builtin_catalogue().find(name);
    ASSERT_NE(scenario, nullptr) << name;
    EXPECT_EQ(scenario->breaks_spec, breaks) << name;
    EXPECT_EQ(scenario->group, "usage") << name;
  }
}

TEST(StreamUsageChunkEmptyChoices, UnrequestedUsageArrivesInAnEmptyChoicesChunkBeforeDone) {
  const auto stream_run = run_scenario("stream_usage_chunk_empty_choices", chat_request(true));
  const auto chunks = stream_run.chunks();
  ASSERT_GE(chunks.size(), 2U);
  for (std::size_t i = 0; i + 1 < chunks.size(); ++i) {
    ASSERT_TRUE(chunks[i].contains("usage"));
    EXPECT_TRUE(chunks[i]["usage"].is_null());
  }
  EXPECT_TRUE(chunks.back()["choices"].empty());
  EXPECT_EQ(integer(chunks.back()["usage"], "total_tokens"),
            integer(chunks.back()["usage"], "prompt_tokens") +
                integer(chunks.back()["usage"], "completion_tokens"));
  EXPECT_TRUE(stream_run.ends_with_done());
  const auto json_run = run_scenario("stream_usage_chunk_empty_choices", chat_request());
  EXPECT_EQ(json_run.body(), run_scenario("default", chat_request()).body());
  expect_usage_run_parses(json_run, stream_run);
}

TEST(StreamUsageInLastContentChunk, UsageRidesOnTheFinishChunkAndNothingElseHasIt) {
  const auto stream_run = run_scenario("stream_usage_in_last_content_chunk", chat_request(true));
  const auto chunks = stream_run.chunks();
  for (std::size_t i = 0; i + 1 < chunks.size(); ++i) {
    EXPECT_FALSE(chunks[i]["choices"].empty());
    EXPECT_FALSE(chunks[i].contains("usage"));
  }
  EXPECT_EQ(chunks.back()["choices"][0]["finish_reason"], "stop");
  EXPECT_EQ(chunks.back()["usage"], run_scenario("default", chat_request()).json()["usage"]);
  EXPECT_EQ(run_scenario("stream_usage_in_last_content_chunk", chat_request()).body(),
            run_scenario("default", chat_request()).body());
  expect_usage_run_parses(run_scenario("stream_usage_in_last_content_chunk", chat_request()),
                          stream_run);
}

TEST(StreamUsageInLastContentChunk, RunningTotalsVariantPutsGrowingUsageOnEveryChunk) {
  const auto chunks = run_scenario("stream_usage_in_last_content_chunk", chat_request(true),
                                   {{"X-Chatmock-Variant", "running_totals"}})
                          .chunks();
  std::int64_t previous = 0;
  for (const auto& chunk : chunks) {
    ASSERT_TRUE(chunk["usage"].is_object());
    EXPECT_GE(integer(chunk["usage"], "completion_tokens"), previous);
    previous = integer(chunk["usage"], "completion_tokens");
  }
  EXPECT_GT(previous, integer(chunks[chunks.size() / 2]["usage"], "completion_tokens"));
  EXPECT_EQ(chunks.back()["usage"], run_scenario("default", chat_request()).json()["usage"]);
}

TEST(UsageDetailsFull, EveryCounterIsSetAndTheTotalsAddUp) {
  const auto json_run = run_scenario("usage_details_full", chat_request());
  const auto usage = json_run.json()["usage"];
  const auto& in = usage["prompt_tokens_details"];
  const auto& out = usage["completion_tokens_details"];
  for (const char* key :
       {"text_tokens", "image_tokens", "audio_tokens", "cached_tokens", "cache_write_tokens"}) {
    EXPECT_GT(integer(in, key), 0) << key;
  }
  for (const char* key : {"text_tokens", "reasoning_tokens", "audio_tokens",
                          "accepted_prediction_tokens", "rejected_prediction_tokens"}) {
    EXPECT_GT(integer(out, key), 0) << key;
  }
  EXPECT_EQ(integer(usage, "prompt_tokens"),
            integer(in, "text_tokens") + integer(in, "image_tokens") + integer(in, "audio_tokens"));
  EXPECT_EQ(integer(in, "cached_tokens") + integer(in, "cache_write_tokens"),
            integer(usage, "prompt_tokens"));
  EXPECT_EQ(integer(usage, "completion_tokens"),
            integer(out, "text_tokens") + integer(out, "reasoning_tokens") +
                integer(out, "audio_tokens") + integer(out, "rejected_prediction_tokens"));
  EXPECT_EQ(integer(usage, "total_tokens"),
            integer(usage, "prompt_tokens") + integer(usage, "completion_tokens"));
  const auto stream_run = run_scenario("usage_details_full", chat_request(true));
  EXPECT_EQ(stream_run.chunks().back()["usage"], usage);
  expect_usage_run_parses(json_run, stream_run);
}

TEST(UsageDetailsFull, VariantsDropTheDetailsOrTheWholeUsage) {
  const auto bare =
      run_scenario("usage_details_full", chat_request(), {{"X-Chatmock-Variant", "no_details"}})
          .json();
  EXPECT_FALSE(bare["usage"].contains("prompt_tokens_details"));
  EXPECT_FALSE(bare["usage"].contains("completion_tokens_details"));
  const HeaderList none = {{"X-Chatmock-Variant", "no_usage"}};
  EXPECT_FALSE(run_scenario("usage_details_full", chat_request(), none).json().contains("usage"));
  for (const auto& chunk : run_scenario("usage_details_full", chat_request(true), none).chunks()) {
    EXPECT_FALSE(chunk["choices"].empty());
    EXPECT_TRUE(chunk["usage"].is_null());
  }
}

TEST(ServiceTierValues, HeaderPicksTheTierOnTheBodyAndEveryChunk) {
  const HeaderList headers = {{"X-Chatmock-Service-Tier", "ultrafast"}};
  EXPECT_EQ(run_scenario("service_tier_values", chat_request(), headers).json()["service_tier"],
            "ultrafast");
  for (const auto& chunk :
       run_scenario("service_tier_values", chat_request(true), headers).chunks()) {
    EXPECT_EQ(chunk["service_tier"], "ultrafast");
  }
  const auto null_tier =
      run_scenario("service_tier_values", chat_request(), {{"X-Chatmock-Service-Tier", "null"}});
  EXPECT_TRUE(null_tier.json().contains("service_tier"));
  EXPECT_TRUE(null_tier.json()["service_tier"].is_null());
}

TEST(ServiceTierValues, FastIsAnsweredPriorityAndSeedsCoverEveryValue) {
  auto request = chat_request();
  request["service_tier"] = "fast";
  EXPECT_EQ(run_scenario("service_tier_values", request).json()["service_tier"], "priority");
  std::set<std::string> seen;
  for (std::uint64_t seed = 1; seed <= 80; ++seed) {
    seen.insert(run_scenario("service_tier_values", chat_request(), {}, seed)
                    .json()["service_tier"]
                    .dump());
  }
  EXPECT_EQ(seen, (std::set<std::string>{"\"default\"", "\"auto\"", "\"flex\"", "\"scale\"",
                                         "\"priority\"", "null", "\"ultrafast\""}));
}

TEST(SystemFingerprintNullOrAbsent, VariantsGiveNullOrNoKeyInJsonAndStream) {
  const HeaderList null_variant = {{"X-Chatmock-Variant", "null"}};
  const auto with_null =
      run_scenario("system_fingerprint_null_or_absent", chat_request(), null_variant).json();
  ASSERT_TRUE(with_null.contains("system_fingerprint"));
  EXPECT_TRUE(with_null["system_fingerprint"].is_null());
  for (const auto& chunk :
       run_scenario("system_fingerprint_null_or_absent", chat_request(true), null_variant)
           .chunks()) {
    EXPECT_TRUE(chunk["system_fingerprint"].is_null());
  }
  const HeaderList absent = {{"X-Chatmock-Variant", "absent"}};
  EXPECT_FALSE(run_scenario("system_fingerprint_null_or_absent", chat_request(), absent)
                   .json()
                   .contains("system_fingerprint"));
  for (const auto& chunk :
       run_scenario("system_fingerprint_null_or_absent", chat_request(true), absent).chunks()) {
    EXPECT_FALSE(chunk.contains("system_fingerprint"));
  }
  std::set<bool> present;
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    present.insert(run_scenario("system_fingerprint_null_or_absent", chat_request(), {}, seed)
                       .json()
                       .contains("system_fingerprint"));
  }
  EXPECT_EQ(present.size(), 2U);
}

TEST(ModerationBlock, BodyAndLastChunkCarryInputResultsAndAnOutputError) {
  const auto json_run = run_scenario("moderation_block", chat_request());
  const auto moderation = json_run.json()["moderation"];
  EXPECT_EQ(moderation["input"]["type"], "moderation_results");
  const auto& result = moderation["input"]["results"][0];
  for (const char* key : {"type", "model", "flagged", "categories", "category_scores",
                          "category_applied_input_types"}) {
    EXPECT_TRUE(result.contains(key)) << key;
  }
  EXPECT_EQ(moderation["output"]["type"], "error");
  EXPECT_TRUE(moderation["output"]["code"].is_string());
  EXPECT_TRUE(moderation["output"]["message"].is_string());
  const auto stream_run = run_scenario("moderation_block", chat_request(true));
  EXPECT_EQ(stream_run.chunks().back()["moderation"], moderation);
  expect_usage_run_parses(json_run, stream_run);
}

TEST(LogprobsFull, EntriesSplitACharacterUseTheSentinelAndShortenTopLists) {
  const auto json_run = run_scenario("logprobs_full", chat_request());
  const auto choice = json_run.json()["choices"][0];
  const auto content = choice["message"]["content"].get<std::string>();
  const auto& entries = choice["logprobs"]["content"];
  std::string joined;
  bool split_character = false;
  bool sentinel = false;
  bool short_top = false;
  for (const auto& entry : entries) {
    if (entry["bytes"].is_null()) {
      joined += entry["token"].get<std::string>();
    } else {
      for (const auto& byte : entry["bytes"]) joined += static_cast<char>(byte.get<int>());
    }
    split_character = split_character || entry["token"].get<std::string>().starts_with("bytes:");
    short_top = short_top || entry["top_logprobs"].size() < 3U;
    if (entry["logprob"].get<double>() == -9999.0) {
      sentinel = true;
      for (const auto& top : entry["top_logprobs"]) EXPECT_NE(top["token"], entry["token"]);
    }
  }
  EXPECT_EQ(joined, content);
  EXPECT_TRUE(split_character);
  EXPECT_TRUE(sentinel);
  EXPECT_TRUE(short_top);
  EXPECT_TRUE(entries.back()["bytes"].is_null());
  EXPECT_TRUE(choice["logprobs"]["refusal"].is_null());
}

TEST(LogprobsFull, StreamSpreadsTheSameEntriesSeveralPerChunkWhereACharacterWasSplit) {
  const auto json_run = run_scenario("logprobs_full", chat_request());
  const auto stream_run = run_scenario("logprobs_full", chat_request(true));
  json streamed = json::array();
  std::size_t widest = 0;
  for (const auto& chunk : stream_run.chunks()) {
    for (const auto& choice : chunk["choices"]) {
      if (!choice["logprobs"].is_object()) continue;
      widest = std::max(widest, choice["logprobs"]["content"].size());
      for (const auto& entry : choice["logprobs"]["content"]) streamed.push_back(entry);
    }
  }
  EXPECT_GE(widest, 2U);
  EXPECT_EQ(streamed, json_run.json()["choices"][0]["logprobs"]["content"]);
  expect_usage_run_parses(json_run, stream_run);
}

TEST(LogprobsFull, HonoursTheRequestedTopLogprobsCount) {
  auto request = chat_request();
  request["logprobs"] = true;
  request["top_logprobs"] = 5;
  const auto entries =
      run_scenario("logprobs_full", request).json()["choices"][0]["logprobs"]["content"];
  EXPECT_EQ(entries[0]["top_logprobs"].size(), 5U);
}

TEST(UsageComposition, DetailedUsageRidesOnTheFinishChunk) {
  const auto chunks =
      run_scenario("usage_details_full+stream_usage_in_last_content_chunk", chat_request(true))
          .chunks();
  EXPECT_FALSE(chunks.back()["choices"].empty());
  EXPECT_GT(integer(chunks.back()["usage"]["completion_tokens_details"], "reasoning_tokens"), 0);
  const auto tiered = run_scenario("service_tier_values+stream_usage_chunk_empty_choices",
                                   chat_request(true), {{"X-Chatmock-Service-Tier", "flex"}})
                          .chunks();
  EXPECT_TRUE(tiered.back()["choices"].empty());
  EXPECT_EQ(tiered.back()["service_tier"], "flex");
}

}  // namespace
}  // namespace chatmock::testing
