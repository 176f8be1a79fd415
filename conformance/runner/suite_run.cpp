// Cases run one at a time: retry spacing is measured from the journal and a busy two-core CI
// machine must not turn a slow adapter into a false "hang". Each run gets its own
// X-Chatmock-Session, which keys sequences on the server and finds the run's journal entries.
#include "runner/suite_run.h"

#include <unistd.h>

#include <atomic>
#include <map>

#include "runner/adapter_process.h"
#include "runner/admin_client.h"

namespace chatmock::conform {
namespace {

using nlohmann::json;

std::string new_session_id() {
  static std::atomic<unsigned> counter{0};
  return "conform-" + std::to_string(::getpid()) + "-" + std::to_string(++counter);
}

std::optional<std::string> unknown_scenario(const ConformanceCase& c, const SuiteOptions& options) {
  if (!options.catalogue) return std::nullopt;
  for (const std::string& name : scenario_names(c.scenario)) {
    if (!options.catalogue->contains(name)) {
      return "unknown scenario '" + name + "': this server's catalogue (GET /_chatmock/scenarios) "
             "has no such name";
    }
  }
  return std::nullopt;
}

json adapter_input(const ConformanceCase& c, const std::string& session, int seed) {
  json input = c.request;
  json headers = c.headers;
  if (!c.scenario.empty()) headers["X-Chatmock-Scenario"] = c.scenario;
  headers["X-Chatmock-Session"] = session;
  if (!headers.contains("X-Chatmock-Seed")) headers["X-Chatmock-Seed"] = std::to_string(seed);
  input["headers"] = std::move(headers);
  return input;
}

Verdict run_one(const ConformanceCase& c, const ClientSpec& client, int seed, const SuiteOptions& options,
                double& elapsed_ms) {
  if (auto unknown = unknown_scenario(c, options)) return {Outcome::kFail, *unknown};
  const std::string session = new_session_id();
  const std::map<std::string, std::string> environment = {
      {"OPENAI_BASE_URL", options.root_url + "/v1"}, {"OPENAI_API_KEY", options.api_key}};
  const int timeout = c.timeout_ms > 0 ? c.timeout_ms : options.timeout_ms;
  const AdapterRun run =
      run_adapter(client.command, adapter_input(c, session, seed).dump() + "\n", environment, timeout);
  elapsed_ms = run.elapsed_ms;
  AdminClient admin(options.root_url);
  const auto attempts = admin.requests_in_session(session);
  if (!attempts) return {Outcome::kFail, "the server's journal could not be read (is it still running?)"};
  if (options.clear_journal) admin.clear_requests();
  return judge_run(c.expectation, run, *attempts, c.request.value("stream", false));
}

std::string result_line(std::size_t number, std::size_t total, const CaseResult& r, bool name_client) {
  std::string line = "[" + std::to_string(number) + "/" + std::to_string(total) + "] " +
                     standing_label(r.standing) + " " + r.case_id;
  if (name_client) line += " [" + r.client + "]";
  if (r.standing == Standing::kFailed) line += ": " + r.verdict.reason;
  if (r.standing == Standing::kExpectedFailure) line += " (expected: " + r.verdict.reason + ")";
  if (r.standing == Standing::kUnexpectedPass) {
    line += ": expected to fail (" + r.expected.reason + ") but passed; update the expectations";
  }
  return line;
}

}  // namespace

std::vector<ConformanceCase> fuzz_cases(int count) {
  std::vector<ConformanceCase> cases;
  for (int i = 1; i <= count; ++i) {
    ConformanceCase c;
    c.id = "fuzz." + std::to_string(i);
    c.description = "A seeded fuzz reply; the client must finish in time with a well-formed observation.";
    c.scenario = "fuzz";
    c.request = {{"model", "gpt-4o-mini"},
                 {"messages", json::array({{{"role", "user"}, {"content", "fuzz me"}}})},
                 {"stream", i % 2 == 0}};
    c.headers = {{"X-Chatmock-Seed", std::to_string(i)}};
    c.expectation = {{"kind", "no_hang_no_crash"}};
    c.source = "--fuzz";
    cases.push_back(std::move(c));
  }
  return cases;
}

std::vector<CaseResult> run_suite(const std::vector<ConformanceCase>& cases,
                                  const std::vector<ClientSpec>& clients, const SuiteOptions& options,
                                  std::ostream& progress) {
  std::vector<CaseResult> results;
  const std::size_t total = cases.size() * static_cast<std::size_t>(options.seeds) * clients.size();
  const bool name_client = clients.size() > 1;
  for (const ClientSpec& client : clients) {
    std::optional<std::string> skipped_because;
    for (const ConformanceCase& c : cases) {
      for (int seed = 1; seed <= options.seeds; ++seed) {
        CaseResult r{.case_id = options.seeds > 1 ? c.id + "#" + std::to_string(seed) : c.id,
                     .description = c.description,
                     .client = client.name,
                     .expected = client.expected_for(c.id)};
        r.verdict = skipped_because ? Verdict{Outcome::kSkip, *skipped_because}
                                    : run_one(c, client, seed, options, r.elapsed_ms);
        r.standing = standing_of(r.verdict.outcome, r.expected.outcome);
        results.push_back(r);
        if (r.standing == Standing::kSkipped && !skipped_because) {
          skipped_because = r.verdict.reason;
          progress << "[" << results.size() << "/" << total << "] SKIP " << client.name << ": "
                   << r.verdict.reason << " (every case of this client is skipped)" << std::endl;
        } else if (!skipped_because) {
          progress << result_line(results.size(), total, r, name_client) << std::endl;
        }
      }
    }
  }
  return results;
}

}  // namespace chatmock::conform
