// ScenarioStates keeps one state per (session, scenario) and stays within its bound: clients
// name sessions freely, so the least recently moved state is forgotten (back to "Started").
#include "stubbing/scenario_states.h"

#include <gtest/gtest.h>

#include <string>

#include "stubbing/stub_mapping.h"

namespace chatmock::stubbing {
namespace {

TEST(ScenarioStates, AStateIsKeptPerSessionAndScenario) {
  ScenarioStates states;
  states.set("a", "flow", "second");
  EXPECT_EQ(states.state("a", "flow"), "second");
  EXPECT_EQ(states.state("b", "flow"), kStartedState);
  EXPECT_EQ(states.state("a", "other"), kStartedState);
}

TEST(ScenarioStates, TheLeastRecentlyMovedStateIsForgottenAtTheBound) {
  ScenarioStates states(3);
  for (int i = 0; i < 3; ++i) states.set("s" + std::to_string(i), "flow", "moved");
  states.set("s0", "flow", "again");  // s0 is now the most recent; s1 the least
  states.set("s3", "flow", "moved");
  EXPECT_EQ(states.size(), 3u);
  EXPECT_EQ(states.evicted(), 1u);
  EXPECT_EQ(states.state("s1", "flow"), kStartedState);
  EXPECT_EQ(states.state("s0", "flow"), "again");
  EXPECT_EQ(states.state("s3", "flow"), "moved");
}

TEST(ScenarioStates, TenThousandSessionsStayWithinTheBound) {
  ScenarioStates states(100);
  for (int i = 0; i < 10000; ++i) states.set("session-" + std::to_string(i), "flow", "moved");
  EXPECT_EQ(states.size(), 100u);
  EXPECT_EQ(states.evicted(), 9900u);
  states.reset();
  EXPECT_EQ(states.size(), 0u);
}

}  // namespace
}  // namespace chatmock::stubbing
