// The `chatmock` command line as one function, so that main.cpp need not include CLI11.
#pragma once

#include <string>

namespace chatmock::app {

/// The whole `chatmock` command line (what main() runs): parses `argv`, runs the subcommand and
/// returns the process's exit status. `version` is what --version prints.
int run_cli(int argc, char** argv, const std::string& version);

}  // namespace chatmock::app
