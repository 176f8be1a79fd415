// chatmock-conform: runs client adapters against the case catalogue and reports a verdict per
// case (docs/interface.md `chatmock-conform`). Flags only; the work is in conform_command.cpp.
#include <CLI/CLI.hpp>

#include "runner/conform_command.h"

int main(int argc, char** argv) {
  chatmock::conform::ConformFlags flags;
  CLI::App app{"Run client adapters against chatmock's conformance cases."};
  app.add_option("--client", flags.clients,
                 "Adapter command, run with /bin/sh -c (repeat for several columns)");
  app.add_option("--expectations", flags.expectations,
                 "Expected verdicts for the client in the same position (JSON file)");
  app.add_option("--server", flags.server, "Use a running chatmock at URL instead of starting one");
  app.add_option("--chatmock", flags.chatmock,
                 "chatmock binary to start (default: beside this build, $CHATMOCK_BIN)");
  app.add_option("--cases", flags.cases_glob,
                 "Only cases whose id matches GLOB (comma-separated globs)");
  app.add_option("--cases-dir", flags.cases_dir,
                 "Folder of case files (default conformance/cases)");
  app.add_option("--seeds", flags.seeds, "Run every case with seeds 1..N")
      ->check(CLI::Range(1, 1000));
  app.add_option("--fuzz", flags.fuzz, "Add N seeded fuzz-scenario cases (no hang, no crash)")
      ->check(CLI::Range(0, 100000));
  app.add_option("--fuzz-level", flags.fuzz_level,
                 "X-Chatmock-Fuzz-Level of the fuzz cases: more mutations per reply")
      ->check(CLI::Range(1, 3));
  app.add_flag("--shrink", flags.shrink,
               "Reduce the reply of each failing fuzz seed (first 3) to a minimal failing one");
  app.add_option("--jobs,-j", flags.jobs, "Adapter runs in flight at once (default 1)")
      ->check(CLI::Range(1, 64));
  app.add_flag("--persistent", flags.persistent,
               "Start each adapter once per job and send it one case per stdin line (it answers "
               "one observation line each; see conformance/README.md)");
  app.add_option("--timeout-ms", flags.timeout_ms, "Per-case adapter deadline")
      ->check(CLI::Range(100, 3600000));
  app.add_option("--junit", flags.junit, "Write JUnit XML to FILE");
  app.add_option("--report", flags.report, "Write a markdown matrix (cases x clients) to FILE.md");
  app.add_option("--server-seed", flags.server_seed, "--seed for the chatmock this run starts");
  app.add_flag("--list", flags.list, "List the selected cases and exit");
  app.add_flag("--allow-empty", flags.allow_empty,
               "Exit 0 even when no case ran or every case was skipped");
  app.add_option("--write-expectations", flags.write_expectations,
                 "Write the first client's verdicts to FILE (a baseline for --expectations)");
  app.add_option("--chaos", flags.chaos,
                 "Instead of the cases: run each client through seeded faults, e.g. "
                 "'error_429=20%,error_500=10%,disconnect=5%', and report per fault how its "
                 "calls ended (recovered, gave up, hung, crashed)");
  app.add_option("--chaos-calls", flags.chaos_calls, "Client calls under --chaos (default 40)")
      ->check(CLI::Range(1, 10000));
  CLI11_PARSE(app, argc, argv);
  return chatmock::conform::run_conform(flags);
}
