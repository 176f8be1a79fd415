// Case files are data so a new edge case needs no C++; the loader is strict (unknown expectation
// kinds and duplicate ids fail loudly) because a silently ignored case is a hole in the suite.
#include "runner/conformance_case.h"

#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

namespace chatmock::conform {
namespace {

using nlohmann::json;

const std::set<std::string>& known_kinds() {
  static const std::set<std::string> kinds = {"matches_served", "error", "no_hang_no_crash",
                                              "retries", "no_retry"};
  return kinds;
}

[[noreturn]] void fail(const std::string& source, const std::string& id, const std::string& why) {
  throw std::runtime_error(source + ": case '" + id + "': " + why);
}

ConformanceCase base_case(const json& entry, const std::string& source) {
  if (!entry.is_object()) throw std::runtime_error(source + ": a case is not a JSON object");
  ConformanceCase c;
  c.source = source;
  c.id = entry.value("id", "");
  if (c.id.empty()) fail(source, "?", "missing \"id\"");
  c.description = entry.value("description", "");
  if (c.description.empty()) fail(source, c.id, "missing \"description\"");
  c.scenario = entry.value("scenario", "");
  c.api = entry.value("api", "chat");
  if (c.api != "chat" && c.api != "responses")
    fail(source, c.id, "\"api\" must be \"chat\" or \"responses\"");
  c.request = entry.value("request", json());
  if (!c.request.is_object()) fail(source, c.id, "\"request\" must be an object");
  c.headers = entry.value("headers", json::object());
  if (!c.headers.is_object()) fail(source, c.id, "\"headers\" must be an object");
  c.expectation = entry.value("expectation", json());
  if (!c.expectation.is_object() || !known_kinds().contains(c.expectation.value("kind", ""))) {
    fail(source, c.id,
         "\"expectation.kind\" must be one of matches_served, error, "
         "no_hang_no_crash, retries, no_retry");
  }
  c.timeout_ms = entry.value("timeout_ms", 0);
  return c;
}

ConformanceCase stream_form(ConformanceCase c) {
  c.request["stream"] = true;
  // Responses has no include_usage: its terminal event always carries the usage.
  if (!is_responses_case(c) && !c.request.contains("stream_options"))
    c.request["stream_options"] = {{"include_usage", true}};
  return c;
}

}  // namespace

json adapter_input_for(const ConformanceCase& c, json headers) {
  json input = c.request;
  input["headers"] = std::move(headers);
  if (is_responses_case(c)) input["api"] = c.api;
  return input;
}

std::vector<ConformanceCase> parse_cases(const json& document, const std::string& source) {
  const json& list = document.is_object() ? document.value("cases", json()) : document;
  if (!list.is_array()) throw std::runtime_error(source + ": expected an array of cases");
  std::vector<ConformanceCase> cases;
  for (const json& entry : list) {
    ConformanceCase c = base_case(entry, source);
    const json forms = entry.value("forms", json());
    if (forms.is_null()) {
      cases.push_back(std::move(c));
      continue;
    }
    if (!forms.is_array() || forms.empty())
      fail(source, c.id, "\"forms\" must be a non-empty array");
    for (const json& form : forms) {
      const std::string name = form.is_string() ? form.get<std::string>() : "";
      if (name == "json") {
        ConformanceCase json_case = c;
        json_case.id += ".json";
        json_case.request["stream"] = false;
        cases.push_back(std::move(json_case));
      } else if (name == "stream") {
        ConformanceCase streamed = stream_form(c);
        streamed.id += ".stream";
        cases.push_back(std::move(streamed));
      } else {
        fail(source, c.id, "unknown form " + form.dump() + " (json or stream)");
      }
    }
  }
  return cases;
}

std::vector<ConformanceCase> load_cases(const std::string& directory) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json")
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<ConformanceCase> all;
  std::set<std::string> ids;
  for (const auto& file : files) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    const json document = json::parse(text.str(), nullptr, false);
    if (document.is_discarded()) throw std::runtime_error(file.string() + ": not valid JSON");
    for (ConformanceCase& c : parse_cases(document, file.string())) {
      if (!ids.insert(c.id).second) fail(file.string(), c.id, "duplicate id");
      all.push_back(std::move(c));
    }
  }
  return all;
}

bool matches_glob(std::string_view globs, std::string_view id) {
  const std::string subject(id);
  std::size_t start = 0;
  while (start <= globs.size()) {
    const std::size_t comma = std::min(globs.find(',', start), globs.size());
    const std::string glob(globs.substr(start, comma - start));
    if (!glob.empty() && fnmatch(glob.c_str(), subject.c_str(), 0) == 0) return true;
    start = comma + 1;
  }
  return false;
}

std::vector<std::string> scenario_names(std::string_view expression) {
  std::vector<std::string> names;
  std::string current;
  for (std::size_t i = 0; i <= expression.size(); ++i) {
    const char c = i < expression.size() ? expression[i] : ',';
    if (c == '+' || c == ',') {
      if (!current.empty()) names.push_back(current);
      current.clear();
    } else if (c != ' ') {
      current += c;
    }
  }
  return names;
}

}  // namespace chatmock::conform
