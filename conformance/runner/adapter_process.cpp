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

namespace chatmock::conform {
namespace {

constexpr std::size_t kMaxStderrBytes = 64 * 1024;

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

// In the child: wire the pipes to 0/1/2, set the environment and exec the shell. Never returns.
[[noreturn]] void exec_child(const std::string& command, int in_fd, int out_fd, int err_fd,
                             const std::map<std::string, std::string>& environment) {
  ::setpgid(0, 0);
  ::dup2(in_fd, STDIN_FILENO);
  ::dup2(out_fd, STDOUT_FILENO);
  ::dup2(err_fd, STDERR_FILENO);
  for (const auto& [name, value] : environment) ::setenv(name.c_str(), value.c_str(), 1);
  ::signal(SIGPIPE, SIG_DFL);
  ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
  ::_exit(127);
}

// Reads what is available from `fd` into `sink`; closes `fd` at end of file.
void drain(int& fd, std::string& sink, std::size_t limit) {
  std::array<char, 65536> buffer{};
  const ssize_t got = ::read(fd, buffer.data(), buffer.size());
  if (got > 0) {
    const auto room = limit > sink.size() ? limit - sink.size() : 0;
    sink.append(buffer.data(), std::min(room, static_cast<std::size_t>(got)));
  } else if (got == 0 || (errno != EAGAIN && errno != EINTR)) {
    close_fd(fd);
  }
}

}  // namespace

AdapterRun run_adapter(const std::string& command, const std::string& input,
                       const std::map<std::string, std::string>& environment, int timeout_ms) {
  using Clock = std::chrono::steady_clock;
  AdapterRun run;
  const auto started = Clock::now();
  const auto deadline = started + std::chrono::milliseconds(timeout_ms);
  int in_pipe[2], out_pipe[2], err_pipe[2];
  if (::pipe(in_pipe) != 0 || ::pipe(out_pipe) != 0 || ::pipe(err_pipe) != 0) {
    run.launch_failed = true;
    return run;
  }
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::close(in_pipe[1]);
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    exec_child(command, in_pipe[0], out_pipe[1], err_pipe[1], environment);
  }
  ::close(in_pipe[0]);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  int in_fd = in_pipe[1], out_fd = out_pipe[0], err_fd = err_pipe[0];
  if (pid < 0) {
    close_fd(in_fd), close_fd(out_fd), close_fd(err_fd);
    run.launch_failed = true;
    return run;
  }
  ::setpgid(pid, pid);  // also in the parent, so killpg works even before the child ran
  for (int fd : {in_fd, out_fd, err_fd}) ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);

  std::size_t written = 0;
  if (input.empty()) close_fd(in_fd);
  while (out_fd >= 0 || err_fd >= 0) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) {
      run.timed_out = true;
      ::killpg(pid, SIGKILL);
      break;
    }
    std::array<pollfd, 3> fds{{{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}, {in_fd, POLLOUT, 0}}};
    if (::poll(fds.data(), fds.size(), static_cast<int>(std::min<long long>(left.count(), 1000))) < 0 &&
        errno != EINTR) {
      break;
    }
    if (out_fd >= 0 && fds[0].revents != 0) drain(out_fd, run.out, std::string::npos);
    if (err_fd >= 0 && fds[1].revents != 0) drain(err_fd, run.err, kMaxStderrBytes);
    if (in_fd >= 0 && fds[2].revents != 0) {
      const ssize_t sent = ::write(in_fd, input.data() + written, input.size() - written);
      if (sent > 0) written += static_cast<std::size_t>(sent);
      if ((sent < 0 && errno != EAGAIN && errno != EINTR) || written == input.size()) close_fd(in_fd);
    }
  }
  close_fd(in_fd), close_fd(out_fd), close_fd(err_fd);

  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  ::killpg(pid, SIGKILL);  // leftovers the adapter spawned and did not wait for
  if (WIFEXITED(status)) run.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) run.signal = WTERMSIG(status);
  run.elapsed_ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
  return run;
}

}  // namespace chatmock::conform
