// Expected failures count as passed so CI stays green only while behaviour matches the pinned
// expectations exactly; an unexpected pass fails too, because it means a finding went stale.
#include "runner/case_result.h"

namespace chatmock::conform {

Standing standing_of(Outcome actual, Outcome expected) {
  if (actual == Outcome::kSkip) return Standing::kSkipped;
  if (actual == Outcome::kPass)
    return expected == Outcome::kFail ? Standing::kUnexpectedPass : Standing::kPassed;
  return expected == Outcome::kFail ? Standing::kExpectedFailure : Standing::kFailed;
}

std::string standing_label(Standing standing) {
  switch (standing) {
    case Standing::kPassed:
      return "PASS";
    case Standing::kExpectedFailure:
      return "XFAIL";
    case Standing::kFailed:
      return "FAIL";
    case Standing::kUnexpectedPass:
      return "XPASS";
    case Standing::kSkipped:
      return "SKIP";
  }
  return "FAIL";
}

bool counts_as_passed(Standing standing) {
  return standing == Standing::kPassed || standing == Standing::kExpectedFailure;
}

bool counts_as_failed(Standing standing) {
  return standing == Standing::kFailed || standing == Standing::kUnexpectedPass;
}

std::string tally_line(const std::vector<CaseResult>& results) {
  std::size_t passed = 0, failed = 0, skipped = 0;
  for (const auto& r : results) {
    passed += counts_as_passed(r.standing) ? 1 : 0;
    failed += counts_as_failed(r.standing) ? 1 : 0;
    skipped += r.standing == Standing::kSkipped ? 1 : 0;
  }
  std::string line = std::to_string(passed) + " passed, " + std::to_string(failed) + " failed";
  if (skipped > 0) line += ", " + std::to_string(skipped) + " skipped";
  return line;
}

}  // namespace chatmock::conform
