// The `chatmock serve` flags (CLI11) and their translation into Config, plus the `scenarios`
// subcommand's output. Kept out of main.cpp so main stays a page.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "app/config.h"

namespace chatmock::app {

/// Flag values that need parsing after CLI11 has read them.
struct ServeFlags {
  std::string latency;
  std::string chaos;
  std::string rate_limit;
  std::string log = "auto";  ///< auto: coloured text on a terminal, JSON otherwise
  std::int64_t seed = -1;
  std::string record_mode = "new";
};

/// Registers every serve flag on `command`, writing into `config` / `flags`.
void add_serve_flags(CLI::App& command, Config& config, ServeFlags& flags);
/// Validates and applies `flags`; false with `error` set on a malformed value.
bool finish_serve_flags(Config& config, const ServeFlags& flags, std::string& error);
/// `chatmock scenarios`: a table (default), JSON, or markdown written to `markdown_path`.
int print_scenarios(bool as_json, const std::string& markdown_path);
/// The catalogue as the markdown page docs/scenarios.md.
std::string scenarios_markdown();

}  // namespace chatmock::app
