// Fuzz cases of chatmock-conform (`--fuzz N`, `--cases fuzz.SEED`, `responses_fuzz.SEED`): the
// seeded `fuzz` scenario requests on both APIs, and for each failing one the lines a user pastes
// to reproduce it — a curl command that fetches the same reply and a chatmock-conform invocation
// that reruns only that seed.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "runner/case_result.h"
#include "runner/client_spec.h"
#include "runner/conformance_case.h"

namespace chatmock::conform {

/// The case `fuzz.<seed>`: scenario fuzz at `level`, JSON for odd seeds and a stream for even.
ConformanceCase fuzz_case(int seed, int level);

/// The case `responses_fuzz.<seed>`: the same on POST /v1/responses (api: responses).
ConformanceCase responses_fuzz_case(int seed, int level);

/// The seed of a case id "fuzz.<seed>" or "responses_fuzz.<seed>" (also with "#<n>" under
/// --seeds), else nullopt.
std::optional<int> fuzz_seed_of(std::string_view case_id);

/// The case of `cases` a result's id names ("fuzz.3#2" → the case "fuzz.3"), or nullptr.
const ConformanceCase* case_of_result(const std::vector<ConformanceCase>& cases,
                                      std::string_view result_id);

/// Appends fuzz.1 … fuzz.<count> and responses_fuzz.1 … responses_fuzz.<count> that match
/// `globs`, plus every case a glob names exactly as "fuzz.<seed>" or "responses_fuzz.<seed>"
/// (so `--cases fuzz.17` reruns seed 17 without --fuzz).
void add_fuzz_cases(std::vector<ConformanceCase>& cases, int count, int level,
                    std::string_view globs);

/// Where a reproduction's curl should point: the server of the run.
struct ReproTarget {
  std::string root_url;  ///< http://HOST:PORT
  bool runner_started_server = false;
  std::string api_key;
  int level = 1;
};

/// One line each: `curl …` that fetches the reply of `c` from chatmock.
std::string curl_line(const ConformanceCase& c, const ReproTarget& target);
/// `chatmock-conform --client '<command>' --cases <id> [--fuzz-level L]`.
std::string conform_line(const ConformanceCase& c, const ClientSpec& client, int level);

/// For every failed fuzz result, the seed, why, and both reproduction lines; returns how many.
std::size_t print_fuzz_reproductions(const std::vector<CaseResult>& results,
                                     const std::vector<ConformanceCase>& cases,
                                     const std::vector<ClientSpec>& clients,
                                     const ReproTarget& target, std::ostream& out);

/// `text` quoted for /bin/sh with single quotes.
std::string shell_quoted(std::string_view text);

}  // namespace chatmock::conform
