// The fuzz scenario's reply depends only on the request, X-Chatmock-Seed and
// X-Chatmock-Fuzz-Level, so a failing seed reproduces anywhere from those three: the curl line
// sends exactly the headers the adapter was given (minus the per-run session).
#include "runner/fuzz_cases.h"

#include <algorithm>
#include <charconv>

namespace chatmock::conform {

using nlohmann::json;

namespace {
constexpr std::string_view kChatFuzzPrefix = "fuzz.";
constexpr std::string_view kResponsesFuzzPrefix = "responses_fuzz.";
}  // namespace

ConformanceCase fuzz_case(int seed, int level) {
  ConformanceCase c;
  c.id = std::string(kChatFuzzPrefix) + std::to_string(seed);
  c.description =
      "A seeded fuzz reply; the client must finish in time with a well-formed observation.";
  c.scenario = "fuzz";
  c.request = {{"model", "gpt-4o-mini"},
               {"messages", json::array({{{"role", "user"}, {"content", "fuzz me"}}})},
               {"stream", seed % 2 == 0}};
  c.headers = {{"X-Chatmock-Seed", std::to_string(seed)},
               {"X-Chatmock-Fuzz-Level", std::to_string(level)}};
  c.expectation = {{"kind", "no_hang_no_crash"}};
  c.source = "--fuzz";
  return c;
}

ConformanceCase responses_fuzz_case(int seed, int level) {
  ConformanceCase c = fuzz_case(seed, level);
  c.id = std::string(kResponsesFuzzPrefix) + std::to_string(seed);
  c.api = "responses";
  c.request = {{"model", "gpt-4o-mini"}, {"input", "fuzz me"}, {"stream", seed % 2 == 0}};
  return c;
}

std::optional<int> fuzz_seed_of(std::string_view case_id) {
  std::string_view prefix = kChatFuzzPrefix;
  if (case_id.starts_with(kResponsesFuzzPrefix)) prefix = kResponsesFuzzPrefix;
  if (!case_id.starts_with(prefix)) return std::nullopt;
  std::string_view digits = case_id.substr(prefix.size());
  digits = digits.substr(0, digits.find('#'));
  int seed = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), seed);
  if (error != std::errc() || end != digits.data() + digits.size() || seed < 1) return std::nullopt;
  return seed;
}

const ConformanceCase* case_of_result(const std::vector<ConformanceCase>& cases,
                                      std::string_view result_id) {
  const std::string_view id = result_id.substr(0, result_id.find('#'));
  const auto found = std::find_if(cases.begin(), cases.end(),
                                  [&](const ConformanceCase& each) { return each.id == id; });
  return found == cases.end() ? nullptr : &*found;
}

void add_fuzz_cases(std::vector<ConformanceCase>& cases, int count, int level,
                    std::string_view globs) {
  std::vector<std::string> ids;
  for (const std::string_view prefix : {kChatFuzzPrefix, kResponsesFuzzPrefix}) {
    for (int seed = 1; seed <= count; ++seed) {
      std::string id = std::string(prefix) + std::to_string(seed);
      if (matches_glob(globs, id)) ids.push_back(std::move(id));
    }
  }
  std::string_view rest = globs;
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    const std::string_view named = rest.substr(0, comma);
    if (fuzz_seed_of(named) && named.find('#') == std::string_view::npos &&
        std::find(ids.begin(), ids.end(), named) == ids.end())
      ids.emplace_back(named);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
  }
  for (const std::string& id : ids) {
    const int seed = *fuzz_seed_of(id);
    cases.push_back(id.starts_with(kResponsesFuzzPrefix) ? responses_fuzz_case(seed, level)
                                                         : fuzz_case(seed, level));
  }
}

std::string shell_quoted(std::string_view text) {
  std::string quoted = "'";
  for (const char ch : text) {
    if (ch == '\'') {
      quoted += "'\\''";
    } else {
      quoted += ch;
    }
  }
  return quoted + "'";
}

std::string curl_line(const ConformanceCase& c, const ReproTarget& target) {
  std::string line = "curl -sN";
  line += " -H " + shell_quoted("Authorization: Bearer " + target.api_key);
  line += " -H 'Content-Type: application/json'";
  line += " -H " + shell_quoted("X-Chatmock-Scenario: " + c.scenario);
  for (const auto& [name, value] : c.headers.items()) {
    line += " -H " + shell_quoted(name + ": " +
                                  (value.is_string() ? value.get<std::string>() : value.dump()));
  }
  line += " -d " + shell_quoted(c.request.dump());
  const std::string root = target.runner_started_server ? "http://127.0.0.1:8080" : target.root_url;
  return line + " " + root + case_route(c);
}

std::string conform_line(const ConformanceCase& c, const ClientSpec& client, int level) {
  std::string line =
      "chatmock-conform --client " + shell_quoted(client.command) + " --cases " + c.id;
  if (level != 1) line += " --fuzz-level " + std::to_string(level);
  return line;
}

std::size_t print_fuzz_reproductions(const std::vector<CaseResult>& results,
                                     const std::vector<ConformanceCase>& cases,
                                     const std::vector<ClientSpec>& clients,
                                     const ReproTarget& target, std::ostream& out) {
  std::size_t printed = 0;
  for (const CaseResult& r : results) {
    if (!counts_as_failed(r.standing)) continue;
    const auto seed = fuzz_seed_of(r.case_id);
    if (!seed) continue;
    const ConformanceCase* c = case_of_result(cases, r.case_id);
    const auto client = std::find_if(clients.begin(), clients.end(),
                                     [&](const ClientSpec& each) { return each.name == r.client; });
    if (c == nullptr || client == clients.end()) continue;
    if (printed++ == 0) out << "\nFuzz failures (seed, reason, reproduction):\n";
    out << (is_responses_case(*c) ? "responses " : "") << "fuzz seed " << *seed << " [" << r.client
        << "]: " << r.verdict.reason << "\n"
        << "  reply:  " << curl_line(*c, target)
        << (target.runner_started_server ? "   # against chatmock serve --port 8080" : "") << "\n"
        << "  rerun:  " << conform_line(*c, *client, target.level) << "\n";
  }
  return printed;
}

}  // namespace chatmock::conform
