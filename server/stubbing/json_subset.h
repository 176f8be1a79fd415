// The body matcher: a JSON pattern matches a request body when every key it names is present
// with a matching value and extra keys are ignored. Arrays match element by element at equal
// length, so a stub for turn one of a conversation never matches turn three.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>

namespace chatmock::stubbing {

/// How a body compared with a pattern, counted in the pattern's leaves (scalars, empty containers).
struct SubsetComparison {
  std::size_t leaves = 0;      ///< leaves in the pattern
  std::size_t mismatches = 0;  ///< leaves the body did not match
  std::string path;            ///< the first mismatching place, e.g. "body.messages[1].content"
  std::string expected;        ///< the pattern's value there (compact JSON, shortened)
  std::string actual;          ///< the body's value there, or "(absent)"
};

/// Compares `actual` against `pattern`; stops at the first mismatch when `stop_at_first`.
SubsetComparison compare_subset(const nlohmann::json& pattern, const nlohmann::json& actual,
                                bool stop_at_first);
/// Leaves in `pattern`: the specificity a body matcher adds.
std::size_t count_leaves(const nlohmann::json& pattern);

}  // namespace chatmock::stubbing
