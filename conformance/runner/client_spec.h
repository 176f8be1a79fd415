// ClientSpec: one `--client` column of a run — its command, a short name for reports, and the
// verdicts it is expected to get (conformance/expectations/<name>.json), which turn a known SDK
// shortcoming into a pinned, reviewed fact instead of a red build.
#pragma once

#include <map>
#include <string>

#include "runner/judgement.h"

namespace chatmock::conform {

/// What a client is expected to get on one case.
struct ExpectedVerdict {
  Outcome outcome = Outcome::kPass;
  std::string reason;  ///< the finding, for expected failures
};

struct ClientSpec {
  std::string name;     ///< column title, e.g. "node-openai"
  std::string command;  ///< run with /bin/sh -c
  bool has_expectations = false;
  std::map<std::string, ExpectedVerdict> expected;  ///< by case id; absent = pass

  /// The expected verdict for `case_id` (pass when the file does not list it).
  ExpectedVerdict expected_for(const std::string& case_id) const;
};

/// A column name for a command: the folder after `clients/` when the command names one
/// (conformance/clients/node-openai/adapter.mjs → node-openai), else the first word's basename.
std::string client_name_for(const std::string& command);

/// Loads an expectations file: {"client": …, "cases": {"<id>": {"verdict": "pass|fail|skip",
/// "reason": …}}}. Throws std::runtime_error naming the file on a malformed entry.
std::map<std::string, ExpectedVerdict> load_expectations(const std::string& path);

}  // namespace chatmock::conform
