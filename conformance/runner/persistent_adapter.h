// PersistentAdapter: one adapter process kept for many cases (chatmock-conform --persistent):
// a case is one JSON line on its stdin, the answer the first JSON-object line on its stdout.
// Starting node with an SDK costs ~0.5 s of CPU; a run of 300 cases paid it 300 times.
#pragma once

#include <map>
#include <string>

#include "runner/adapter_process.h"

namespace chatmock::conform {

class PersistentAdapter {
 public:
  PersistentAdapter(std::string command, std::map<std::string, std::string> environment);
  ~PersistentAdapter();
  PersistentAdapter(const PersistentAdapter&) = delete;
  PersistentAdapter& operator=(const PersistentAdapter&) = delete;

  /// Sends `line` (one JSON object and a newline) and waits at most `timeout_ms` for the answer
  /// line. Answered: exit_code 0 and `out` holding the lines up to the answer. Otherwise the run
  /// reads as a one-shot run that ended the same way (exit status, signal, timed_out), and the
  /// next exchange starts a fresh process.
  AdapterRun exchange(const std::string& line, int timeout_ms);

 private:
  void stop(AdapterRun& run, bool kill);

  std::string command_;
  std::map<std::string, std::string> environment_;
  AdapterChild child_;
};

}  // namespace chatmock::conform
