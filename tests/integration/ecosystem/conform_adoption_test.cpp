// chatmock-conform's rough edges for a new user: an empty or all-skipped run is not green, a
// non-JSON adapter gets the parse error, an adapter that cannot start is given up on quickly,
// SIGTERM cleans up, baselines can be written and are checked, the report opens on failures,
// and a binary outside the build tree finds its cases from its own location.
#include <gtest/gtest.h>

#include <chrono>
#include <regex>
#include <sstream>

#include "adoption_test_support.h"

namespace chatmock::adoption {
namespace {

const std::string kConform = CONFORM_BIN;
const std::string kCases = std::string(SOURCE_DIR) + "/conformance/cases";

CommandOutput conform(const std::string& arguments) {
  return run(kConform + " --chatmock " + CHATMOCK_BIN + " --cases-dir " + kCases + " " + arguments);
}

std::string quoted(const std::string& text) { return "'" + text + "'"; }

TEST(ConformAdoptionTest, NoCaseRunIsAFailureUnlessAllowed) {
  const CommandOutput none = conform("--cases 'no-such-case*' --client " + quoted(CPP_CLIENT));
  EXPECT_EQ(none.code, 1) << none.out;
  EXPECT_NE(none.out.find("no case ran"), std::string::npos) << none.out;
  const CommandOutput allowed =
      conform("--allow-empty --cases 'no-such-case*' --client " + quoted(CPP_CLIENT));
  EXPECT_EQ(allowed.code, 0) << allowed.out;
}

TEST(ConformAdoptionTest, EveryCaseSkippedIsAFailure) {
  const CommandOutput r =
      conform("--cases 'default.*' --client \"echo '{\\\"skip\\\":\\\"no sdk\\\"}'\"");
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_NE(r.out.find("every case was skipped (no sdk)"), std::string::npos) << r.out;
}

TEST(ConformAdoptionTest, NonJsonOutputNamesTheParseErrorAndShowsTheLine) {
  const CommandOutput r = conform("--cases default.json --client 'echo hello world'");
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_NE(r.out.find("last stdout line is not JSON (exit code 0): [json.exception.parse_error"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("line: \"hello world\""), std::string::npos) << r.out;
}

TEST(ConformAdoptionTest, AnAdapterThatCannotStartIsGivenUpOnAfterThreeTries) {
  const auto started = std::chrono::steady_clock::now();
  const CommandOutput r = conform("--client chatmock-no-such-adapter-binary");
  const auto seconds =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started)
          .count();
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.out.find("ABORT chatmock-no-such-adapter-binary: the adapter could not start 3 "
                       "times in a row"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("not found"), std::string::npos) << "the shell's reason: " << r.out;
  // Three FAIL lines, the ABORT line, no line per remaining case.
  EXPECT_LT(std::count(r.out.begin(), r.out.end(), '\n'), 10) << r.out;
  EXPECT_LT(seconds, 120) << "generous: a loaded 2-core machine";
}

TEST(ConformAdoptionTest, BaselineIsWrittenAndAReRunMatchesIt) {
  const Scratch dir("baseline");
  const std::string file = (dir.path / "expect.json").string();
  // The naive adapter gets some cases wrong: the baseline records those as expected failures.
  const CommandOutput first = conform("--cases 'default.*,length.*' --client " +
                                      quoted(NAIVE_CLIENT) + " --write-expectations " + file);
  EXPECT_NE(first.out.find("wrote the verdicts of"), std::string::npos) << first.out;
  const std::string written = read_text(file);
  EXPECT_NE(written.find("\"default.json\""), std::string::npos) << written;
  const CommandOutput again = conform("--cases 'default.*,length.*' --client " +
                                      quoted(NAIVE_CLIENT) + " --expectations " + file);
  EXPECT_EQ(again.code, 0) << again.out << written;
}

TEST(ConformAdoptionTest, ExpectationsNamingAnUnknownCaseAreAnError) {
  const Scratch dir("unknown-id");
  std::ofstream(dir.path / "expect.json") << R"({"cases":{"no.such.case":{"verdict":"fail"}}})";
  const CommandOutput r = conform("--cases 'default.*' --client " + quoted(CPP_CLIENT) +
                                  " --expectations " + (dir.path / "expect.json").string());
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.out.find("case 'no.such.case' is not in the catalogue"), std::string::npos) << r.out;
}

TEST(ConformAdoptionTest, ReportListsFailuresFirstWithTheirDescription) {
  const Scratch dir("report");
  const std::string report = (dir.path / "r.md").string();
  conform("--cases 'default.json' --client 'echo nope' --report " + report);
  const std::string md = read_text(report);
  const auto failures = md.find("## Failures");
  ASSERT_NE(failures, std::string::npos) << md;
  EXPECT_LT(failures, md.find("## All cases")) << md;
  EXPECT_NE(md.find("| `default.json` | echo | "), std::string::npos) << md;
}

// SIGTERM arrives while the runner still waits for its server's port. That moment once made the
// runner send kill(-1, SIGKILL) — every process of the user — because the waiting thread reaped
// the server and the signal thread then signalled the cleared pid (found with strace in a PID
// namespace); ServerProcess now reaps and signals only under one lock.
TEST(ConformAdoptionTest, SigtermStopsTheServerAndRemovesTheTemporaryFolder) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    const std::string command = "exec " + kConform + " --chatmock " + CHATMOCK_BIN +
                                " --cases-dir " + kCases +
                                " --cases 'default.json' --timeout-ms 60000 --client 'sleep 20'"
                                " > /dev/null 2>&1";
    ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ASSERT_GT(pid, 0) << "fork failed";  // kill(-1, …) below would reach every process
  // The runner's server is its child `chatmock serve … --port-file FOLDER/port`.
  std::string folder;
  for (int i = 0; i < 3000 && folder.empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::istringstream children(run("ps -o pid=,comm= --ppid " + std::to_string(pid)).out);
    for (std::string child, comm; children >> child >> comm;) {
      if (comm != "chatmock") continue;
      std::string cmdline = read_text("/proc/" + child + "/cmdline");
      std::replace(cmdline.begin(), cmdline.end(), '\0', ' ');
      const std::regex port_file(R"(--port-file (\S+)/port )");
      if (std::smatch m; std::regex_search(cmdline, m, port_file)) folder = m[1];
    }
  }
  ASSERT_FALSE(folder.empty()) << "the runner never started its server";
  ::kill(pid, SIGTERM);
  int status = 0;
  ::waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 128 + SIGTERM) << status;
  EXPECT_FALSE(fs::exists(folder)) << folder;
  EXPECT_EQ(run("ps -o pid= --ppid " + std::to_string(pid)).out, "") << "the server child is gone";
}

// --chaos: a retrying client recovers from the faults it meets, the report names each fault,
// and the same seed gives the same report; a client that never answers is reported as hung.
TEST(ConformAdoptionTest, ChaosReportsHowEachFaultEndedTheSameWayEveryRun) {
  const std::string chaos =
      "--chaos 'error_429=25%,error_500=25%' --chaos-calls 12 --client " + std::string(CPP_CLIENT);
  const CommandOutput first = conform(chaos);
  EXPECT_EQ(first.code, 0) << first.out;
  EXPECT_NE(first.out.find("| error_429 |"), std::string::npos) << first.out;
  EXPECT_NE(first.out.find("| error_500 |"), std::string::npos) << first.out;
  EXPECT_NE(first.out.find("recovered after 2 attempt(s)"), std::string::npos) << first.out;
  const CommandOutput again = conform(chaos);
  EXPECT_EQ(again.out, first.out);
  const CommandOutput hanging =
      conform("--chaos 'error_500=50%' --chaos-calls 2 --timeout-ms 300 --client 'sleep 5'");
  EXPECT_EQ(hanging.code, 1) << hanging.out;
  EXPECT_NE(hanging.out.find(": hung after"), std::string::npos) << hanging.out;
}

TEST(ConformAdoptionTest, AnInstalledLayoutFindsItsCasesBesideTheBinary) {
  const Scratch prefix("installed");
  fs::create_directories(prefix.path / "bin");
  fs::create_directories(prefix.path / "share" / "chatmock" / "conformance");
  fs::copy_file(CONFORM_BIN, prefix.path / "bin" / "chatmock-conform");
  const std::string binary = (prefix.path / "bin" / "chatmock-conform").string();
  const CommandOutput missing = run("cd / && " + binary + " --list");
  EXPECT_EQ(missing.code, 2) << missing.out;
  EXPECT_NE(missing.out.find("no case folder: looked in " + (prefix.path / "share").string() +
                             "/chatmock/conformance/cases"),
            std::string::npos)
      << missing.out;
  fs::copy(kCases, prefix.path / "share" / "chatmock" / "conformance" / "cases");
  const CommandOutput found = run("cd / && " + binary + " --list");
  EXPECT_EQ(found.code, 0) << found.out;
  EXPECT_NE(found.out.find("refusal.stream"), std::string::npos) << found.out;
}

}  // namespace
}  // namespace chatmock::adoption
