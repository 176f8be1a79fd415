// NearMiss: a stub that almost matched a request (WireMock's NearMiss) — its distance and the
// fields that differed — and the two ways chatmock shows them: the --strict 404 (an OpenAI-shaped
// error naming the three closest stubs) and GET /_chatmock/near-misses.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "api/api_error.h"
#include "stubbing/match_result.h"

namespace chatmock::stubbing {

struct NearMiss {
  std::string stub_id;
  std::string stub_name;
  std::string source;  ///< file:line or "admin API"
  double distance = 1;
  std::vector<FieldDifference> differences;
};

/// {stub_id, name, source, distance, differences: [{field, expected, actual}]}.
nlohmann::json to_json_value(const NearMiss& miss);
/// The --strict answer to an unmatched request: 404, code "no_matching_stub", the message naming
/// the closest stubs and what differed in each.
api::ApiError no_matching_stub(const std::vector<NearMiss>& closest);

}  // namespace chatmock::stubbing
