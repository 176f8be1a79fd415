// docs/scenarios.md is generated from the catalogue; this fails when someone adds or edits a
// scenario and forgets `chatmock scenarios --markdown docs/scenarios.md`.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "app/cli_options.h"

namespace chatmock::app {
namespace {

TEST(ScenariosDoc, CommittedMarkdownMatchesTheCatalogue) {
  std::ifstream in("docs/scenarios.md");
  ASSERT_TRUE(in) << "docs/scenarios.md is missing (tests run from the source root)";
  std::stringstream committed;
  committed << in.rdbuf();
  EXPECT_EQ(committed.str(), scenarios_markdown())
      << "docs/scenarios.md is stale: run `build/release/server/chatmock scenarios --markdown "
         "docs/scenarios.md`";
}

}  // namespace
}  // namespace chatmock::app
