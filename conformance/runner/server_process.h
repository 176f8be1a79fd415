// ServerProcess: a `chatmock serve --port 0` child the runner owns for one run, found next to the
// runner's own build tree unless told where. Knows how to start, where it listens, and stop.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <mutex>
#include <string>

namespace chatmock::conform {

/// The chatmock binary to launch: `explicit_path`, else $CHATMOCK_BIN, else
/// `<build>/server/chatmock` beside this runner's build tree, else "chatmock" from PATH.
std::string locate_chatmock(const std::string& explicit_path);

class ServerProcess {
 public:
  ServerProcess() = default;
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;
  ~ServerProcess() { stop(); }

  /// Starts `binary serve --port 0 --port-file TMP --log off --seed SEED` and waits (≤ 10 s) for
  /// its port; returns "" on success, else why it failed.
  std::string start(const std::string& binary, std::uint64_t seed);
  /// http://127.0.0.1:PORT (no trailing slash).
  const std::string& root_url() const { return root_url_; }
  /// SIGTERM, then SIGKILL after 5 s, and removes the temporary folder; idempotent, and safe
  /// to call from the signal-watching thread while the run is in progress.
  void stop();

 private:
  std::mutex stop_mutex_;
  pid_t pid_ = -1;
  std::string root_url_;
  std::string temp_dir_;
};

}  // namespace chatmock::conform
