// The chatmock-conform command once its flags are parsed: load and filter cases, start or reach
// a server, run the suite, write reports, return the exit code. main.cpp only parses flags.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace chatmock::conform {

/// Flags as in docs/interface.md `chatmock-conform`, plus where to find things.
struct ConformFlags {
  std::vector<std::string> clients;       ///< --client, repeatable; one column each
  std::vector<std::string> expectations;  ///< --expectations, the i-th for the i-th --client
  std::string server;                     ///< --server URL; empty = launch chatmock
  std::string chatmock;                   ///< --chatmock PATH of the binary to launch
  std::string cases_glob = "*";           ///< --cases
  std::string cases_dir;  ///< --cases-dir; empty = the repository's conformance/cases
  int seeds = 1;
  int jobs = 1;
  bool persistent = false;  ///< --persistent: one adapter process per worker, a case per line
  int fuzz = 0;
  int fuzz_level = 1;   ///< X-Chatmock-Fuzz-Level of the fuzz cases (1–3)
  bool shrink = false;  ///< --shrink: reduce failing fuzz replies to minimal ones
  int timeout_ms = 30000;
  std::string junit;
  std::string report;
  bool list = false;
  bool allow_empty = false;        ///< --allow-empty: no case run / all skipped is not an error
  std::string write_expectations;  ///< --write-expectations FILE: the first client's verdicts
  std::uint64_t server_seed = 1;
  std::string chaos;     ///< --chaos SPEC: report error handling under seeded faults instead
  int chaos_calls = 40;  ///< --chaos-calls
};

/// Runs the command; 0 when every case passed (or failed as expected), 1 otherwise, 2 on a
/// usage or setup error (printed to stderr).
int run_conform(const ConformFlags& flags);

}  // namespace chatmock::conform
