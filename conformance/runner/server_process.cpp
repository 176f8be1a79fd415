// The runner launches its own server so a conformance run needs no setup and never shares
// journal or sequence state with anything else; --port-file avoids parsing the ready line.
#include "runner/server_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>
#include <utility>

namespace chatmock::conform {
namespace {

namespace fs = std::filesystem;

std::string read_port(const std::string& file) {
  std::ifstream in(file);
  std::string port;
  std::getline(in, port);
  return port;
}

// Waits up to `limit` for the child to exit; true when it did (or is no child to wait for).
bool wait_exit(pid_t pid, std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    const pid_t reaped = ::waitpid(pid, &status, WNOHANG);
    if (reaped == pid || (reaped < 0 && errno == ECHILD)) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

}  // namespace

std::string locate_chatmock(const std::string& explicit_path) {
  if (!explicit_path.empty()) return explicit_path;
  if (const char* env = std::getenv("CHATMOCK_BIN"); env != nullptr && *env != '\0') return env;
  std::error_code error;
  const fs::path self = fs::read_symlink("/proc/self/exe", error);
  if (!error) {
    // The runner is built at <build>/conformance/runner/chatmock-conform.
    const fs::path sibling = self.parent_path().parent_path().parent_path() / "server" / "chatmock";
    if (fs::exists(sibling, error)) return sibling.string();
    if (fs::exists(self.parent_path() / "chatmock", error))
      return (self.parent_path() / "chatmock").string();
  }
  return "chatmock";
}

std::string ServerProcess::start(const std::string& binary, std::uint64_t seed) {
  char pattern[] = "/tmp/chatmock-conform-XXXXXX";
  if (::mkdtemp(pattern) == nullptr) return "cannot create a temporary directory";
  const std::string port_file = std::string(pattern) + "/port";
  const std::string log_file = std::string(pattern) + "/stderr";
  const std::string seed_text = std::to_string(seed);
  {
    const std::lock_guard lock(stop_mutex_);
    temp_dir_ = pattern;
    const pid_t parent = ::getpid();
    const pid_t pid = ::fork();
    if (pid < 0) return "fork failed";
    if (pid == 0) {
      // The server never outlives the runner: if the runner dies without stopping it (SIGKILL,
      // a crash), the kernel sends the server SIGTERM. A server found orphaned in a CI run had
      // held a test's output pipe until CTest's timeout.
      ::prctl(PR_SET_PDEATHSIG, SIGTERM);
      if (::getppid() != parent) ::_exit(127);  // the runner died before prctl took effect
      // The server's stdout carries only its ready line; keep the runner's output ours. Its
      // stderr goes to a file in the temporary folder, never to the runner's: a server that
      // outlived the runner must not hold the pipe of whoever reads the runner's output.
      const int null_fd = ::open("/dev/null", O_WRONLY);
      if (null_fd >= 0) ::dup2(null_fd, STDOUT_FILENO);
      const int log_fd = ::open(log_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
      if (log_fd >= 0) ::dup2(log_fd, STDERR_FILENO);
      ::execlp(binary.c_str(), binary.c_str(), "serve", "--port", "0", "--port-file",
               port_file.c_str(), "--log", "off", "--seed", seed_text.c_str(),
               static_cast<char*>(nullptr));
      ::_exit(127);
    }
    pid_ = pid;
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < deadline) {
    if (const std::string port = read_port(port_file); !port.empty()) {
      root_url_ = "http://127.0.0.1:" + port;
      return "";
    }
    {
      // The child is reaped only under this lock: the signal-watching thread may be in stop(),
      // and a pid reaped here and then signalled there was how kill(-1, SIGKILL) happened.
      const std::lock_guard lock(stop_mutex_);
      if (pid_ <= 0) return "stopped before chatmock was listening";
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        std::ifstream log(log_file);
        std::string reason;
        std::getline(log, reason);
        return "chatmock (" + binary + ") exited before listening" +
               (reason.empty() ? std::string("; build it or pass --chatmock PATH") : ": " + reason);
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  stop();
  return "chatmock (" + binary + ") did not write its port within 10 s";
}

void ServerProcess::stop() {
  const std::lock_guard lock(stop_mutex_);
  // Never signal a pid that is not a live child of ours: kill(-1, …) reaches every process the
  // user owns (a test that stopped the runner while it started its server did exactly that).
  if (const pid_t pid = std::exchange(pid_, -1); pid > 0) {
    ::kill(pid, SIGTERM);
    if (!wait_exit(pid, std::chrono::seconds(5))) {
      ::kill(pid, SIGKILL);
      wait_exit(pid, std::chrono::seconds(5));
    }
  }
  if (!temp_dir_.empty()) {
    std::error_code ignored;
    fs::remove_all(temp_dir_, ignored);
    temp_dir_.clear();
  }
}

}  // namespace chatmock::conform
