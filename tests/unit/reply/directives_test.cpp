// parse_directives: every X-Chatmock-* header read once, typed, capped; a bad value is a 400
// naming the header and the accepted form.
#include "reply/directives.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace chatmock::reply {
namespace {

wire::HttpRequest with(std::vector<std::pair<std::string, std::string>> headers) {
  wire::HttpRequest request;
  for (auto& [name, value] : headers) request.headers.emplace_back(wire::lower_ascii(name), value);
  return request;
}

Expected<Directives> parse(std::vector<std::pair<std::string, std::string>> headers,
                           std::string_view path = "") {
  return parse_directives(with(std::move(headers)), path, {});
}

void expect_400(const Expected<Directives>& parsed, const std::string& param,
                const std::string& mentions) {
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().status, 400);
  EXPECT_EQ(parsed.error().param, param);
  EXPECT_NE(parsed.error().message.find(mentions), std::string::npos) << parsed.error().message;
}

TEST(Directives, EveryHeaderIsReadIntoItsField) {
  const auto parsed = parse({{"X-Chatmock-Scenario", "refusal+sse_crlf"},
                             {"X-Chatmock-Seed", "18446744073709551615"},
                             {"X-Chatmock-Session", "s1"},
                             {"X-Chatmock-Latency", "ttft=2s,itl=40ms,jitter=20"},
                             {"X-Chatmock-Size", "4096"},
                             {"X-Chatmock-Disconnect-After", "10"},
                             {"X-Chatmock-Variant", "no_retry, legacy_code"},
                             {"X-Chatmock-Words", "100000"},
                             {"X-Chatmock-Fuzz-Level", "3"},
                             {"X-Chatmock-Service-Tier", "flex"},
                             {"X-Chatmock-Finish-Reason", "eos"},
                             {"Authorization", "Bearer sk-abc"}});
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_EQ(parsed->scenario, "refusal+sse_crlf");
  EXPECT_EQ(parsed->scenario_source, ScenarioSource::header);
  EXPECT_EQ(parsed->seed, 18446744073709551615ULL);
  EXPECT_EQ(parsed->session, "s1");
  EXPECT_EQ(parsed->latency.ttft, std::chrono::milliseconds(2000));
  EXPECT_EQ(parsed->latency.itl, std::chrono::milliseconds(40));
  EXPECT_EQ(parsed->latency.jitter_percent, 20);
  EXPECT_EQ(parsed->size, 4096);
  EXPECT_EQ(parsed->disconnect_after, 10);
  EXPECT_TRUE(parsed->has_variant("legacy_code"));
  EXPECT_TRUE(parsed->has_variant("no_retry"));
  EXPECT_EQ(parsed->words, 100000);
  EXPECT_EQ(parsed->fuzz_level, 3);
  EXPECT_EQ(parsed->service_tier, "flex");
  EXPECT_EQ(parsed->finish_reason, "eos");
  EXPECT_EQ(parsed->api_key, "sk-abc");
}

TEST(Directives, ThePathPrefixChoosesTheScenarioWhenNoHeaderDoes) {
  const auto parsed = parse({}, "length");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->scenario, "length");
  EXPECT_EQ(parsed->scenario_source, ScenarioSource::path);
  EXPECT_FALSE(parse({})->chose_scenario());
  EXPECT_EQ(parse({{"X-Chatmock-Scenario", "refusal"}}, "length")->scenario, "refusal");
}

TEST(Directives, ALatencyHeaderNamesOnlyTheKeysItSets) {
  const auto parsed = parse({{"X-Chatmock-Latency", "itl=5"}});
  ASSERT_TRUE(parsed);
  const Latency merged = parsed->latency.over({std::chrono::milliseconds(100), {}, 0.5});
  EXPECT_EQ(merged.ttft, std::chrono::milliseconds(100));
  EXPECT_EQ(merged.itl, std::chrono::milliseconds(5));
  EXPECT_EQ(merged.jitter, 0.5);
}

TEST(Directives, BadNumbersAre400sNamingTheHeader) {
  expect_400(parse({{"X-Chatmock-Seed", "abc"}}), "X-Chatmock-Seed", "whole number");
  expect_400(parse({{"X-Chatmock-Seed", "-1"}}), "X-Chatmock-Seed", "whole number");
  expect_400(parse({{"X-Chatmock-Seed", "18446744073709551616"}}), "X-Chatmock-Seed", "whole");
  expect_400(parse({{"X-Chatmock-Words", "1e9"}}), "X-Chatmock-Words", "100000");
  expect_400(parse({{"X-Chatmock-Words", "100001"}}), "X-Chatmock-Words", "limit of 100000");
  expect_400(parse({{"X-Chatmock-Size", "2.5"}}), "X-Chatmock-Size", "--max-reply-bytes");
  expect_400(parse({{"X-Chatmock-Size", "67108865"}}), "X-Chatmock-Size", "--max-reply-bytes");
  expect_400(parse({{"X-Chatmock-Disconnect-After", "99999999999999999999"}}),
             "X-Chatmock-Disconnect-After", "bytes");
  expect_400(parse({{"X-Chatmock-Fuzz-Level", "0"}}), "X-Chatmock-Fuzz-Level", "1, 2 or 3");
  expect_400(parse({{"X-Chatmock-Fuzz-Level", "4"}}), "X-Chatmock-Fuzz-Level", "1, 2 or 3");
}

TEST(Directives, LatencyValuesAreCappedAndOverflowFree) {
  for (const char* bad :
       {"ttft=9223372036854775807", "itl=1e13", "ttft=600001", "itl=61s", "ttft=9223372036854775s",
        "jitter=101", "ttft=800us", "ttft", "speed=1"}) {
    expect_400(parse({{"X-Chatmock-Latency", bad}}), "X-Chatmock-Latency", "ttft=T,itl=T");
  }
  const auto most = parse({{"X-Chatmock-Latency", "ttft=600s,itl=60000,jitter=100%"}});
  ASSERT_TRUE(most) << most.error().message;
  EXPECT_EQ(most->latency.ttft, kMaxTtft);
}

TEST(Directives, UnknownVariantsListTheKnownOnes) {
  const auto parsed = parse({{"X-Chatmock-Variant", "keepalive,keepalvie"}});
  expect_400(parsed, "X-Chatmock-Variant", "after_chunk");
  EXPECT_EQ(parsed.error().code, "unknown_variant");
}

TEST(Directives, KnownVariantsAreSortedForTheirBinarySearch) {
  const auto& known = known_variants();
  EXPECT_TRUE(std::is_sorted(known.begin(), known.end()));
  EXPECT_EQ(std::adjacent_find(known.begin(), known.end()), known.end());
}

TEST(Directives, ExpressionsAreCappedPerStepAndInSteps) {
  std::string composed = "large";
  for (std::size_t i = 0; i < kMaxScenariosPerStep; ++i) composed += "+large";
  expect_400(parse({{"X-Chatmock-Scenario", composed}}), "X-Chatmock-Scenario", "32");
  std::string sequence = "default";
  for (std::size_t i = 0; i < kMaxSequenceSteps; ++i) sequence += ",default";
  expect_400(parse({{"X-Chatmock-Scenario", sequence}}), "X-Chatmock-Scenario", "64");
}

TEST(Directives, FreeTextIsBounded) {
  expect_400(parse({{"X-Chatmock-Session", std::string(kMaxSessionBytes + 1, 's')}}),
             "X-Chatmock-Session", "bytes");
  expect_400(parse({{"X-Chatmock-Finish-Reason", std::string(65, 'x')}}),
             "X-Chatmock-Finish-Reason", "bytes");
}

}  // namespace
}  // namespace chatmock::reply
