// A binary from the .deb or .tar.gz must run anywhere, so nothing here is an absolute path fixed
// at build time: the installed layout is found from /proc/self/exe, and a build tree is
// recognised by the chatmock-source-dir file CMake writes at its top (never present when
// installed).
#include "runner/data_paths.h"

#include <filesystem>
#include <fstream>

namespace chatmock::conform {
namespace {

namespace fs = std::filesystem;

constexpr int kBuildTreeDepth = 4;  // <build>/conformance/runner/chatmock-conform is 2 deep

fs::path own_directory() {
  std::error_code error;
  const fs::path self = fs::read_symlink("/proc/self/exe", error);
  return error ? fs::path() : self.parent_path();
}

// The source tree named by the nearest build tree above `start`, if any.
std::string source_tree_above(fs::path start) {
  for (int depth = 0; depth < kBuildTreeDepth && !start.empty(); ++depth) {
    std::ifstream marker(start / "chatmock-source-dir");
    std::string source;
    if (marker && std::getline(marker, source) && !source.empty()) return source;
    if (start == start.parent_path()) break;
    start = start.parent_path();
  }
  return "";
}

}  // namespace

DataLookup find_data_dir(const std::string& relative) {
  DataLookup lookup;
  const fs::path own = own_directory();
  if (own.empty()) return lookup;
  lookup.tried.push_back((own.parent_path() / "share" / "chatmock" / relative).string());
  if (const std::string source = source_tree_above(own); !source.empty())
    lookup.tried.push_back((fs::path(source) / relative).string());
  for (const std::string& candidate : lookup.tried) {
    std::error_code error;
    if (fs::is_directory(candidate, error)) {
      lookup.found = candidate;
      break;
    }
  }
  return lookup;
}

std::string missing_data_message(const std::string& what, const DataLookup& lookup) {
  std::string message = "no " + what + " folder: looked in ";
  for (std::size_t i = 0; i < lookup.tried.size(); ++i)
    message += (i == 0 ? "" : ", ") + lookup.tried[i];
  if (lookup.tried.empty()) message += "nothing (/proc/self/exe is unreadable)";
  return message;
}

}  // namespace chatmock::conform
