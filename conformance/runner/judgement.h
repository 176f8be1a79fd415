// Judgement: one case's verdict from what the adapter printed and what the journal recorded,
// per expectation kind (matches_served, error, no_hang_no_crash, retries, no_retry). Pure: the
// runner gathers the inputs, this decides, so every rule is unit-testable without processes.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "chatmock/client/chat_client.h"
#include "runner/adapter_process.h"

namespace chatmock::conform {

/// A case's result for one client.
enum class Outcome {
  kPass,  ///< behaved as the expectation says
  kFail,  ///< did not; `reason` says how
  kSkip,  ///< the adapter declared itself unavailable ({"skip": "why"}) or the case unsupported
};

struct Verdict {
  Outcome outcome = Outcome::kFail;
  std::string reason;  ///< why it failed or was skipped; "" for a pass
  /// The case could not be run at all (unknown scenario, unreadable journal): a failure that no
  /// expectations file can turn into an expected one.
  bool harness_error = false;
  /// For a skip: the whole client is unavailable ({"skip"}), not just this case
  /// ({"unsupported"}, e.g. an adapter without Responses support).
  bool skips_client = true;
};

/// The observation JSON on the adapter's stdout: its last non-blank line; discarded when none.
nlohmann::json parse_observation(const std::string& out);

/// Judges an observation against `expectation` given the journal entries of this case's session
/// (oldest first). `stream` and `api` say how to read served bodies.
Verdict judge_observation(const nlohmann::json& expectation, const nlohmann::json& observation,
                          const std::vector<nlohmann::json>& attempts, bool stream,
                          client::ClientApi api = client::ClientApi::chat_completions);

/// Judges a whole adapter run: launch, deadline, crash, observation shape, that every attempt
/// went to `api`'s route, then the expectation.
Verdict judge_run(const nlohmann::json& expectation, const AdapterRun& run,
                  const std::vector<nlohmann::json>& attempts, bool stream,
                  client::ClientApi api = client::ClientApi::chat_completions);

/// "pass" / "fail" / "skip".
std::string outcome_name(Outcome outcome);

}  // namespace chatmock::conform
