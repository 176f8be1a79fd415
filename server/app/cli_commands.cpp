// validate-fixtures reuses the server's own loader (read_fixture_dir + parse_fixture_text), so a
// folder it accepts is one `chatmock serve --fixtures` starts with. Unlike startup, which stops
// at the first bad file, it reports every bad file, and ids used twice across files.
#include "app/cli_commands.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "stubbing/fixture_loader.h"

namespace chatmock::app {

void add_help_examples(CLI::App& root, CLI::App& serve, CLI::App& scenarios,
                       CLI::App& validate_fixtures) {
  root.footer(
      "Examples:\n"
      "  chatmock serve --port 8080                     serve on http://127.0.0.1:8080/v1\n"
      "  chatmock                                       the same as `chatmock serve`\n"
      "  chatmock scenarios                             list the built-in scenarios\n"
      "  chatmock validate-fixtures fixtures/mappings   check stub files before serving\n"
      "  chatmock serve --fixtures tests/stubs          serve your stubs (the log says how many)\n"
      "Run `chatmock SUBCOMMAND --help` for each subcommand's flags.");
  serve.footer(
      "Examples:\n"
      "  chatmock serve --port 0 --port-file /tmp/chatmock.port &\n"
      "  chatmock serve --fixtures tests/stubs --strict --seed 7\n"
      "  chatmock serve --latency ttft=200,itl=20 --scenario refusal\n"
      "  chatmock serve --host 0.0.0.0 --admin-token s3cret\n"
      "  curl -s http://127.0.0.1:8080/v1/chat/completions -H 'Authorization: Bearer sk-test' \\\n"
      "       -H 'content-type: application/json' -H 'X-Chatmock-Scenario: tool_calls' \\\n"
      "       -d '{\"model\":\"gpt-4o\",\"messages\":"
      "[{\"role\":\"user\",\"content\":\"hi\"}]}'\n"
      "Logs: --log auto (default) writes coloured lines on a terminal and JSON lines otherwise.");
  scenarios.footer(
      "Examples:\n"
      "  chatmock scenarios                 name, api (chat|responses|both), [breaks spec], "
      "description\n"
      "  chatmock scenarios --json | jq -r '.[] | select(.api != \"chat\") | .name'\n"
      "  chatmock scenarios --markdown docs/scenarios.md");
  validate_fixtures.footer(
      "Examples:\n"
      "  chatmock validate-fixtures fixtures/mappings\n"
      "  chatmock validate-fixtures tests/stubs more/stubs && chatmock serve --fixtures "
      "tests/stubs\n"
      "  chatmock validate-fixtures tests/stubs/weather.json --require-stubs\n"
      "Exit status: 0 when every file loads, 1 with `file:line: reason` per error on stderr\n"
      "(and, with --require-stubs, when no stub was found).");
}

namespace {
// One file given by name: its stubs' default ids are its name without ".json", as if it were
// at the top of a fixture folder.
std::vector<stubbing::FixtureText> read_fixture_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw stubbing::FixtureError(path + ":1: cannot read the file");
  std::ostringstream text;
  text << in.rdbuf();
  return {{path, text.str(), std::filesystem::path(path).stem().generic_string()}};
}
}  // namespace

int validate_fixtures(const std::vector<std::string>& dirs, bool require_stubs) {
  std::size_t files = 0, stubs = 0, errors = 0;
  std::map<std::string, std::string> first_file_of_id;
  const auto report = [&errors](const std::string& message) {
    std::fprintf(stderr, "%s\n", message.c_str());
    ++errors;
  };
  for (const auto& dir : dirs) {
    std::error_code error;
    const bool folder = std::filesystem::is_directory(dir, error);
    if (!folder && !std::filesystem::is_regular_file(dir, error)) {
      report(dir + ": not a folder or a fixture file");
      continue;
    }
    std::vector<stubbing::FixtureText> texts;
    try {
      texts = folder ? stubbing::read_fixture_dir(dir) : read_fixture_file(dir);
    } catch (const std::exception& e) {
      report(e.what());
      continue;
    }
    for (const auto& text : texts) {
      ++files;
      try {
        for (const auto& stub : stubbing::parse_fixture_text(text)) {
          ++stubs;
          const auto [it, fresh] = first_file_of_id.emplace(stub.id, text.path);
          if (!fresh)
            report(text.path + ":1: stub id '" + stub.id + "' is also used by " + it->second);
        }
      } catch (const std::exception& e) {
        report(e.what());
      }
    }
  }
  if (errors > 0) {
    std::printf("%zu error%s in %zu fixture files\n", errors, errors == 1 ? "" : "s", files);
    return 1;
  }
  if (stubs == 0) {
    // An empty or misspelt folder would otherwise "pass" and serve nothing but synthesis.
    std::fprintf(stderr, "%s: no stub found in %zu fixture files (*.json)\n",
                 require_stubs ? "error" : "warning", files);
    if (require_stubs) return 1;
  }
  std::printf("%zu fixture files, %zu stubs: all valid\n", files, stubs);
  return 0;
}

}  // namespace chatmock::app
