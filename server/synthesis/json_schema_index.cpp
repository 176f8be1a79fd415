// Sorting positions rather than copies keeps an index of a 100k-member enum to one vector.
#include "synthesis/json_schema_index.h"

#include <algorithm>

namespace chatmock::synthesis {

JsonIndex::JsonIndex(const nlohmann::json& array) : array_(&array) {
  if (!array.is_array()) return;
  sorted_.resize(array.size());
  for (std::size_t i = 0; i < sorted_.size(); ++i) sorted_[i] = i;
  std::stable_sort(sorted_.begin(), sorted_.end(),
                   [&](std::size_t a, std::size_t b) { return array[a] < array[b]; });
}

bool JsonIndex::contains(const nlohmann::json& value) const {
  const auto it = std::lower_bound(
      sorted_.begin(), sorted_.end(), value,
      [&](std::size_t position, const nlohmann::json& v) { return (*array_)[position] < v; });
  return it != sorted_.end() && (*array_)[*it] == value;
}

std::optional<std::pair<std::size_t, std::size_t>> JsonIndex::duplicate() const {
  std::optional<std::pair<std::size_t, std::size_t>> found;
  for (std::size_t i = 1; i < sorted_.size(); ++i) {
    const std::size_t a = sorted_[i - 1];
    const std::size_t b = sorted_[i];
    if ((*array_)[a] != (*array_)[b]) continue;
    if (!found || b < found->second) found = std::pair{a, b};
  }
  return found;
}

}  // namespace chatmock::synthesis
