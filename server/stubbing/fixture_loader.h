// Loading fixtures: every *.json under the --fixtures folders (recursively, in path order), the
// shipped corpus compiled in from fixtures/mappings, and stubs POSTed to the admin API. Any
// problem is a FixtureError reading `file:line: reason`; startup fails fast on one.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "stubbing/stub_mapping.h"

namespace chatmock::stubbing {

/// A fixture that cannot be loaded; what() is "file:line: reason".
class FixtureError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// One fixture file's name (as errors show it) and text.
struct FixtureText {
  std::string path;
  std::string text;
  std::string id_stem;  ///< default id of its stubs: the path below the fixture folder, no ".json"
};

/// Where stubs come from at startup and on SIGHUP.
struct FixtureSources {
  std::vector<std::string> dirs;  ///< --fixtures folders (and the --record folder)
  bool shipped = false;           ///< the corpus from fixtures/mappings, compiled in
};

/// The stubs of one file; stubs without an id get `id_stem` (plus "-N" in a multi-stub file).
std::vector<StubMapping> parse_fixture_text(const FixtureText& file);
/// Every *.json file under `dir`, recursively, sorted; dotfiles (recorder temp files) skipped.
std::vector<FixtureText> read_fixture_dir(const std::string& dir);
/// All stubs of `sources`; throws FixtureError, including for an id used twice.
std::vector<StubMapping> load_fixtures(const FixtureSources& sources);
/// Stubs POSTed to /_chatmock/fixtures, or the reason they were refused ("line N: reason").
std::variant<std::vector<StubMapping>, std::string> parse_posted_stubs(std::string_view body);

/// The shipped corpus (fixtures/mappings/**.json), embedded at build time.
const std::vector<FixtureText>& shipped_fixtures();

}  // namespace chatmock::stubbing
