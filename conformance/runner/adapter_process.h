// AdapterProcess: runs one client adapter command (`/bin/sh -c CMD`) in its own process group,
// feeds it the request on stdin, captures stdout/stderr and kills the whole group at the
// deadline. POSIX only; knows nothing about observations.
#pragma once

#include <map>
#include <string>

namespace chatmock::conform {

/// How an adapter run ended.
struct AdapterRun {
  int exit_code = -1;      ///< exit status, or -1 when killed by a signal
  int signal = 0;          ///< the terminating signal, 0 when it exited
  bool timed_out = false;  ///< the deadline passed and the group was killed
  bool launch_failed = false;
  std::string out;  ///< everything written to stdout
  std::string err;  ///< everything written to stderr (bounded)
  double elapsed_ms = 0;
};

/// The adapter never got going: fork/pipe failed, or the shell could not find or execute the
/// command (exit status 127 or 126) and it printed nothing on stdout.
bool could_not_start(const AdapterRun& run);

/// Runs `command` through /bin/sh with `input` on stdin and `environment` added to the runner's
/// own; waits at most `timeout_ms`, then SIGKILLs the adapter's process group.
AdapterRun run_adapter(const std::string& command, const std::string& input,
                       const std::map<std::string, std::string>& environment, int timeout_ms);

}  // namespace chatmock::conform
