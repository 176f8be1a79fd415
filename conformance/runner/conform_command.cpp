// Setup errors (no server, unreadable cases) exit 2 so CI can tell "the client failed" (1) from
// "the harness could not run" (2).
#include "runner/conform_command.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <stdexcept>

#include "runner/admin_client.h"
#include "runner/chaos_run.h"
#include "runner/conformance_case.h"
#include "runner/data_paths.h"
#include "runner/expectations_file.h"
#include "runner/fuzz_cases.h"
#include "runner/fuzz_shrink.h"
#include "runner/interrupt_cleanup.h"
#include "runner/progress_display.h"
#include "runner/reports.h"
#include "runner/server_process.h"
#include "runner/suite_run.h"

namespace chatmock::conform {
namespace {

constexpr int kSetupError = 2;

std::string cases_directory(const ConformFlags& flags) {
  std::string chosen = flags.cases_dir;
  if (const char* env = std::getenv("CHATMOCK_CONFORM_CASES");
      chosen.empty() && env != nullptr && *env != '\0')
    chosen = env;
  if (!chosen.empty()) {
    if (!std::filesystem::is_directory(chosen))
      throw std::runtime_error("no case folder: looked in " + chosen);
    return chosen;
  }
  DataLookup lookup = find_data_dir("conformance/cases");
  if (!lookup.found.empty()) return lookup.found;
  // A binary copied out of its tree still works from the root of a checkout.
  lookup.tried.emplace_back("conformance/cases");
  if (std::filesystem::is_directory("conformance/cases")) return "conformance/cases";
  throw std::runtime_error(missing_data_message("case", lookup));
}

// http://h:p, http://h:p/ and http://h:p/v1 all mean the server root.
std::string server_root(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  if (url.size() >= 3 && url.compare(url.size() - 3, 3, "/v1") == 0) url.resize(url.size() - 3);
  return url;
}

std::vector<ClientSpec> client_specs(const ConformFlags& flags,
                                     const std::set<std::string>& known_ids) {
  if (flags.expectations.size() > flags.clients.size()) {
    throw std::runtime_error("more --expectations than --client flags");
  }
  std::vector<ClientSpec> specs;
  for (std::size_t i = 0; i < flags.clients.size(); ++i) {
    ClientSpec spec{.name = client_name_for(flags.clients[i]), .command = flags.clients[i]};
    if (i < flags.expectations.size() && !flags.expectations[i].empty()) {
      spec.expected = load_expectations(flags.expectations[i]);
      spec.has_expectations = true;
      check_expectation_ids(spec, flags.expectations[i], known_ids);
    }
    specs.push_back(std::move(spec));
  }
  return specs;
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::trunc) << text;
}

// A run that judged nothing (a glob matching no case, a client that skips everything) must not
// look like a green one in CI.
std::string empty_run_reason(const std::vector<CaseResult>& results) {
  if (results.empty()) return "no case ran (does --cases match any id? see --list)";
  for (const auto& r : results) {
    if (r.standing != Standing::kSkipped) return "";
  }
  return "every case was skipped (" + results.front().verdict.reason + ")";
}

bool gave_up_on_a_client(const std::vector<CaseResult>& results) {
  for (const auto& r : results) {
    if (r.verdict.harness_error && r.verdict.reason.rfind(kAdapterGivenUp, 0) == 0) return true;
  }
  return false;
}

}  // namespace

int run_conform(const ConformFlags& flags) {
  std::vector<ConformanceCase> cases;
  std::vector<ClientSpec> clients;
  try {
    std::set<std::string> known_ids;
    for (auto& c : load_cases(cases_directory(flags))) {
      known_ids.insert(c.id);
      if (matches_glob(flags.cases_glob, c.id)) cases.push_back(std::move(c));
    }
    add_fuzz_cases(cases, flags.fuzz, flags.fuzz_level, flags.cases_glob);
    for (const auto& c : cases) known_ids.insert(c.id);
    clients = client_specs(flags, known_ids);
  } catch (const std::exception& e) {
    std::cerr << "chatmock-conform: " << e.what() << "\n";
    return kSetupError;
  }
  if (flags.list) {
    for (const auto& c : cases) std::cout << c.id << "  " << c.description << "\n";
    return 0;
  }
  if (clients.empty()) {
    std::cerr << "chatmock-conform: --client CMD is required (or --list)\n";
    return kSetupError;
  }

  ServerProcess server;
  stop_server_on_signals(server);
  SuiteOptions options{.timeout_ms = flags.timeout_ms,
                       .seeds = std::max(1, flags.seeds),
                       .jobs = std::max(1, flags.jobs),
                       .persistent = flags.persistent};
  if (flags.server.empty()) {
    if (const std::string error = server.start(locate_chatmock(flags.chatmock), flags.server_seed);
        !error.empty()) {
      if (const int signal = interrupting_signal(); signal != 0) return 128 + signal;
      std::cerr << "chatmock-conform: " << error << "\n";
      return kSetupError;
    }
    options.root_url = server.root_url();
    options.clear_journal = true;
  } else {
    options.root_url = server_root(flags.server);
  }
  options.catalogue = AdminClient(options.root_url).scenario_names();
  if (!options.catalogue) {
    std::cerr << "chatmock-conform: no answer from " << options.root_url
              << "/_chatmock/scenarios\n";
    return kSetupError;
  }

  if (!flags.chaos.empty()) {
    int worst = 0;
    for (const auto& client : clients) {
      worst = std::max(worst, run_chaos(client,
                                        {.spec = flags.chaos,
                                         .calls = flags.chaos_calls,
                                         .root_url = options.root_url,
                                         .api_key = options.api_key,
                                         .timeout_ms = flags.timeout_ms,
                                         .seed = flags.server_seed},
                                        std::cout));
    }
    return worst;
  }

  ProgressDisplay display(std::cout, stdout_is_terminal());
  const auto results = run_suite(cases, clients, options, display);
  display.finish();
  if (flags.shrink) print_shrunk_failures(results, cases, clients, options, 3, std::cout);
  server.stop();
  if (!flags.junit.empty()) write_file(flags.junit, junit_xml(results));
  if (!flags.report.empty()) write_file(flags.report, markdown_matrix(results));
  print_fuzz_reproductions(results, cases, clients,
                           {.root_url = options.root_url,
                            .runner_started_server = flags.server.empty(),
                            .api_key = options.api_key,
                            .level = flags.fuzz_level},
                           std::cout);
  if (!flags.write_expectations.empty() && !clients.empty()) {
    write_file(flags.write_expectations, expectations_json(results, clients.front().name));
    std::cout << "wrote the verdicts of " << clients.front().name << " to "
              << flags.write_expectations << std::endl;
  }
  std::cout << tally_line(results) << std::endl;
  if (gave_up_on_a_client(results)) {
    std::cerr << "chatmock-conform: an adapter could not start; check the --client command\n";
    return kSetupError;
  }
  if (const std::string empty = empty_run_reason(results); !empty.empty() && !flags.allow_empty) {
    std::cerr << "chatmock-conform: " << empty << "; pass --allow-empty if that is expected\n";
    return 1;
  }
  for (const auto& r : results) {
    if (counts_as_failed(r.standing)) return 1;
  }
  return 0;
}

}  // namespace chatmock::conform
