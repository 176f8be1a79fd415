// SuiteRun: runs every (client, case) pair against one server — headers, adapter launch,
// journal lookup, judgement — and prints a progress line per result. The server's lifetime and
// the reports belong to the caller (main.cpp).
#pragma once

#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "runner/case_result.h"
#include "runner/client_spec.h"
#include "runner/conformance_case.h"

namespace chatmock::conform {

struct SuiteOptions {
  std::string root_url;        ///< http://HOST:PORT of the server under use
  int timeout_ms = 30000;      ///< per adapter run, unless the case sets its own
  int seeds = 1;               ///< each case runs with X-Chatmock-Seed 1..seeds
  int jobs = 1;                ///< adapter runs in flight at once
  bool clear_journal = false;  ///< the runner owns the server: empty the journal after each case
  std::string api_key = "sk-chatmock-conform";
  /// Scenario names the server knows; cases naming others fail without running.
  std::optional<std::set<std::string>> catalogue;
  /// After this many consecutive runs of a client whose adapter could not start (command not
  /// found, not executable), its remaining cases fail at once instead of running for minutes.
  int max_start_failures = 3;
  /// --persistent: each worker keeps one adapter process per client and sends it one case per
  /// stdin line, instead of starting the adapter for every case.
  bool persistent = false;
};

/// The reason given to the cases of a client given up on after repeated start failures.
inline constexpr const char* kAdapterGivenUp = "not run: the adapter could not start";

/// Runs every (client, case, seed) triple, `jobs` at a time; results come back in that order.
/// A client whose adapter reports {"skip": …} is skipped for the rest of the run with one line;
/// one that could not start `max_start_failures` times in a row is given up on (a harness error).
std::vector<CaseResult> run_suite(const std::vector<ConformanceCase>& cases,
                                  const std::vector<ClientSpec>& clients,
                                  const SuiteOptions& options, std::ostream& progress);

}  // namespace chatmock::conform
