// End to end: `chatmock-conform --fuzz 60` against the deliberately fragile Node adapter
// (conformance/clients/fragile; 18 of the 60 seeds crash it) must report its crashes with the
// seed, a curl line and a rerun line, and rerunning one reported seed with `--cases fuzz.SEED`
// must fail the same way and --shrink must reduce its reply.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <regex>
#include <string>

#include "conform_run.h"

using chatmock::testing::conform;
using chatmock::testing::ConformRun;

namespace {

const std::string kFragile =
    std::string(" --client 'node ") + SOURCE_DIR + "/conformance/clients/fragile/fragile.js'";

TEST(ConformanceFuzzTest, FragileAdapterCrashesAreReportedWithReproducingSeeds) {
  if (std::system("node --version >/dev/null 2>&1") != 0) GTEST_SKIP() << "node is not installed";
  // A generous per-run deadline: node plus a sanitizer build on a busy two-core machine.
  const ConformRun run = conform("--fuzz 60 --cases 'fuzz.*' -j 4 --timeout-ms 20000" + kFragile);
  EXPECT_EQ(run.exit_code, 1) << run.out;
  EXPECT_TRUE(std::regex_search(run.out, std::regex("\\] PASS fuzz\\.\\d+"))) << run.out;

  const std::regex failure(
      "fuzz seed (\\d+) \\[fragile\\]: ([^\\n]*)\\n"
      "  reply:  curl -sN [^\\n]*'X-Chatmock-Seed: \\1'[^\\n]*/v1/chat/completions[^\\n]*\\n"
      "  rerun:  chatmock-conform --client 'node [^']*fragile\\.js' --cases fuzz\\.\\1\\n");
  std::smatch first;
  ASSERT_TRUE(std::regex_search(run.out, first, failure)) << run.out;
  const auto crashes = std::distance(std::sregex_iterator(run.out.begin(), run.out.end(), failure),
                                     std::sregex_iterator());
  EXPECT_GE(crashes, 5) << run.out;
  // The adapter throws (content.trim(), JSON.parse) and exits without an observation.
  EXPECT_NE(run.out.find("no observation JSON on stdout: it was empty (exit code 1)"),
            std::string::npos)
      << run.out;

  // The rerun also shrinks the reply to a smaller one that fails for the same reason; a JSON
  // (odd) seed when one failed, as a JSON body shrinks in far fewer adapter runs than a stream.
  std::smatch chosen = first;
  for (auto it = std::sregex_iterator(run.out.begin(), run.out.end(), failure);
       it != std::sregex_iterator(); ++it) {
    if (std::stoi((*it).str(1)) % 2 == 1) {
      chosen = *it;
      break;
    }
  }
  const std::string seed = chosen.str(1);
  const ConformRun rerun = conform("--shrink --cases fuzz." + seed + kFragile);
  EXPECT_EQ(rerun.exit_code, 1) << rerun.out;
  EXPECT_TRUE(std::regex_search(rerun.out, std::regex("\\[1/1\\] FAIL fuzz\\." + seed + ": ")))
      << rerun.out;
  EXPECT_NE(rerun.out.find("fuzz seed " + seed + " [fragile]: " + chosen.str(2)), std::string::npos)
      << "the rerun should fail for the same reason\n"
      << rerun.out;
  std::smatch shrunk;
  ASSERT_TRUE(std::regex_search(rerun.out, shrunk,
                                std::regex("shrunk fuzz seed " + seed +
                                           " \\[fragile\\]: (\\d+) -> (\\d+) bytes in \\d+ runs")))
      << rerun.out;
  EXPECT_LT(std::stoul(shrunk.str(2)), std::stoul(shrunk.str(1))) << rerun.out;
}

}  // namespace
