// JsonIndex: a sorted view of a JSON array's members, so enum membership, enum intersection and
// uniqueItems cost O(n log n) instead of comparing every pair. Borrows the array; nlohmann's
// operator< orders numbers by value across integer and float, matching its operator==.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <utility>
#include <vector>

namespace chatmock::synthesis {

class JsonIndex {
 public:
  /// Indexes the members of `array` (nothing when it is not an array); `array` must outlive it.
  explicit JsonIndex(const nlohmann::json& array);
  /// Whether some member equals `value`.
  [[nodiscard]] bool contains(const nlohmann::json& value) const;
  /// The positions of two equal members (lowest pair by the second position), if any.
  [[nodiscard]] std::optional<std::pair<std::size_t, std::size_t>> duplicate() const;

 private:
  const nlohmann::json* array_;
  std::vector<std::size_t> sorted_;  ///< Member positions in value order, ties by position.
};

}  // namespace chatmock::synthesis
