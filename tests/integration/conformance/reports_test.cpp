// Tallies, standings and both report formats: expected failures count as passed, stale
// expectations (an unexpected pass) count as failed, and every failure reason reaches the reports.
#include "runner/reports.h"

#include <gtest/gtest.h>

namespace chatmock::conform {
namespace {

CaseResult result(std::string id, std::string client, Outcome actual, Outcome expected,
                  std::string reason = "") {
  CaseResult r;
  r.case_id = std::move(id);
  r.client = std::move(client);
  r.description = "d";
  r.verdict = {actual, reason};
  r.expected = {expected, "pinned finding"};
  r.standing = standing_of(actual, expected);
  r.elapsed_ms = 1500;
  return r;
}

std::vector<CaseResult> sample() {
  return {result("refusal.json", "cpp", Outcome::kPass, Outcome::kPass),
          result("refusal.json", "node", Outcome::kFail, Outcome::kFail,
                 "usage: served 1, client reported null"),
          result("length.json", "cpp", Outcome::kFail, Outcome::kPass,
                 "finish <reason> & \"quote\" | pipe"),
          result("length.json", "node", Outcome::kPass, Outcome::kFail),
          result("length.json", "py", Outcome::kSkip, Outcome::kPass, "not installed")};
}

TEST(ReportsTest, StandingsFollowTheExpectedVerdict) {
  EXPECT_EQ(standing_of(Outcome::kPass, Outcome::kPass), Standing::kPassed);
  EXPECT_EQ(standing_of(Outcome::kFail, Outcome::kFail), Standing::kExpectedFailure);
  EXPECT_EQ(standing_of(Outcome::kFail, Outcome::kPass), Standing::kFailed);
  EXPECT_EQ(standing_of(Outcome::kPass, Outcome::kFail), Standing::kUnexpectedPass);
  EXPECT_EQ(standing_of(Outcome::kSkip, Outcome::kFail), Standing::kSkipped);
}

TEST(ReportsTest, TallyCountsExpectedFailuresAsPassedAndStalePassesAsFailed) {
  EXPECT_EQ(tally_line(sample()), "2 passed, 2 failed, 1 skipped");
  EXPECT_EQ(tally_line({result("a", "c", Outcome::kPass, Outcome::kPass)}), "1 passed, 0 failed");
}

TEST(ReportsTest, JunitHasOneSuitePerClientWithFailuresAndSkips) {
  const std::string xml = junit_xml(sample());
  EXPECT_NE(
      xml.find(
          R"(<testsuite name="cpp" tests="2" failures="1" errors="0" skipped="0" time="3.000">)"),
      std::string::npos)
      << xml;
  EXPECT_NE(xml.find(R"(<testsuite name="node" tests="2" failures="1")"), std::string::npos);
  EXPECT_NE(xml.find(R"(<failure message="finish &lt;reason&gt; &amp; &quot;quote&quot; | pipe">)"),
            std::string::npos);
  EXPECT_NE(xml.find("passed, but expected to fail: pinned finding"), std::string::npos);
  EXPECT_NE(xml.find(R"(<skipped message="not installed"/>)"), std::string::npos);
  EXPECT_NE(xml.find("expected failure: usage: served 1"), std::string::npos);
}

TEST(ReportsTest, MarkdownMatrixHasACellPerCaseAndClientWithReasons) {
  const std::string md = markdown_matrix(sample());
  EXPECT_NE(md.find("| case | cpp | node | py |"), std::string::npos) << md;
  EXPECT_NE(
      md.find(
          "| `refusal.json` | pass | fail (expected): usage: served 1, client reported null | — |"),
      std::string::npos)
      << md;
  EXPECT_NE(md.find(R"(**FAIL**: finish <reason> & "quote" \| pipe)"), std::string::npos) << md;
  EXPECT_NE(md.find("| cpp | 1 | 0 | 1 | 0 |"), std::string::npos) << md;
}

}  // namespace
}  // namespace chatmock::conform
