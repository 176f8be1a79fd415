// The CLI around `chatmock serve`: example footers for every --help, and the
// `validate-fixtures` subcommand. Flag definitions stay in cli_options; this file only explains
// them and checks fixture folders without starting a server.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace chatmock::app {

/// Adds the "Examples:" footers to the top-level help and to each subcommand's help.
void add_help_examples(CLI::App& root, CLI::App& serve, CLI::App& scenarios,
                       CLI::App& validate_fixtures);
/// `chatmock validate-fixtures PATH...` (folders or files): prints each error as
/// `file:line: reason` on stderr and a summary on stdout; returns 0 when every file loads, 1
/// otherwise. No stub at all is a warning, or an error (1) with `require_stubs`.
int validate_fixtures(const std::vector<std::string>& paths, bool require_stubs = false);

}  // namespace chatmock::app
