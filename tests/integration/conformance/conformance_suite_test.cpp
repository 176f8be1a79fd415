// End to end: chatmock-conform starts its own chatmock, runs real adapters over real sockets and
// judges them. The reference C++ client must pass every case; the Node SDK must match its pinned
// expectations; the naive adapter must fail exactly where a content-only reader goes wrong.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "conform_run.h"

using chatmock::testing::conform;
using chatmock::testing::ConformRun;

namespace {

namespace fs = std::filesystem;

std::string quoted(const std::string& text) { return "'" + text + "'"; }

// The progress line of one case ("[3/9] FAIL refusal.json: …"), or "" when absent.
std::string line_of(const std::string& out, const std::string& case_id) {
  const std::regex line("\\[\\d+/\\d+\\] [A-Z]+ " +
                            std::regex_replace(case_id, std::regex("\\."), "\\.") + "([ :].*)?$",
                        std::regex::multiline);
  std::smatch match;
  return std::regex_search(out, match, line) ? match.str(0) : "";
}

fs::path scratch_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() /
                       ("chatmock-conform-test-" + name + "-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir;
}

// --persistent: one adapter process per job for the whole run (the one-shot path is what the
// other tests here use).
TEST(ConformanceSuiteTest, ReferenceCppClientPassesEveryCase) {
  const ConformRun run = conform("-j 4 --persistent --client " + quoted(CPP_CLIENT));
  EXPECT_EQ(run.exit_code, 0) << run.out;
  EXPECT_TRUE(
      std::regex_search(run.out, std::regex("^\\d+ passed, 0 failed$", std::regex::multiline)))
      << run.out;
}

TEST(ConformanceSuiteTest, NodeSdkMatchesItsPinnedExpectations) {
  const fs::path adapter = fs::path(SOURCE_DIR) / "conformance/clients/node-openai";
  if (!fs::exists(adapter / "node_modules/openai/package.json")) {
    GTEST_SKIP()
        << "conformance/clients/node-openai/node_modules is missing (scripts/setup runs npm ci)";
  }
  if (std::system("node --version >/dev/null 2>&1") != 0) GTEST_SKIP() << "node is not installed";
  const ConformRun run =
      conform("-j 4 --persistent --client " + quoted("node " + (adapter / "adapter.mjs").string()) +
              " --expectations " +
              (fs::path(SOURCE_DIR) / "conformance/expectations/node-openai.json").string());
  EXPECT_EQ(run.exit_code, 0) << run.out;
  EXPECT_NE(run.out.find(" XFAIL "), std::string::npos)
      << "the SDK's known findings should show as XFAIL";
}

TEST(ConformanceSuiteTest, NaiveContentOnlyClientFailsRefusalLengthToolAndUsageCases) {
  const ConformRun run = conform(
      "--client " + quoted(NAIVE_CLIENT) +
      " --cases "
      "'refusal.*,length.*,tool_calls.*,parallel_tool_calls.*,usage_details_full.*,error_404.*'");
  EXPECT_EQ(run.exit_code, 1) << run.out;
  for (const char* form : {".json", ".stream"}) {
    const std::string f(form);
    EXPECT_NE(line_of(run.out, "refusal" + f).find("FAIL refusal" + f + ": choices[0].refusal"),
              std::string::npos)
        << run.out;
    EXPECT_NE(line_of(run.out, "length" + f)
                  .find("choices[0].finish_reason: served \"length\", client reported \"stop\""),
              std::string::npos)
        << run.out;
    EXPECT_NE(line_of(run.out, "tool_calls" + f)
                  .find("FAIL tool_calls" + f + ": choices[0].finish_reason"),
              std::string::npos)
        << run.out;
    EXPECT_NE(line_of(run.out, "parallel_tool_calls" + f).find("FAIL"), std::string::npos)
        << run.out;
    EXPECT_NE(line_of(run.out, "usage_details_full" + f).find(": usage: served"), std::string::npos)
        << run.out;
    // Errors it reads correctly: the runner does not fail everything.
    EXPECT_NE(line_of(run.out, "error_404" + f).find("PASS"), std::string::npos) << run.out;
  }
  EXPECT_NE(run.out.find("2 passed, 10 failed"), std::string::npos) << run.out;
}

TEST(ConformanceSuiteTest, ChatOnlyAdapterMarksResponsesCasesUnsupportedNotPassed) {
  const ConformRun run =
      conform("--cases 'responses_default.*,error_404.json' --client " + quoted(NAIVE_CLIENT));
  EXPECT_EQ(run.exit_code, 0) << run.out;
  for (const char* id : {"responses_default.json", "responses_default.stream"}) {
    EXPECT_NE(
        line_of(run.out, id)
            .find(std::string("SKIP ") + id + ": unsupported by this client: the naive adapter"),
        std::string::npos)
        << run.out;
  }
  EXPECT_NE(line_of(run.out, "error_404.json").find("PASS"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("1 passed, 0 failed, 2 skipped"), std::string::npos) << run.out;
}

TEST(ConformanceSuiteTest, ReferenceClientSurvivesSeededResponsesFuzz) {
  const ConformRun run =
      conform("--fuzz 12 --cases 'responses_fuzz.*' -j 4 --client " + quoted(CPP_CLIENT));
  EXPECT_EQ(run.exit_code, 0) << run.out;
  EXPECT_NE(run.out.find("12 passed, 0 failed"), std::string::npos) << run.out;
}

TEST(ConformanceSuiteTest, UnknownScenarioIsAFailureThatSaysSo) {
  const fs::path dir = scratch_dir("unknown");
  std::ofstream(dir / "cases.json")
      << R"([{"id":"ghost","description":"d","scenario":"default+no_such_scenario",
    "request":{"model":"m","messages":[{"role":"user","content":"hi"}]},"expectation":{"kind":"no_hang_no_crash"}}])";
  // Even a client expected to fail the case cannot turn a missing scenario into an XFAIL.
  const fs::path expect_dir = scratch_dir("unknown-expect");
  std::ofstream(expect_dir / "expect.json")
      << R"({"cases":{"ghost":{"verdict":"fail","reason":"r"}}})";
  const ConformRun run = conform("--cases-dir " + dir.string() + " --client " + quoted(CPP_CLIENT) +
                                 " --expectations " + (expect_dir / "expect.json").string());
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(line_of(run.out, "ghost").find("FAIL ghost: unknown scenario 'no_such_scenario'"),
            std::string::npos)
      << run.out;
  fs::remove_all(expect_dir);
  fs::remove_all(dir);
}

TEST(ConformanceSuiteTest, SkipMarkerSkipsTheClientInOneLine) {
  const fs::path dir = scratch_dir("skip");
  std::ofstream(dir / "skipper.sh") << "echo '{\"skip\":\"sdk missing\"}'\n";
  // --allow-empty: without it a run where every case was skipped exits 1.
  const ConformRun run = conform("--allow-empty --cases 'default.*,refusal.*' --client " +
                                 quoted("sh " + (dir / "skipper.sh").string()));
  EXPECT_EQ(run.exit_code, 0) << run.out;
  EXPECT_NE(run.out.find("SKIP sh: sdk missing (every case of this client is skipped)"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("0 passed, 0 failed, 4 skipped"), std::string::npos) << run.out;
  EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 2)
      << "one SKIP line and the tally: " << run.out;
  fs::remove_all(dir);
}

TEST(ConformanceSuiteTest, HangingAdapterIsKilledAndFailed) {
  const ConformRun run = conform("--cases default.json --timeout-ms 300 --client 'sleep 30'");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(line_of(run.out, "default.json").find("FAIL default.json: hang"), std::string::npos)
      << run.out;
}

// A line-by-line adapter for --persistent: it notes each start in `starts`, runs `on_refusal`
// (shell) on the refusal case, prints a log line and hands every case to the C++ client.
fs::path line_adapter(const fs::path& dir, const fs::path& starts, const std::string& on_refusal) {
  std::ofstream(dir / "adapter.sh")
      << "echo start >> " << quoted(starts.string()) << "\n"
      << "while IFS= read -r line; do\n"
      << "  case \"$line\" in *'\"X-Chatmock-Scenario\":\"refusal\"'*) " << on_refusal
      << ";; esac\n"
      << "  echo 'a log line'\n"
      << "  printf '%s\\n' \"$line\" | " << quoted(CPP_CLIENT) << "\n"
      << "done\n";
  return dir / "adapter.sh";
}

// Each job starts its adapter once; an adapter that dies on a case fails that case the way a
// one-shot run would say it, and the next case gets a fresh process.
TEST(ConformanceSuiteTest, PersistentAdaptersStartOncePerJobAndRestartAfterACrash) {
  const fs::path dir = scratch_dir("persistent");
  const fs::path starts = dir / "starts";
  line_adapter(dir, starts, "exit 3");
  const ConformRun run = conform(
      "--persistent --cases 'default.json,refusal.json,length.json,length.stream' "
      "--client " +
      quoted("sh " + (dir / "adapter.sh").string()));
  EXPECT_EQ(run.exit_code, 1) << run.out;
  EXPECT_NE(
      line_of(run.out, "refusal.json")
          .find("FAIL refusal.json: no observation JSON on stdout: it was empty (exit code 3)"),
      std::string::npos)
      << run.out;
  for (const char* id : {"default.json", "length.json", "length.stream"})
    EXPECT_NE(line_of(run.out, id).find(std::string("PASS ") + id), std::string::npos) << run.out;
  std::stringstream started;
  started << std::ifstream(starts).rdbuf();
  EXPECT_EQ(started.str(), "start\nstart\n") << "one start, one restart after the crash";

  const ConformRun jobs = conform("--persistent -j 2 --cases 'default.*,length.*' --client " +
                                  quoted("sh " + (dir / "adapter.sh").string()));
  EXPECT_EQ(jobs.exit_code, 0) << jobs.out;
  std::stringstream all_starts;
  all_starts << std::ifstream(starts).rdbuf();
  const std::string lines = all_starts.str();
  EXPECT_LE(std::count(lines.begin(), lines.end(), '\n'), 4)
      << "at most one process per job for 4 cases";
  fs::remove_all(dir);
}

TEST(ConformanceSuiteTest, PersistentAdapterThatMissesTheDeadlineIsKilledAndReplaced) {
  const fs::path dir = scratch_dir("persistent-hang");
  const fs::path adapter = line_adapter(dir, dir / "starts", "sleep 30");
  const ConformRun run =
      conform("--persistent --timeout-ms 3000 --cases 'refusal.json,default.json' --client " +
              quoted("sh " + adapter.string()));
  EXPECT_EQ(run.exit_code, 1) << run.out;
  EXPECT_NE(line_of(run.out, "refusal.json").find("FAIL refusal.json: hang"), std::string::npos)
      << run.out;
  EXPECT_NE(line_of(run.out, "default.json").find("PASS default.json"), std::string::npos)
      << run.out;
  fs::remove_all(dir);
}

TEST(ConformanceSuiteTest, StaleExpectationFailsAndReportsAreWritten) {
  const fs::path dir = scratch_dir("reports");
  std::ofstream(dir / "expect.json")
      << R"({"cases":{"default.json":{"verdict":"fail","reason":"pretend finding"}}})";
  const ConformRun run = conform("--cases 'default.*' --client " + quoted(CPP_CLIENT) +
                                 " --expectations " + (dir / "expect.json").string() + " --junit " +
                                 (dir / "j.xml").string() + " --report " + (dir / "r.md").string());
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(line_of(run.out, "default.json")
                .find("XPASS default.json: expected to fail (pretend finding)"),
            std::string::npos)
      << run.out;
  EXPECT_NE(line_of(run.out, "default.stream").find("PASS default.stream"), std::string::npos)
      << run.out;
  std::stringstream junit, report;
  junit << std::ifstream(dir / "j.xml").rdbuf();
  report << std::ifstream(dir / "r.md").rdbuf();
  EXPECT_NE(junit.str().find(R"(<testsuite name="cpp" tests="2" failures="1")"), std::string::npos)
      << junit.str();
  EXPECT_NE(report.str().find("| `default.json` | **pass, expected fail**: pretend finding |"),
            std::string::npos)
      << report.str();
  fs::remove_all(dir);
}

TEST(ConformanceSuiteTest, ListPrintsEveryCaseWithoutRunningAnything) {
  const ConformRun run = conform("--list");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_GE(std::count(run.out.begin(), run.out.end(), '\n'), 60);
  EXPECT_NE(run.out.find("refusal.stream  "), std::string::npos);
}

}  // namespace
