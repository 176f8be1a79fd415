// Cases run one at a time: retry spacing is measured from the journal and a busy two-core CI
// machine must not turn a slow adapter into a false "hang". Each run gets its own
// X-Chatmock-Session, which keys sequences on the server and finds the run's journal entries.
#include "runner/suite_run.h"

#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "runner/adapter_process.h"
#include "runner/admin_client.h"
#include "runner/persistent_adapter.h"

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
      return "unknown scenario '" + name +
             "': this server's catalogue (GET /_chatmock/scenarios) "
             "has no such name";
    }
  }
  return std::nullopt;
}

json adapter_input(const ConformanceCase& c, const std::string& session, int seed) {
  json headers = c.headers;
  if (!c.scenario.empty()) headers["X-Chatmock-Scenario"] = c.scenario;
  headers["X-Chatmock-Session"] = session;
  if (!headers.contains("X-Chatmock-Seed")) headers["X-Chatmock-Seed"] = std::to_string(seed);
  return adapter_input_for(c, std::move(headers));
}

std::map<std::string, std::string> adapter_environment(const SuiteOptions& options) {
  return {{"OPENAI_BASE_URL", options.root_url + "/v1"}, {"OPENAI_API_KEY", options.api_key}};
}

// `adapter` is the worker's long-lived process for this client under --persistent, else null.
Verdict run_one(const ConformanceCase& c, const ClientSpec& client, int seed,
                const SuiteOptions& options, PersistentAdapter* adapter, double& elapsed_ms,
                bool& not_started) {
  if (auto unknown = unknown_scenario(c, options)) return {Outcome::kFail, *unknown, true};
  const std::string session = new_session_id();
  const int timeout = c.timeout_ms > 0 ? c.timeout_ms : options.timeout_ms;
  const std::string input = adapter_input(c, session, seed).dump() + "\n";
  const AdapterRun run = adapter != nullptr ? adapter->exchange(input, timeout)
                                            : run_adapter(client.command, input,
                                                          adapter_environment(options), timeout);
  elapsed_ms = run.elapsed_ms;
  not_started = could_not_start(run);
  AdminClient admin(options.root_url);
  const auto attempts = admin.requests_in_session(session);
  if (!attempts)
    return {Outcome::kFail, "the server's journal could not be read (is it still running?)", true};
  return judge_run(c.expectation, run, *attempts, c.request.value("stream", false), case_api(c));
}

std::string result_line(std::size_t number, std::size_t total, const CaseResult& r,
                        bool name_client) {
  std::string line = "[" + std::to_string(number) + "/" + std::to_string(total) + "] " +
                     standing_label(r.standing) + " " + r.case_id;
  if (name_client) line += " [" + r.client + "]";
  if (r.standing == Standing::kFailed || r.standing == Standing::kSkipped)
    line += ": " + r.verdict.reason;
  if (r.standing == Standing::kExpectedFailure) line += " (expected: " + r.verdict.reason + ")";
  if (r.standing == Standing::kUnexpectedPass) {
    line += ": expected to fail (" + r.expected.reason + ") but passed; update the expectations";
  }
  return line;
}

// Hands out task indexes and keeps the server's journal short: every journal read returns the
// whole journal, so reads grow with the run unless it is cleared. Cleared only when no task is in
// flight (another run's entries would vanish otherwise): after every `epoch` started tasks, new
// ones wait until the running ones finish, the journal is cleared, and the next epoch begins.
class JournalEpochs {
 public:
  JournalEpochs(std::size_t total, const SuiteOptions& options)
      : total_(total),
        epoch_(static_cast<std::size_t>(options.jobs) * 4),
        clear_(options.clear_journal),
        root_url_(options.root_url) {}

  std::optional<std::size_t> acquire() {
    std::unique_lock lock(mutex_);
    drained_.wait(lock, [&] { return !clear_ || started_in_epoch_ < epoch_ || next_ >= total_; });
    if (next_ >= total_) return std::nullopt;
    ++in_flight_;
    ++started_in_epoch_;
    return next_++;
  }

  void release() {
    const std::lock_guard lock(mutex_);
    if (--in_flight_ == 0 && clear_ && started_in_epoch_ >= epoch_) {
      AdminClient(root_url_).clear_requests();
      started_in_epoch_ = 0;
      drained_.notify_all();
    }
  }

 private:
  std::mutex mutex_;
  std::condition_variable drained_;
  std::size_t total_, epoch_, next_ = 0, in_flight_ = 0, started_in_epoch_ = 0;
  bool clear_;
  std::string root_url_;
};

}  // namespace

std::vector<CaseResult> run_suite(const std::vector<ConformanceCase>& cases,
                                  const std::vector<ClientSpec>& clients,
                                  const SuiteOptions& options, std::ostream& progress) {
  struct Task {
    const ClientSpec* client;
    const ConformanceCase* c;
    int seed;
  };
  std::vector<Task> tasks;
  for (const ClientSpec& client : clients) {
    for (const ConformanceCase& c : cases) {
      for (int seed = 1; seed <= options.seeds; ++seed) tasks.push_back({&client, &c, seed});
    }
  }
  std::vector<CaseResult> results(tasks.size());
  std::map<std::string, std::string> skipped_clients;  // name → why
  std::map<std::string, int> start_failures;           // name → consecutive failed starts
  std::map<std::string, std::string> given_up;         // name → the last failed start's reason
  JournalEpochs epochs(tasks.size(), options);
  std::mutex mutex;
  std::size_t finished = 0;
  const bool name_client = clients.size() > 1;

  auto work = [&] {
    std::map<const ClientSpec*, std::unique_ptr<PersistentAdapter>> adapters;  // this worker's
    auto adapter_for = [&](const ClientSpec* client) -> PersistentAdapter* {
      if (!options.persistent) return nullptr;
      auto& adapter = adapters[client];
      if (!adapter) {
        adapter =
            std::make_unique<PersistentAdapter>(client->command, adapter_environment(options));
      }
      return adapter.get();
    };
    while (const auto i = epochs.acquire()) {
      const Task& task = tasks[*i];
      CaseResult r{
          .case_id = options.seeds > 1 ? task.c->id + "#" + std::to_string(task.seed) : task.c->id,
          .description = task.c->description,
          .client = task.client->name,
          .expected = task.client->expected_for(task.c->id)};
      std::optional<std::string> skip, abandoned;
      {
        const std::lock_guard lock(mutex);
        if (auto it = skipped_clients.find(r.client); it != skipped_clients.end())
          skip = it->second;
        if (auto it = given_up.find(r.client); it != given_up.end()) abandoned = it->second;
      }
      bool not_started = false;
      r.verdict = abandoned ? Verdict{Outcome::kFail,
                                      std::string(kAdapterGivenUp) + ": " + *abandoned, true}
                  : skip    ? Verdict{Outcome::kSkip, *skip}
                            : run_one(*task.c, *task.client, task.seed, options,
                                      adapter_for(task.client), r.elapsed_ms, not_started);
      r.standing = r.verdict.harness_error ? Standing::kFailed
                                           : standing_of(r.verdict.outcome, r.expected.outcome);
      epochs.release();
      const std::lock_guard lock(mutex);
      ++finished;
      if (abandoned) {
        // Counted in the tally; one ABORT line already said why.
      } else if (r.standing == Standing::kSkipped && r.verdict.skips_client) {
        if (skipped_clients.emplace(r.client, r.verdict.reason).second) {
          progress << "[" << finished << "/" << tasks.size() << "] SKIP " << r.client << ": "
                   << r.verdict.reason << " (every case of this client is skipped)" << std::endl;
        }
      } else {
        progress << result_line(finished, tasks.size(), r, name_client) << std::endl;
      }
      if (!abandoned) {
        int& failures = start_failures[r.client];
        failures = not_started ? failures + 1 : 0;
        if (failures >= options.max_start_failures &&
            given_up.emplace(r.client, r.verdict.reason).second) {
          progress << "[" << finished << "/" << tasks.size() << "] ABORT " << r.client
                   << ": the adapter could not start " << failures
                   << " times in a row; its remaining cases are not run (" << r.verdict.reason
                   << ")" << std::endl;
        }
      }
      results[*i] = std::move(r);
    }
  };
  std::vector<std::thread> workers;
  for (int j = 1; j < options.jobs; ++j) workers.emplace_back(work);
  work();
  for (auto& worker : workers) worker.join();
  return results;
}

}  // namespace chatmock::conform
