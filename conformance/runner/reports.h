// Reports of a finished run: JUnit XML for CI systems and a markdown matrix (cases × clients,
// with the reason for every failure) for people. Both are pure renderings of CaseResults.
#pragma once

#include <string>
#include <vector>

#include "runner/case_result.h"

namespace chatmock::conform {

/// One <testsuite> per client, one <testcase> per case; expected failures pass with the finding
/// in <system-out>, skips are <skipped/>.
std::string junit_xml(const std::vector<CaseResult>& results);

/// A markdown document: per-client tallies, then a table with one row per case and one column
/// per client.
std::string markdown_matrix(const std::vector<CaseResult>& results);

}  // namespace chatmock::conform
