// chatmock's command line: flags → Config → run. Subcommands: serve (default), scenarios,
// validate-fixtures. Here rather than in main.cpp so that CLI11, a heavy header-only library,
// is compiled in the app library's one unity batch of CLI files and not again for main.cpp.
#include "app/cli_main.h"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/cli_commands.h"
#include "app/cli_options.h"
#include "app/cli_suggestions.h"

namespace chatmock::app {

int run_cli(int argc, char** argv, const std::string& version) {
  CLI::App cli{"chatmock: an offline mock server for the OpenAI Chat Completions API"};
  cli.set_version_flag("--version", version);
  cli.require_subcommand(0, 1);
  Config config;
  ServeFlags flags;
  CLI::App* serve = cli.add_subcommand("serve", "Run the mock server (the default)");
  add_serve_flags(*serve, config, flags);
  bool as_json = false;
  std::string markdown;
  CLI::App* scenarios = cli.add_subcommand("scenarios", "List the built-in scenarios");
  scenarios->add_flag("--json", as_json, "Print the catalogue as JSON");
  scenarios->add_option("--markdown", markdown,
                        "Write the catalogue as markdown to FILE (docs/scenarios.md)");
  std::vector<std::string> fixture_dirs;
  CLI::App* validate =
      cli.add_subcommand("validate-fixtures", "Check fixture folders without serving");
  validate->add_option("PATH", fixture_dirs, "Fixture folder (recursive) or file; repeatable")
      ->required();
  bool require_stubs = false;
  validate->add_flag("--require-stubs", require_stubs, "Fail when no stub is found");
  add_help_examples(cli, *serve, *scenarios, *validate);
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return exit_on_parse_error(cli, e);
  }

  if (scenarios->parsed()) return print_scenarios(as_json, markdown);
  if (validate->parsed()) return validate_fixtures(fixture_dirs, require_stubs);
  std::string error;
  if (!finish_serve_flags(config, flags, error)) {
    std::fprintf(stderr, "chatmock: %s\n", error.c_str());
    return 2;
  }
  return run_server(std::move(config));
}

}  // namespace chatmock::app
