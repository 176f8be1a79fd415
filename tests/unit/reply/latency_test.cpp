// Stream pacing: the latency grammar (fixed values as before, lognormal distributions keyed by
// p50/p99, ';' or ',' between keys), the 400s for every malformed spec, and the seeded draws:
// deterministic, at the asked percentiles, within the caps, ttft for the first write only.
#include "reply/latency.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "support/scenario_harness.h"

namespace chatmock::reply {
namespace {

using std::chrono::milliseconds;

constexpr const char* kHeader = "X-Chatmock-Latency";

LatencyOverride parsed(std::string_view text) {
  auto result = parse_latency(text, kHeader);
  EXPECT_TRUE(result) << text << ": " << result.error().message;
  return result ? *result : LatencyOverride{};
}

wire::WireReply writes(std::size_t count) {
  wire::WireReply reply;
  reply.writes.assign(count, {"data: x\n\n", milliseconds(0)});
  return reply;
}

std::vector<milliseconds> delays_of(const wire::WireReply& reply) {
  std::vector<milliseconds> out;
  for (const auto& write : reply.writes) out.push_back(write.delay);
  return out;
}

std::vector<milliseconds> paced(const Latency& latency, std::uint64_t seed, std::size_t count) {
  auto reply = writes(count);
  synthesis::Rng rng(seed);
  apply_latency(reply, latency, rng);
  return delays_of(reply);
}

TEST(LatencyGrammar, TheFixedFormsParseAsBefore) {
  const auto old_form = parsed("ttft=800ms,itl=20");
  EXPECT_EQ(old_form.ttft, milliseconds(800));
  EXPECT_EQ(old_form.itl, milliseconds(20));
  EXPECT_FALSE(old_form.jitter_percent);
  EXPECT_FALSE(old_form.ttft_distribution);
  EXPECT_FALSE(old_form.itl_distribution);

  const auto with_jitter = parsed("ttft=2s,itl=40ms,jitter=20%");
  EXPECT_EQ(with_jitter.ttft, milliseconds(2000));
  EXPECT_EQ(with_jitter.itl, milliseconds(40));
  EXPECT_EQ(with_jitter.jitter_percent, 20);

  const auto semicolons = parsed("ttft=800ms;itl=20");
  EXPECT_EQ(semicolons.ttft, old_form.ttft);
  EXPECT_EQ(semicolons.itl, old_form.itl);
  EXPECT_EQ(semicolons.over({}), old_form.over({}));
  EXPECT_EQ(parsed("itl=5,").itl, milliseconds(5));  // a trailing separator, as before
  EXPECT_TRUE(parsed("").empty());
}

TEST(LatencyGrammar, DistributionsAreSeparatedBySemicolons) {
  const auto both = parsed("ttft=lognormal:p50=300,p99=2000;itl=lognormal:p50=20,p99=120");
  EXPECT_EQ(both.ttft_distribution, (LogNormal{milliseconds(300), milliseconds(2000)}));
  EXPECT_EQ(both.itl_distribution, (LogNormal{milliseconds(20), milliseconds(120)}));
  EXPECT_FALSE(both.ttft);
  EXPECT_FALSE(both.itl);
  EXPECT_FALSE(both.empty());

  const auto units_and_order = parsed("ttft=lognormal:p99=2s,p50=300ms");
  EXPECT_EQ(units_and_order.ttft_distribution, (LogNormal{milliseconds(300), milliseconds(2000)}));
  EXPECT_EQ(parsed("itl=lognormal:p50=7,p99=7").itl_distribution,
            (LogNormal{milliseconds(7), milliseconds(7)}));
}

TEST(LatencyGrammar, FixedValuesAndDistributionsMix) {
  const auto fixed_first = parsed("ttft=800ms,itl=lognormal:p50=20,p99=120");
  EXPECT_EQ(fixed_first.ttft, milliseconds(800));
  EXPECT_EQ(fixed_first.itl_distribution, (LogNormal{milliseconds(20), milliseconds(120)}));

  const auto drawn_first = parsed("ttft=lognormal:p50=300,p99=2000;itl=20,jitter=10");
  EXPECT_EQ(drawn_first.ttft_distribution, (LogNormal{milliseconds(300), milliseconds(2000)}));
  EXPECT_EQ(drawn_first.itl, milliseconds(20));
  EXPECT_EQ(drawn_first.jitter_percent, 10);
}

TEST(LatencyGrammar, TheLastValueOfAKeyWins) {
  const auto fixed_last = parsed("ttft=lognormal:p50=300,p99=2000;ttft=800");
  EXPECT_EQ(fixed_last.ttft, milliseconds(800));
  EXPECT_FALSE(fixed_last.ttft_distribution);

  const auto drawn_last = parsed("itl=20;itl=lognormal:p50=20,p99=120");
  EXPECT_FALSE(drawn_last.itl);
  EXPECT_EQ(drawn_last.itl_distribution, (LogNormal{milliseconds(20), milliseconds(120)}));
}

TEST(LatencyGrammar, MalformedSpecsAre400sNamingTheParam) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"ttft=gamma:p50=300,p99=2000", "unknown distribution 'gamma'"},
      {"ttft=lognormal:p50=300", "needs both p50= and p99="},
      {"ttft=lognormal:p99=300", "needs both p50= and p99="},
      {"ttft=lognormal:", "needs both p50= and p99="},
      {"ttft=lognormal", "not a whole"},
      {"ttft=lognormal:p50=300,p99=2000,p75=900", "unknown parameter 'p75=900'"},
      {"ttft=lognormal:p50=300,p99=2000,sigma", "unknown parameter 'sigma'"},
      // A key after a distribution must follow ';': here it is read as a parameter.
      {"ttft=lognormal:p50=300,p99=2000,itl=20", "unknown parameter 'itl=20'"},
      {"ttft=lognormal:p50=300,p99=200", "p99 must be at least p50"},
      {"ttft=lognormal:p50=0,p99=200", "p50 must be over 0"},
      {"ttft=lognormal:p50=300,p99=601s", "p99 over the cap of 600000 ms"},
      {"ttft=lognormal:p50=9223372036854775807,p99=9223372036854775807", "over the cap"},
      {"itl=lognormal:p50=20,p99=61s", "p99 over the cap of 60000 ms"},
      {"itl=lognormal:p50=61000,p99=62000", "p50 over the cap of 60000 ms"},
      {"itl=lognormal:p50=20,p50=30,p99=40", "p50 given twice"},
      {"itl=lognormal:p50=2x,p99=40", "p50 not a whole"},
      {"itl=lognormal:p50=-2,p99=40", "p50 not a whole"},
      {"ttft=lognormal:p50=300,p99=2000;;itl=3", "no '='"},
      {"ttft=lognormal:p50=300,p99=2000;latency=3", "unknown key"},
  };
  for (const auto& [spec, mentions] : cases) {
    const auto result = parse_latency(spec, kHeader);
    ASSERT_FALSE(result) << spec;
    EXPECT_EQ(result.error().status, 400) << spec;
    EXPECT_EQ(result.error().param, kHeader) << spec;
    EXPECT_EQ(result.error().code, "invalid_latency") << spec;
    EXPECT_NE(result.error().message.find(mentions), std::string::npos) << result.error().message;
    // The message gives the accepted form, distributions included.
    EXPECT_NE(result.error().message.find("lognormal:p50=T,p99=T"), std::string::npos) << spec;
  }
  const auto flag = parse_latency("itl=lognormal:p50=30", "--latency");
  ASSERT_FALSE(flag);
  EXPECT_EQ(flag.error().param, "--latency");
}

TEST(LatencyGrammar, OverLaysDistributionsLikeFixedValues) {
  const Latency base{milliseconds(800), milliseconds(20), 0.1};
  const auto drawn = parsed("ttft=lognormal:p50=300,p99=2000").over(base);
  EXPECT_EQ(drawn.ttft_distribution, (LogNormal{milliseconds(300), milliseconds(2000)}));
  EXPECT_EQ(drawn.ttft, milliseconds(300));  // the median, for callers that need one number
  EXPECT_EQ(drawn.itl, milliseconds(20));
  EXPECT_FALSE(drawn.itl_distribution);
  EXPECT_DOUBLE_EQ(drawn.jitter, 0.1);

  const auto fixed_again = parsed("ttft=900").over(drawn);
  EXPECT_EQ(fixed_again.ttft, milliseconds(900));
  EXPECT_FALSE(fixed_again.ttft_distribution);
  EXPECT_EQ(fixed_again, (parsed("ttft=900").over(base)));

  const auto other_key = parsed("itl=40").over(drawn);
  EXPECT_EQ(other_key.ttft_distribution, drawn.ttft_distribution);
  EXPECT_EQ(other_key.itl, milliseconds(40));
  EXPECT_EQ(LatencyOverride{}.over(drawn), drawn);
}

TEST(LatencyDistribution, TheNormalQuantileMatchesKnownValues) {
  EXPECT_NEAR(standard_normal_quantile(0.5), 0.0, 1e-9);
  EXPECT_NEAR(standard_normal_quantile(0.99), kNormalQuantile99, 1e-8);
  EXPECT_NEAR(standard_normal_quantile(0.01), -kNormalQuantile99, 1e-8);
  EXPECT_NEAR(standard_normal_quantile(0.975), 1.959963984540054, 1e-8);
  EXPECT_NEAR(standard_normal_quantile(0.001), -3.090232306167813, 1e-8);
  EXPECT_NEAR(standard_normal_quantile(0x1p-53), -8.2095361516013874, 1e-6);
}

TEST(LatencyDistribution, SameSeedSameDelaysOtherSeedOtherDelays) {
  const auto latency =
      parsed("ttft=lognormal:p50=300,p99=2000;itl=lognormal:p50=20,p99=120").over({});
  const auto first = paced(latency, 42, 64);
  EXPECT_EQ(first, paced(latency, 42, 64));
  EXPECT_NE(first, paced(latency, 43, 64));
}

void expect_percentiles(const LogNormal& asked, milliseconds cap) {
  constexpr std::size_t kDraws = 20000;
  synthesis::Rng rng(2024);
  std::vector<std::int64_t> draws;
  for (std::size_t i = 0; i < kDraws; ++i) draws.push_back(asked.sample(rng, cap).count());
  std::sort(draws.begin(), draws.end());
  const auto median = static_cast<double>(draws[kDraws / 2]);
  const auto p99 = static_cast<double>(draws[kDraws * 99 / 100]);
  const auto asked_p50 = static_cast<double>(asked.p50.count());
  const auto asked_p99 = static_cast<double>(asked.p99.count());
  EXPECT_NEAR(median, asked_p50, 0.05 * asked_p50);
  EXPECT_NEAR(p99, asked_p99, 0.10 * asked_p99);
  EXPECT_GE(draws.front(), 0);
  EXPECT_LE(draws.back(), cap.count());
}

TEST(LatencyDistribution, DrawsMeetTheAskedPercentiles) {
  expect_percentiles({milliseconds(300), milliseconds(2000)}, kMaxTtft);
  expect_percentiles({milliseconds(20), milliseconds(120)}, kMaxItl);
  expect_percentiles({milliseconds(1000), milliseconds(1000)}, kMaxItl);
}

TEST(LatencyDistribution, DrawsAreClampedToTheCap) {
  // Median near the cap: about half the draws land above it and must come back to it exactly.
  const LogNormal near_cap{kMaxItl, kMaxItl * 2};
  synthesis::Rng rng(5);
  std::int64_t at_cap = 0;
  for (int i = 0; i < 2000; ++i) {
    const auto delay = near_cap.sample(rng, kMaxItl);
    ASSERT_LE(delay, kMaxItl);
    at_cap += delay == kMaxItl ? 1 : 0;
  }
  EXPECT_GT(at_cap, 500);
}

TEST(LatencyDistribution, HandBuiltExtremesStayWithinTheCaps) {
  // parse_latency never yields these; apply_latency must still neither overflow nor go negative.
  Latency extreme;
  extreme.ttft_distribution = LogNormal{milliseconds(INT64_MAX), milliseconds(INT64_MAX)};
  extreme.itl_distribution = LogNormal{milliseconds(500), milliseconds(1)};  // p99 below p50
  for (const auto delay : paced(extreme, 9, 16)) {
    EXPECT_GE(delay.count(), 0);
    EXPECT_LE(delay, kMaxTtft);
  }
  EXPECT_EQ(paced(extreme, 9, 1).front(), kMaxTtft);
  extreme.itl_distribution = LogNormal{milliseconds(0), milliseconds(0)};
  EXPECT_EQ(paced(extreme, 9, 3).back(), milliseconds(0));
}

TEST(LatencyDistribution, TheFirstWriteDrawsFromTtftTheOthersFromItl) {
  const auto latency =
      parsed("ttft=lognormal:p50=300,p99=2000;itl=lognormal:p50=20,p99=120").over({});
  // Replays the draws in apply_latency's order: one per write, ttft's first.
  synthesis::Rng replay(11);
  std::vector<milliseconds> expected;
  expected.push_back(latency.ttft_distribution->sample(replay, kMaxTtft));
  for (int i = 1; i < 40; ++i)
    expected.push_back(latency.itl_distribution->sample(replay, kMaxItl));
  EXPECT_EQ(paced(latency, 11, 40), expected);

  // Degenerate distributions (p50 == p99) show which one each write used.
  const auto fixed_points = parsed("ttft=lognormal:p50=5000,p99=5000;itl=lognormal:p50=7,p99=7");
  const auto delays = paced(fixed_points.over({}), 3, 5);
  EXPECT_EQ(delays, (std::vector<milliseconds>{milliseconds(5000), milliseconds(7), milliseconds(7),
                                               milliseconds(7), milliseconds(7)}));
}

TEST(LatencyDistribution, AFixedKeyBesideADistributionKeepsItsValueAndItsDraws) {
  const auto drawn_ttft = parsed("ttft=lognormal:p50=300,p99=2000;itl=25,jitter=50").over({});
  const auto fixed_ttft = parsed("ttft=300,itl=25,jitter=50").over({});
  const auto drawn = paced(drawn_ttft, 8, 10);
  const auto fixed = paced(fixed_ttft, 8, 10);
  // One draw per write either way, so the later writes' jitter is the same in both.
  EXPECT_TRUE(std::equal(drawn.begin() + 1, drawn.end(), fixed.begin() + 1));
  for (std::size_t i = 1; i < drawn.size(); ++i) {
    EXPECT_GE(drawn[i], milliseconds(12));
    EXPECT_LE(drawn[i], milliseconds(38));
  }
}

TEST(LatencyDistribution, TheSlowScenarioPacesByTheRequestedDistribution) {
  const auto run = chatmock::testing::run_scenario(
      "slow", chatmock::testing::chat_request(true),
      {{kHeader, "ttft=lognormal:p50=1234,p99=1234;itl=lognormal:p50=9,p99=9"}});
  ASSERT_GT(run.reply.writes.size(), 2u);
  EXPECT_EQ(run.reply.writes.front().delay, milliseconds(1234));
  for (std::size_t i = 1; i < run.reply.writes.size(); ++i) {
    EXPECT_EQ(run.reply.writes[i].delay, milliseconds(9));
  }
}

}  // namespace
}  // namespace chatmock::reply
