// MatchResult: how well one request fits one stub (WireMock's MatchResult): a distance from 0
// (exact) to 1 (nothing alike) and, for a miss, which fields differed — the raw material of
// near misses and the --strict 404. Computing it is RequestPattern's job.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace chatmock::stubbing {

/// One field of a stub's pattern that the request did not satisfy.
struct FieldDifference {
  std::string field;     ///< e.g. "model", "messages[role=tool].tool_call_id", "body.temperature"
  std::string expected;  ///< the matcher, e.g. `equals "gpt-4o"`
  std::string actual;    ///< what the request had, quoted and shortened
  bool operator==(const FieldDifference&) const = default;
};

struct MatchResult {
  double distance = 0;     ///< mean of the per-field distances over the fields the pattern names
  std::size_t fields = 0;  ///< how many fields were compared (body leaves count one each)
  std::vector<FieldDifference> differences;
  /// True when every field matched.
  bool is_exact_match() const { return differences.empty(); }
};

}  // namespace chatmock::stubbing
