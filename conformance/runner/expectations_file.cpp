// A baseline is only useful if a re-run reproduces it, so outcomes are written, not standings:
// an expected failure is written as a failure, an unexpected pass as a pass.
#include "runner/expectations_file.h"

#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace chatmock::conform {

std::string expectations_json(const std::vector<CaseResult>& results, const std::string& client) {
  nlohmann::json cases = nlohmann::json::object();
  for (const CaseResult& r : results) {
    if (r.client != client || r.verdict.harness_error) continue;
    const std::string id = r.case_id.substr(0, r.case_id.find('#'));
    nlohmann::json entry = {{"verdict", outcome_name(r.verdict.outcome)}};
    if (!r.verdict.reason.empty()) entry["reason"] = r.verdict.reason;
    if (!cases.contains(id) || r.verdict.outcome == Outcome::kFail) cases[id] = std::move(entry);
  }
  const nlohmann::json document = {
      {"client", client},
      {"about",
       "Written by chatmock-conform --write-expectations; a later run with "
       "--expectations passes only while every verdict matches."},
      {"cases", std::move(cases)}};
  return document.dump(2) + "\n";
}

void check_expectation_ids(const ClientSpec& spec, const std::string& path,
                           const std::set<std::string>& known_ids) {
  for (const auto& [id, expected] : spec.expected) {
    if (!known_ids.contains(id)) {
      throw std::runtime_error(path + ": case '" + id +
                               "' is not in the catalogue (renamed or removed? `chatmock-conform "
                               "--list` shows the ids)");
    }
  }
}

}  // namespace chatmock::conform
