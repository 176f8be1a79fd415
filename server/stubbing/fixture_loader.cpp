// Fixture files are plain JSON (no comments), so any JSON tool can read and rewrite them;
// annotations go in "description" or keys starting with "_". The parse error's own
// "line L, column C" prefix is replaced by our file:line, computed from the byte offset.
#include "stubbing/fixture_loader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "stubbing/json_locator.h"
#include "stubbing/stub_parser.h"

namespace chatmock::stubbing {

namespace {
namespace fs = std::filesystem;

struct Located {
  std::size_t line = 1;
  std::string reason;
};

/// The stubs in `text`, or where and why they are not valid.
std::variant<std::vector<StubMapping>, Located> parse_located(std::string_view text) {
  nlohmann::ordered_json document;
  try {
    document = nlohmann::ordered_json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    std::string reason = e.what();
    if (const auto column = reason.find("column "); column != std::string::npos) {
      if (const auto colon = reason.find(": ", column); colon != std::string::npos)
        reason = reason.substr(colon + 2);
    }
    return Located{line_of_offset(text, e.byte == 0 ? 0 : e.byte - 1), "invalid JSON: " + reason};
  } catch (const nlohmann::json::exception& e) {
    // out_of_range 406, "number overflow parsing '2e308'" (found by the fixture_loader fuzzer):
    // no byte offset, so the line is that of the quoted literal.
    std::string reason = e.what();
    reason = reason.substr(std::min(reason.find("] ") + 2, reason.size()));
    const auto open = reason.find('\'');
    const auto close = open == std::string::npos ? open : reason.find('\'', open + 1);
    const auto literal = close == std::string::npos
                             ? std::string_view()
                             : std::string_view(reason).substr(open + 1, close - open - 1);
    const auto at = literal.empty() ? std::string_view::npos : text.find(literal);
    return Located{line_of_offset(text, at == std::string_view::npos ? 0 : at),
                   "invalid JSON: " + reason};
  }
  try {
    auto stubs = parse_stubs(document);
    for (std::size_t i = 0; i < stubs.size(); ++i) {
      const std::string pointer = document.is_array() ? "/" + std::to_string(i) : "";
      stubs[i].source = std::to_string(line_of_pointer(text, pointer));
    }
    return stubs;
  } catch (const StubParseError& e) {
    return Located{line_of_pointer(text, e.pointer()), e.what()};
  }
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw FixtureError(path.string() + ":1: cannot read the file");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool hidden(const fs::path& path, const fs::path& root) {
  for (const auto& part : fs::relative(path, root)) {
    if (part.string().starts_with(".")) return true;
  }
  return false;
}
}  // namespace

std::vector<StubMapping> parse_fixture_text(const FixtureText& file) {
  auto parsed = parse_located(file.text);
  if (auto* error = std::get_if<Located>(&parsed)) {
    throw FixtureError(file.path + ":" + std::to_string(error->line) + ": " + error->reason);
  }
  auto stubs = std::get<std::vector<StubMapping>>(std::move(parsed));
  for (std::size_t i = 0; i < stubs.size(); ++i) {
    auto& stub = stubs[i];
    stub.source = file.path + ":" + stub.source;
    stub.from_file = true;
    if (stub.id.empty())
      stub.id = stubs.size() == 1 ? file.id_stem : file.id_stem + "-" + std::to_string(i + 1);
    if (stub.name.empty()) stub.name = stub.id;
  }
  return stubs;
}

std::vector<FixtureText> read_fixture_dir(const std::string& dir) {
  std::error_code error;
  if (!fs::is_directory(dir, error))
    throw FixtureError(dir + ": not a readable folder of fixtures");
  std::vector<fs::path> paths;
  for (fs::recursive_directory_iterator
           it(dir, fs::directory_options::follow_directory_symlink, error),
       end;
       !error && it != end; it.increment(error)) {
    const auto& path = it->path();
    if (it->is_regular_file() && path.extension() == ".json" && !hidden(path, dir))
      paths.push_back(path);
  }
  if (error) throw FixtureError(dir + ": cannot list the folder: " + error.message());
  std::sort(paths.begin(), paths.end());
  std::vector<FixtureText> files;
  for (const auto& path : paths) {
    auto stem = fs::relative(path, dir).replace_extension().generic_string();
    files.push_back({path.string(), read_file(path), std::move(stem)});
  }
  return files;
}

std::vector<StubMapping> load_fixtures(const FixtureSources& sources) {
  std::vector<FixtureText> files;
  if (sources.shipped) files = shipped_fixtures();
  const std::size_t demo_files = files.size();
  std::set<fs::path> read;  // a folder given twice, or nested in another, is read once
  for (const auto& dir : sources.dirs) {
    for (auto& file : read_fixture_dir(dir)) {
      std::error_code error;
      if (read.insert(fs::weakly_canonical(file.path, error)).second)
        files.push_back(std::move(file));
    }
  }
  std::vector<StubMapping> stubs;
  std::map<std::string, std::string> seen;  // id -> source
  for (std::size_t i = 0; i < files.size(); ++i) {
    const auto& file = files[i];
    for (auto& stub : parse_fixture_text(file)) {
      stub.demo = i < demo_files;
      if (const auto [it, inserted] = seen.emplace(stub.id, stub.source); !inserted) {
        throw FixtureError(stub.source + ": stub id \"" + stub.id + "\" is already used at " +
                           it->second);
      }
      stubs.push_back(std::move(stub));
    }
  }
  return stubs;
}

std::variant<std::vector<StubMapping>, std::string> parse_posted_stubs(std::string_view body) {
  auto parsed = parse_located(body);
  if (auto* error = std::get_if<Located>(&parsed))
    return "line " + std::to_string(error->line) + ": " + error->reason;
  auto stubs = std::get<std::vector<StubMapping>>(std::move(parsed));
  for (auto& stub : stubs) stub.source = "admin API (line " + stub.source + ")";
  return stubs;
}

}  // namespace chatmock::stubbing
