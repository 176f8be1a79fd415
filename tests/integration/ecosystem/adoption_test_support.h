// Running the built programs as a new user would, for the adoption tests: a command line to
// completion with its output, a scratch folder, and a started `chatmock serve`. Tests that
// include this define CHATMOCK_BIN (see CMakeLists.txt).
#pragma once

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

namespace chatmock::adoption {

namespace fs = std::filesystem;

struct CommandOutput {
  int code = -1;
  std::string out;  ///< stdout and stderr, interleaved
};

/// `text` safe inside a single-quoted shell word.
inline std::string escape_single_quotes(const std::string& text) {
  std::string out;
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out;
}

/// `command` through /bin/sh with stderr folded into stdout.
inline CommandOutput run(const std::string& command) {
  CommandOutput result;
  // Bounded: a command that hangs fails its test with what it printed (exit 124), instead of
  // holding CTest until the test's timeout.
  FILE* pipe = ::popen(
      ("timeout -k 5 150 sh -c '" + escape_single_quotes(command) + "' 2>&1 < /dev/null").c_str(),
      "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), buffer.size(), pipe) != nullptr) result.out += buffer.data();
  const int status = ::pclose(pipe);
  result.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

inline std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// A fresh folder, removed on destruction.
struct Scratch {
  explicit Scratch(const std::string& name)
      : path(fs::temp_directory_path() /
             ("chatmock-adoption-" + name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~Scratch() { fs::remove_all(path); }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  fs::path path;
};

/// `chatmock serve --port 0 --port-file … EXTRA…` with stdout and stderr in files; SIGTERM and
/// reaped on destruction.
class Served {
 public:
  Served(const fs::path& dir, const std::vector<std::string>& extra) : dir_(dir) {
    const std::string port_file = (dir / "port").string();
    pid_ = ::fork();
    if (pid_ == 0) {
      std::freopen((dir / "out").c_str(), "w", stdout);
      std::freopen((dir / "err").c_str(), "w", stderr);
      std::vector<std::string> args = {CHATMOCK_BIN, "serve",       "--port",
                                       "0",          "--port-file", port_file};
      args.insert(args.end(), extra.begin(), extra.end());
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(CHATMOCK_BIN, argv.data());
      ::_exit(127);
    }
    for (int i = 0; i < 3000 && port_ == 0; ++i) {  // up to 30 s on a loaded machine
      std::ifstream in(port_file);
      if (!(in >> port_)) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    // The summary line follows the ready line; give it a moment to reach the file.
    for (int i = 0; i < 500 && port_ > 0 && read_text(dir / "err").empty(); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ~Served() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      int status = 0;
      ::waitpid(pid_, &status, 0);
    }
  }
  Served(const Served&) = delete;
  Served& operator=(const Served&) = delete;
  int port() const { return port_; }
  std::string out() const { return read_text(dir_ / "out"); }
  std::string err() const { return read_text(dir_ / "err"); }

 private:
  fs::path dir_;
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace chatmock::adoption
