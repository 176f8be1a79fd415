// CaseResult: one (case, client) cell of a run, with the verdict the client got and how it
// compares with the verdict it was expected to get. Shared by the progress lines and reports.
#pragma once

#include <string>
#include <vector>

#include "runner/client_spec.h"
#include "runner/judgement.h"

namespace chatmock::conform {

/// How a result counts in the final tally.
enum class Standing {
  kPassed,           ///< passed, as expected
  kExpectedFailure,  ///< failed exactly as the client's expectations file says (counts as passed)
  kFailed,           ///< failed, unexpectedly
  kUnexpectedPass,   ///< passed although expected to fail: the expectations are stale (counts as
                     ///< failed)
  kSkipped,          ///< the adapter is unavailable on this machine
};

struct CaseResult {
  std::string case_id;
  std::string description;
  std::string client;
  Verdict verdict;           ///< what actually happened
  ExpectedVerdict expected;  ///< what the client's expectations say
  Standing standing = Standing::kFailed;
  double elapsed_ms = 0;
};

/// Standing of `actual` given `expected`.
Standing standing_of(Outcome actual, Outcome expected);
/// "PASS", "XFAIL", "FAIL", "XPASS", "SKIP".
std::string standing_label(Standing standing);
/// Whether the standing counts as passed / failed in "N passed, M failed".
bool counts_as_passed(Standing standing);
bool counts_as_failed(Standing standing);

/// The closing line: "N passed, M failed" plus ", K skipped" when any were skipped.
std::string tally_line(const std::vector<CaseResult>& results);

}  // namespace chatmock::conform
