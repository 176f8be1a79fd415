// Runs the built chatmock-conform against the built chatmock and the repository's cases, and
// captures its output and exit code. Tests that include this define CONFORM_BIN, CHATMOCK_BIN
// and SOURCE_DIR (see CMakeLists.txt).
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace chatmock::testing {

struct ConformRun {
  int exit_code = -1;
  std::string out;
};

/// `arguments` are appended to the command; --cases-dir defaults to conformance/cases.
inline ConformRun conform(const std::string& arguments) {
  const std::string cases_dir =
      arguments.find("--cases-dir") == std::string::npos
          ? std::string(" --cases-dir ") + SOURCE_DIR + "/conformance/cases"
          : "";
  const std::string command = std::string(CONFORM_BIN) + " --chatmock " + CHATMOCK_BIN + cases_dir +
                              " " + arguments + " 2>&1";
  ConformRun run;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), buffer.size(), pipe) != nullptr) run.out += buffer.data();
  const int status = ::pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

}  // namespace chatmock::testing
