// The startup line says when --scenario applies to one API only, since the other API then
// serves `default` (docs/interface.md, scenario selection); a scenario of both says nothing.
#include "app/startup_summary.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace chatmock::app {
namespace {

std::string summary_with_scenario(const std::string& scenario, LogFormat log) {
  Config config;
  config.default_scenario = scenario;
  config.log = log;
  return startup_summary(config, "http://127.0.0.1:8080", 0);
}

TEST(StartupSummaryTest, AChatOnlyScenarioIsNamedAsNotApplyingToResponses) {
  const auto text = summary_with_scenario("null_content", LogFormat::text);
  EXPECT_NE(text.find("scenario null_content (chat only: /v1/responses serves default)"),
            std::string::npos)
      << text;
  const auto line = nlohmann::json::parse(summary_with_scenario("null_content", LogFormat::json));
  EXPECT_EQ(line["scenario_applies_to"], "chat");
}

TEST(StartupSummaryTest, AResponsesOnlyScenarioIsNamedTheOtherWayRound) {
  const auto text = summary_with_scenario("response_failed", LogFormat::text);
  EXPECT_NE(text.find("(Responses only: chat completions serve default)"), std::string::npos)
      << text;
}

TEST(StartupSummaryTest, AScenarioOfBothApisAddsNoNote) {
  const auto text = summary_with_scenario("error_500", LogFormat::text);
  EXPECT_NE(text.find("scenario error_500"), std::string::npos);
  EXPECT_EQ(text.find("only:"), std::string::npos) << text;
  const auto line = nlohmann::json::parse(summary_with_scenario("error_500", LogFormat::json));
  EXPECT_EQ(line["scenario_applies_to"], "both");
}

}  // namespace
}  // namespace chatmock::app
