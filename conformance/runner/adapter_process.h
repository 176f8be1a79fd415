// AdapterProcess: runs one client adapter command (`/bin/sh -c CMD`) in its own process group,
// feeds it the request on stdin, captures stdout/stderr and kills the whole group at the
// deadline. POSIX only; knows nothing about observations.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

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

/// Adapter stderr kept per run: enough for a stack trace, bounded whatever the adapter prints.
inline constexpr std::size_t kAdapterStderrLimit = 64 * 1024;

/// A started adapter: its process group id and the parent's (non-blocking) ends of its pipes.
struct AdapterChild {
  pid_t pid = -1;
  int in = -1, out = -1, err = -1;
};

/// Starts `command` through /bin/sh in its own process group with `environment` added to the
/// runner's own; nullopt when pipe or fork failed.
std::optional<AdapterChild> spawn_adapter(const std::string& command,
                                          const std::map<std::string, std::string>& environment);

/// Closes the parent's ends of the child's pipes (a closed stdin is end of file for it).
void close_child_pipes(AdapterChild& child);

/// One step of a conversation with a started adapter: waits at most `wait_ms` for its pipes,
/// appends what its stdout and stderr have ready to `run.out` and `run.err` (stderr bounded by
/// kAdapterStderrLimit), and writes the next part of `input` from `written` on (which reaches
/// `input.size()` when all of it is written or the adapter hung up). False when poll failed.
bool pump_adapter(AdapterChild& child, AdapterRun& run, std::string_view input,
                  std::size_t& written, int wait_ms);

/// Gives the adapter `grace` to exit, then SIGKILLs its process group and reaps it; records how
/// it ended in `run`. False when it had to be killed.
bool reap_adapter(pid_t pid, AdapterRun& run, std::chrono::milliseconds grace);

/// Runs `command` through /bin/sh with `input` on stdin and `environment` added to the runner's
/// own; waits at most `timeout_ms`, then SIGKILLs the adapter's process group.
AdapterRun run_adapter(const std::string& command, const std::string& input,
                       const std::map<std::string, std::string>& environment, int timeout_ms);

}  // namespace chatmock::conform
