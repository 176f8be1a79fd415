// Scenario-sequence positions are bounded by count and bytes, least recently used first; an
// evicted session restarts its sequence at the first step.
#include <gtest/gtest.h>

#include "scenarios/scenario_sequences.h"

namespace chatmock::scenarios {
namespace {

TEST(ScenarioSequencesBoundTest, CountIsBoundedAndAnEvictedSessionRestarts) {
  ScenarioSequences sequences(2, 1 << 20);
  EXPECT_EQ(sequences.next_step("a", "x,y,z", 3), 0U);
  EXPECT_EQ(sequences.next_step("b", "x,y,z", 3), 0U);
  EXPECT_EQ(sequences.next_step("a", "x,y,z", 3), 1U);  // a is now the most recently used
  EXPECT_EQ(sequences.next_step("c", "x,y,z", 3), 0U);  // evicts b
  EXPECT_EQ(sequences.usage().count, 2U);
  EXPECT_EQ(sequences.usage().evicted, 1U);
  EXPECT_EQ(sequences.next_step("a", "x,y,z", 3), 2U);
  EXPECT_EQ(sequences.next_step("b", "x,y,z", 3), 0U);  // restarted
}

TEST(ScenarioSequencesBoundTest, FiveThousandSessionsWithLongSequencesStayWithinTheBytes) {
  std::string expression = "default";
  while (expression.size() < 8 * 1024) expression += ",default";
  ScenarioSequences sequences;  // the defaults: 10,000 positions, 16 MiB
  for (int i = 0; i < 5000; ++i)
    sequences.next_step("session-" + std::to_string(i), expression, 1000);
  const auto usage = sequences.usage();
  EXPECT_LE(usage.bytes, usage.max_bytes);
  EXPECT_LT(usage.count, 5000U);
  EXPECT_GT(usage.evicted, 0U);
}

TEST(ScenarioSequencesBoundTest, SessionAndExpressionNeverCollide) {
  ScenarioSequences sequences;
  EXPECT_EQ(sequences.next_step("a", "bc,d", 2), 0U);
  EXPECT_EQ(sequences.next_step("ab", "c,d", 2), 0U);
  EXPECT_EQ(sequences.next_step("a", "bc,d", 2), 1U);
}

TEST(ScenarioSequencesBoundTest, ResetForgetsEverything) {
  ScenarioSequences sequences;
  sequences.next_step("a", "x,y", 2);
  sequences.reset();
  EXPECT_EQ(sequences.usage().count, 0U);
  EXPECT_EQ(sequences.usage().bytes, 0U);
  EXPECT_EQ(sequences.next_step("a", "x,y", 2), 0U);
}

}  // namespace
}  // namespace chatmock::scenarios
