// Expectations files from a run: `chatmock-conform --write-expectations FILE` records what a
// client actually got, as the baseline a later run must match (the format load_expectations
// reads), and unknown ids in a hand-edited file are caught before anything runs.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "runner/case_result.h"
#include "runner/client_spec.h"

namespace chatmock::conform {

/// The expectations JSON (pretty-printed) for `client`'s results: every case with its verdict,
/// the reason kept for failures and skips. Seeds (`id#N`) fold into their case, failing when any
/// seed failed. Harness errors (unknown scenario, unreadable journal) are left out.
std::string expectations_json(const std::vector<CaseResult>& results, const std::string& client);

/// Throws naming `path` and the first case id in `spec.expected` that is not in `known_ids`.
void check_expectation_ids(const ClientSpec& spec, const std::string& path,
                           const std::set<std::string>& known_ids);

}  // namespace chatmock::conform
