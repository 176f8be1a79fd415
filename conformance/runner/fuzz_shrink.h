// --shrink: reduces the reply of a failing fuzz seed to a small one the adapter still fails on.
// The reply is fetched once as raw bytes, then served back through a temporary admin stub
// (body_base64, or chunks for a stream) while pieces are dropped and JSON is pared down.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "runner/case_result.h"
#include "runner/client_spec.h"
#include "runner/conformance_case.h"
#include "runner/suite_run.h"

namespace chatmock::conform {

/// What shrinking one failure produced.
struct ShrinkResult {
  std::size_t original_bytes = 0;
  std::string minimal;  ///< the smallest failing body (a stream's events concatenated)
  std::string content_type;
  bool cut = false;         ///< the connection must close mid-body for the failure to show
  int runs = 0;             ///< adapter runs spent
  bool reproduced = false;  ///< false when the served-back reply did not fail at all
};

/// Shrinks the reply of fuzz case `c` for `client` with at most `max_runs` adapter runs.
ShrinkResult shrink_fuzz_failure(const ConformanceCase& c, const ClientSpec& client,
                                 const SuiteOptions& options, int max_runs);

/// Shrinks every failed fuzz result (at most `limit` of them) and prints the minimal bodies.
void print_shrunk_failures(const std::vector<CaseResult>& results,
                           const std::vector<ConformanceCase>& cases,
                           const std::vector<ClientSpec>& clients, const SuiteOptions& options,
                           std::size_t limit, std::ostream& out);

}  // namespace chatmock::conform
