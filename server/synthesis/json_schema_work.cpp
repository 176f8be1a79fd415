// Counting what a deep copy costs, iteratively and only as far as asked, so charging a copy
// never costs more than the copy itself would.
#include "synthesis/json_schema_work.h"

#include <vector>

namespace chatmock::synthesis {

std::size_t node_count(const nlohmann::json& value, std::size_t limit) {
  std::size_t count = 0;
  std::vector<const nlohmann::json*> pending = {&value};
  while (!pending.empty() && count < limit) {
    const nlohmann::json* node = pending.back();
    pending.pop_back();
    ++count;
    if (node->is_structured()) {
      for (const auto& child : *node) pending.push_back(&child);
    }
  }
  return count;
}

bool SchemaWork::spend_copy(const nlohmann::json& value, long weight) {
  if (exhausted_) return false;
  const auto reach = static_cast<std::size_t>(left_ < 0 ? 0 : left_ / weight) + 1;
  return spend(static_cast<long>(node_count(value, reach)) * weight);
}

}  // namespace chatmock::synthesis
