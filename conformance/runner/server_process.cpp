// The runner launches its own server so a conformance run needs no setup and never shares
// journal or sequence state with anything else; --port-file avoids parsing the ready line.
#include "runner/server_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

namespace chatmock::conform {
namespace {

namespace fs = std::filesystem;

std::string read_port(const std::string& file) {
  std::ifstream in(file);
  std::string port;
  std::getline(in, port);
  return port;
}

// Waits up to `limit` for the child to exit; true when it did.
bool wait_exit(pid_t pid, std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) return true;
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
  temp_dir_ = pattern;
  const std::string port_file = temp_dir_ + "/port";
  const std::string seed_text = std::to_string(seed);
  pid_ = ::fork();
  if (pid_ < 0) return "fork failed";
  if (pid_ == 0) {
    // The server's stdout carries only its ready line; keep the runner's output ours.
    const int null_fd = ::open("/dev/null", O_WRONLY);
    if (null_fd >= 0) ::dup2(null_fd, STDOUT_FILENO);
    ::execlp(binary.c_str(), binary.c_str(), "serve", "--port", "0", "--port-file",
             port_file.c_str(), "--log", "off", "--seed", seed_text.c_str(),
             static_cast<char*>(nullptr));
    ::_exit(127);
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < deadline) {
    if (const std::string port = read_port(port_file); !port.empty()) {
      root_url_ = "http://127.0.0.1:" + port;
      return "";
    }
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return "chatmock (" + binary + ") exited before listening; build it or pass --chatmock PATH";
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  stop();
  return "chatmock (" + binary + ") did not write its port within 10 s";
}

void ServerProcess::stop() {
  const std::lock_guard lock(stop_mutex_);
  if (pid_ > 0) {
    ::kill(pid_, SIGTERM);
    if (!wait_exit(pid_, std::chrono::seconds(5))) {
      ::kill(pid_, SIGKILL);
      wait_exit(pid_, std::chrono::seconds(5));
    }
    pid_ = -1;
  }
  if (!temp_dir_.empty()) {
    std::error_code ignored;
    fs::remove_all(temp_dir_, ignored);
    temp_dir_.clear();
  }
}

}  // namespace chatmock::conform
