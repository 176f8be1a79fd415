// fork/exec rather than popen: the runner needs stdin and stdout at once, a deadline, and to kill
// the adapter's children too (a node or python adapter is a tree), hence setpgid + killpg.
#include "runner/adapter_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <optional>
#include <vector>

extern char** environ;

namespace chatmock::conform {
namespace {

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

// The environment for the child, built before fork: after fork in a threaded process only
// async-signal-safe calls are allowed, so the child must not call setenv.
std::vector<std::string> child_environment(const std::map<std::string, std::string>& additions) {
  std::vector<std::string> entries;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    const std::string text(*entry);
    const std::string name = text.substr(0, text.find('='));
    if (!additions.contains(name)) entries.push_back(text);
  }
  for (const auto& [name, value] : additions) entries.push_back(name + "=" + value);
  return entries;
}

// In the child: wire the pipes to 0/1/2 and exec the shell. Never returns.
[[noreturn]] void exec_child(const char* command, int in_fd, int out_fd, int err_fd,
                             char* const* envp) {
  ::setpgid(0, 0);
  ::dup2(in_fd, STDIN_FILENO);
  ::dup2(out_fd, STDOUT_FILENO);
  ::dup2(err_fd, STDERR_FILENO);
  ::signal(SIGPIPE, SIG_DFL);
  const char* argv[] = {"sh", "-c", command, nullptr};
  ::execve("/bin/sh", const_cast<char* const*>(argv), envp);
  ::_exit(127);
}

// Appends what `fd` has ready to `sink` (up to `limit` bytes in all); closes `fd` at end of file.
void drain_pipe(int& fd, std::string& sink, std::size_t limit) {
  std::array<char, 65536> buffer{};
  const ssize_t got = ::read(fd, buffer.data(), buffer.size());
  if (got > 0) {
    const auto room = limit > sink.size() ? limit - sink.size() : 0;
    sink.append(buffer.data(), std::min(room, static_cast<std::size_t>(got)));
  } else if (got == 0 || (errno != EAGAIN && errno != EINTR)) {
    close_fd(fd);
  }
}

// waitpid, resumed when a signal interrupts it.
pid_t wait_for(pid_t pid, int& status, int options) {
  pid_t got = 0;
  while ((got = ::waitpid(pid, &status, options)) < 0 && errno == EINTR) {
  }
  return got;
}

}  // namespace

bool could_not_start(const AdapterRun& run) {
  constexpr int kShellCannotExecute = 126, kShellNotFound = 127;
  return run.launch_failed ||
         ((run.exit_code == kShellNotFound || run.exit_code == kShellCannotExecute) &&
          run.out.find_first_not_of(" \t\r\n") == std::string::npos);
}

std::optional<AdapterChild> spawn_adapter(const std::string& command,
                                          const std::map<std::string, std::string>& environment) {
  // An adapter may exit without reading its stdin (one that prints {"skip":…} does): the write
  // must fail with EPIPE, not kill the runner with SIGPIPE (it did, now and then: exit 141).
  ::signal(SIGPIPE, SIG_IGN);
  std::vector<std::string> env_entries = child_environment(environment);
  std::vector<char*> envp;
  for (std::string& entry : env_entries) envp.push_back(entry.data());
  envp.push_back(nullptr);
  int in_pipe[2], out_pipe[2], err_pipe[2];
  if (::pipe2(in_pipe, O_CLOEXEC) != 0) return std::nullopt;
  if (::pipe2(out_pipe, O_CLOEXEC) != 0) {
    ::close(in_pipe[0]), ::close(in_pipe[1]);
    return std::nullopt;
  }
  if (::pipe2(err_pipe, O_CLOEXEC) != 0) {
    ::close(in_pipe[0]), ::close(in_pipe[1]), ::close(out_pipe[0]), ::close(out_pipe[1]);
    return std::nullopt;
  }
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::close(in_pipe[1]);
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    exec_child(command.c_str(), in_pipe[0], out_pipe[1], err_pipe[1], envp.data());
  }
  ::close(in_pipe[0]);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  AdapterChild child{.pid = pid, .in = in_pipe[1], .out = out_pipe[0], .err = err_pipe[0]};
  if (pid < 0) {
    close_child_pipes(child);
    return std::nullopt;
  }
  ::setpgid(pid, pid);  // also in the parent, so killpg works even before the child ran
  for (int fd : {child.in, child.out, child.err})
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
  return child;
}

void close_child_pipes(AdapterChild& child) {
  close_fd(child.in), close_fd(child.out), close_fd(child.err);
}

bool pump_adapter(AdapterChild& child, AdapterRun& run, std::string_view input,
                  std::size_t& written, int wait_ms) {
  const int in_fd = written < input.size() ? child.in : -1;
  std::array<pollfd, 3> fds{{{child.out, POLLIN, 0}, {child.err, POLLIN, 0}, {in_fd, POLLOUT, 0}}};
  if (::poll(fds.data(), fds.size(), wait_ms) < 0) return errno == EINTR;
  if (child.out >= 0 && fds[0].revents != 0) drain_pipe(child.out, run.out, std::string::npos);
  if (child.err >= 0 && fds[1].revents != 0) drain_pipe(child.err, run.err, kAdapterStderrLimit);
  if (in_fd >= 0 && fds[2].revents != 0) {
    const ssize_t sent = ::write(in_fd, input.data() + written, input.size() - written);
    if (sent > 0) written += static_cast<std::size_t>(sent);
    if (sent < 0 && errno != EAGAIN && errno != EINTR) written = input.size();  // it hung up
  }
  return true;
}

bool reap_adapter(pid_t pid, AdapterRun& run, std::chrono::milliseconds grace) {
  const auto deadline = std::chrono::steady_clock::now() + grace;
  int status = 0;
  pid_t got = wait_for(pid, status, WNOHANG);
  while (got == 0 && std::chrono::steady_clock::now() < deadline) {
    ::usleep(10'000);
    got = wait_for(pid, status, WNOHANG);
  }
  const bool exited = got != 0;
  ::killpg(pid, SIGKILL);  // a lingering adapter, or leftovers it spawned and did not wait for
  if (!exited) got = wait_for(pid, status, 0);
  if (got == pid && WIFEXITED(status)) run.exit_code = WEXITSTATUS(status);
  if (got == pid && WIFSIGNALED(status)) run.signal = WTERMSIG(status);
  return exited;
}

AdapterRun run_adapter(const std::string& command, const std::string& input,
                       const std::map<std::string, std::string>& environment, int timeout_ms) {
  using Clock = std::chrono::steady_clock;
  AdapterRun run;
  const auto started = Clock::now();
  const auto deadline = started + std::chrono::milliseconds(timeout_ms);
  auto child = spawn_adapter(command, environment);
  if (!child) {
    run.launch_failed = true;
    return run;
  }
  std::size_t written = 0;
  while (child->out >= 0 || child->err >= 0) {
    if (written == input.size()) close_fd(child->in);  // end of file: the whole request is sent
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) {
      run.timed_out = true;
      ::killpg(child->pid, SIGKILL);
      break;
    }
    if (!pump_adapter(*child, run, input, written,
                      static_cast<int>(std::min<long long>(left.count(), 1000))))
      break;
  }
  close_child_pipes(*child);
  // One that closed its stdout and stderr may still be running: it has until the deadline.
  const auto left =
      std::max(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()),
               std::chrono::milliseconds(0));
  if (!reap_adapter(child->pid, run, left)) run.timed_out = true;
  run.elapsed_ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
  return run;
}

}  // namespace chatmock::conform
