// The adapter process seam with real processes: what a run reports when the adapter ignores or
// closes its stdin or its output, exits, or outlives its deadline.
#include "runner/adapter_process.h"

#include <gtest/gtest.h>

#include <string>

namespace chatmock::conform {
namespace {

// 1 MiB of input does not fit in a pipe: the runner is still writing when the adapter closes
// its stdin, so its next write meets a reader that is gone.
TEST(AdapterProcessTest, AnAdapterThatClosesItsStdinDoesNotKillTheRunner) {
  const AdapterRun run =
      run_adapter("exec 0<&-; echo '{\"skip\":\"no sdk\"}'", std::string(1 << 20, 'x'), {}, 10000);
  EXPECT_FALSE(run.timed_out);
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, "{\"skip\":\"no sdk\"}\n");
}

TEST(AdapterProcessTest, AnAdapterPastItsDeadlineIsKilledWithItsChildren) {
  const AdapterRun run = run_adapter("sleep 30 & sleep 30", "", {}, 300);
  EXPECT_TRUE(run.timed_out);
  EXPECT_LT(run.elapsed_ms, 5000);
}

// Closing stdout and stderr is not the end of a run: one that keeps running is still held to
// its deadline (it used to be waited for without one).
TEST(AdapterProcessTest, AnAdapterThatClosesItsOutputAndLingersIsKilledAtItsDeadline) {
  const AdapterRun run = run_adapter("exec >&- 2>&-; sleep 30", "", {}, 300);
  EXPECT_TRUE(run.timed_out);
  EXPECT_LT(run.elapsed_ms, 5000);
}

}  // namespace
}  // namespace chatmock::conform
