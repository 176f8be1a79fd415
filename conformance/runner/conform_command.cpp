// Setup errors (no server, unreadable cases) exit 2 so CI can tell "the client failed" (1) from
// "the harness could not run" (2).
#include "runner/conform_command.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "runner/admin_client.h"
#include "runner/conformance_case.h"
#include "runner/fuzz_cases.h"
#include "runner/fuzz_shrink.h"
#include "runner/progress_display.h"
#include "runner/reports.h"
#include "runner/server_process.h"
#include "runner/suite_run.h"

#ifndef CHATMOCK_CONFORM_CASES_DIR
#define CHATMOCK_CONFORM_CASES_DIR "conformance/cases"
#endif

namespace chatmock::conform {
namespace {

constexpr int kSetupError = 2;

std::string cases_directory(const ConformFlags& flags) {
  if (!flags.cases_dir.empty()) return flags.cases_dir;
  if (const char* env = std::getenv("CHATMOCK_CONFORM_CASES"); env != nullptr && *env != '\0')
    return env;
  if (std::filesystem::is_directory("conformance/cases")) return "conformance/cases";
  return CHATMOCK_CONFORM_CASES_DIR;
}

// http://h:p, http://h:p/ and http://h:p/v1 all mean the server root.
std::string server_root(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  if (url.size() >= 3 && url.compare(url.size() - 3, 3, "/v1") == 0) url.resize(url.size() - 3);
  return url;
}

std::vector<ClientSpec> client_specs(const ConformFlags& flags) {
  if (flags.expectations.size() > flags.clients.size()) {
    throw std::runtime_error("more --expectations than --client flags");
  }
  std::vector<ClientSpec> specs;
  for (std::size_t i = 0; i < flags.clients.size(); ++i) {
    ClientSpec spec{.name = client_name_for(flags.clients[i]), .command = flags.clients[i]};
    if (i < flags.expectations.size() && !flags.expectations[i].empty()) {
      spec.expected = load_expectations(flags.expectations[i]);
      spec.has_expectations = true;
    }
    specs.push_back(std::move(spec));
  }
  return specs;
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::trunc) << text;
}

}  // namespace

int run_conform(const ConformFlags& flags) {
  std::vector<ConformanceCase> cases;
  std::vector<ClientSpec> clients;
  try {
    for (auto& c : load_cases(cases_directory(flags))) {
      if (matches_glob(flags.cases_glob, c.id)) cases.push_back(std::move(c));
    }
    add_fuzz_cases(cases, flags.fuzz, flags.fuzz_level, flags.cases_glob);
    clients = client_specs(flags);
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
  SuiteOptions options{.timeout_ms = flags.timeout_ms,
                       .seeds = std::max(1, flags.seeds),
                       .jobs = std::max(1, flags.jobs)};
  if (flags.server.empty()) {
    if (const std::string error = server.start(locate_chatmock(flags.chatmock), flags.server_seed);
        !error.empty()) {
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
  std::cout << tally_line(results) << std::endl;
  for (const auto& r : results) {
    if (counts_as_failed(r.standing)) return 1;
  }
  return 0;
}

}  // namespace chatmock::conform
