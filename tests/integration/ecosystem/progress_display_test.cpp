// ProgressDisplay: a bar on a terminal that keeps failures on screen, plain lines elsewhere.
#include "runner/progress_display.h"

#include <gtest/gtest.h>

#include <sstream>

namespace chatmock::conform {
namespace {

TEST(ProgressDisplayTest, PlainModePrintsEveryLineUnchanged) {
  std::ostringstream out;
  {
    ProgressDisplay display(out, false);
    display << "[1/2] PASS a.case" << std::endl;
    display << "[2/2] FAIL b.case: wrong finish_reason" << std::endl;
  }
  EXPECT_EQ(out.str(), "[1/2] PASS a.case\n[2/2] FAIL b.case: wrong finish_reason\n");
}

TEST(ProgressDisplayTest, TerminalModeDrawsABarAndKeepsOnlyFailures) {
  std::ostringstream out;
  ProgressDisplay display(out, true, 10);
  display << "[1/2] PASS a.case" << std::endl;
  EXPECT_EQ(out.str().find("[1/2] PASS"), std::string::npos);
  EXPECT_NE(out.str().find("\r\x1b[2K[#####.....] 1/2 PASS a.case"), std::string::npos)
      << out.str();
  display << "[2/2] FAIL b.case: wrong finish_reason" << std::endl;
  EXPECT_NE(out.str().find("\x1b[2K[2/2] FAIL b.case: wrong finish_reason\n"), std::string::npos);
  EXPECT_NE(out.str().find("[##########] 2/2"), std::string::npos);
  display.finish();
  EXPECT_TRUE(out.str().ends_with("\r\x1b[2K")) << out.str();
}

TEST(ProgressDisplayTest, UncountedLinesPassThroughOnATerminal) {
  std::ostringstream out;
  ProgressDisplay display(out, true);
  display << "note: something" << std::endl;
  EXPECT_EQ(out.str(), "note: something\n");
}

}  // namespace
}  // namespace chatmock::conform
