// Expectations are keyed by case id and default to "pass", so adding a case never needs an
// edit here unless a client really mishandles it.
#include "runner/client_spec.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

namespace chatmock::conform {

ExpectedVerdict ClientSpec::expected_for(const std::string& case_id) const {
  const auto it = expected.find(case_id);
  return it == expected.end() ? ExpectedVerdict{} : it->second;
}

std::string client_name_for(const std::string& command) {
  const std::string marker = "clients/";
  if (const auto at = command.find(marker); at != std::string::npos) {
    const auto start = at + marker.size();
    const auto end = command.find_first_of("/ \t", start);
    if (end != std::string::npos && end > start) return command.substr(start, end - start);
  }
  const auto word_end = command.find_first_of(" \t");
  const std::string first = command.substr(0, word_end);
  const auto slash = first.rfind('/');
  return slash == std::string::npos ? first : first.substr(slash + 1);
}

std::map<std::string, ExpectedVerdict> load_expectations(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot read the expectations file");
  std::stringstream text;
  text << in.rdbuf();
  const auto document = nlohmann::json::parse(text.str(), nullptr, false);
  if (!document.is_object() || !document.contains("cases") || !document.at("cases").is_object()) {
    throw std::runtime_error(path + ": expected {\"cases\": {\"<case id>\": {\"verdict\": …}}}");
  }
  std::map<std::string, ExpectedVerdict> expected;
  for (const auto& [id, entry] : document.at("cases").items()) {
    const std::string verdict = entry.is_object() ? entry.value("verdict", "") : "";
    ExpectedVerdict e;
    if (verdict == "pass") {
      e.outcome = Outcome::kPass;
    } else if (verdict == "fail") {
      e.outcome = Outcome::kFail;
    } else if (verdict == "skip") {
      e.outcome = Outcome::kSkip;
    } else {
      throw std::runtime_error(path + ": case '" + id + "': verdict must be pass, fail or skip");
    }
    e.reason = entry.value("reason", "");
    expected.emplace(id, std::move(e));
  }
  return expected;
}

}  // namespace chatmock::conform
