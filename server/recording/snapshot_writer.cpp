// The move is renameat2(RENAME_NOREPLACE): atomic, and it fails rather than replace an existing
// recording. Filesystems without it (EINVAL) get link() + unlink(), which is just as atomic and
// just as unwilling to replace. The temp name starts with "." so the loader never reads it.
#include "recording/snapshot_writer.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace chatmock::recording {

namespace {
namespace fs = std::filesystem;

constexpr const char* kTempPrefix = ".chatmock-";
constexpr const char* kTempSuffix = ".tmp";
constexpr int kMaxSuffix = 100000;

[[noreturn]] void fail(const std::string& what, const std::string& path) {
  throw std::runtime_error(what + " " + path + ": " + std::strerror(errno));
}

void write_all(int fd, std::string_view text, const std::string& path) {
  while (!text.empty()) {
    const auto written = ::write(fd, text.data(), text.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      fail("cannot write", path);
    }
    text.remove_prefix(static_cast<std::size_t>(written));
  }
}

/// Moves `from` to `to` unless `to` exists; false (errno EEXIST) when it does.
bool move_without_replacing(const std::string& from, const std::string& to) {
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return true;
  if (errno != EINVAL && errno != ENOSYS) return false;
  if (::link(from.c_str(), to.c_str()) != 0) return false;
  ::unlink(from.c_str());
  return true;
}

void sync_folder(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}
}  // namespace

std::string write_snapshot(const std::string& dir, const std::string& stem, std::string_view text) {
  // Process-wide on purpose: temporary names must differ between every writer in the process
  // (several recorders may share a folder); the pid separates processes.
  static std::atomic<unsigned> counter{0};
  const std::string temp =
      (fs::path(dir) / (std::string(kTempPrefix) + std::to_string(::getpid()) + "-" +
                        std::to_string(counter.fetch_add(1)) + kTempSuffix))
          .string();
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) fail("cannot create", temp);
  try {
    write_all(fd, text, temp);
    if (::fsync(fd) != 0) fail("cannot sync", temp);
  } catch (...) {
    ::close(fd);
    ::unlink(temp.c_str());
    throw;
  }
  ::close(fd);
  for (int n = 1; n < kMaxSuffix; ++n) {
    const std::string name = stem + (n == 1 ? "" : "-" + std::to_string(n)) + ".json";
    const std::string path = (fs::path(dir) / name).string();
    if (move_without_replacing(temp, path)) {
      sync_folder(dir);
      return path;
    }
    if (errno != EEXIST) {
      ::unlink(temp.c_str());
      fail("cannot move the recording to", path);
    }
  }
  ::unlink(temp.c_str());
  throw std::runtime_error("no free file name for " + stem + " in " + dir);
}

void remove_stale_temp_files(const std::string& dir) {
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(dir, error)) {
    const auto name = entry.path().filename().string();
    if (!name.starts_with(kTempPrefix) || !name.ends_with(kTempSuffix)) continue;
    // Another live recorder on the same folder may be mid-write: leave its file alone.
    const auto pid = std::atoi(name.c_str() + std::strlen(kTempPrefix));
    if (pid > 0 && pid != ::getpid() && ::kill(pid, 0) == 0) continue;
    fs::remove(entry.path(), error);
  }
}

}  // namespace chatmock::recording
