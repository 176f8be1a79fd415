// AdapterProcess: runs one client adapter command (`/bin/sh -c CMD`) in its own process group,
// feeds it the request on stdin, captures stdout/stderr and kills the whole group at the
// deadline. POSIX only; knows nothing about observations.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <map>
#include <optional>
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

/// Waits for the adapter, SIGKILLs what is left of its process group, records how it ended.
void reap_adapter(pid_t pid, AdapterRun& run);

/// Appends what `fd` has ready to `sink` (up to `limit` bytes in all); closes `fd` at end of file.
void drain_pipe(int& fd, std::string& sink, std::size_t limit);

/// Runs `command` through /bin/sh with `input` on stdin and `environment` added to the runner's
/// own; waits at most `timeout_ms`, then SIGKILLs the adapter's process group.
AdapterRun run_adapter(const std::string& command, const std::string& input,
                       const std::map<std::string, std::string>& environment, int timeout_ms);

}  // namespace chatmock::conform
