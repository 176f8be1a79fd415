// Numbers compare by value (1 matches 1.0), as nlohmann's operator== does across number types.
#include "stubbing/json_subset.h"

#include "stubbing/string_matcher.h"

namespace chatmock::stubbing {

namespace {
std::string shown(const nlohmann::json& value) {
  if (value.is_string()) return quote_for_message(value.get_ref<const std::string&>());
  auto text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (text.size() > 80) text = text.substr(0, 80) + "…";
  return text;
}

class Comparer {
 public:
  Comparer(SubsetComparison& out, bool stop_at_first) : out_(out), stop_(stop_at_first) {}

  void compare(const nlohmann::json& pattern, const nlohmann::json* actual,
               const std::string& path) {
    if (stop_ && out_.mismatches > 0) return;
    if (pattern.is_object() && !pattern.empty()) {
      for (const auto& [key, value] : pattern.items()) {
        const nlohmann::json* child = nullptr;
        if (actual != nullptr && actual->is_object()) {
          const auto it = actual->find(key);
          if (it != actual->end()) child = &*it;
        }
        compare(value, child, path + "." + key);
      }
      return;
    }
    if (pattern.is_array() && !pattern.empty()) {
      if (actual == nullptr || !actual->is_array() || actual->size() != pattern.size()) {
        const auto leaves = count_leaves(pattern);
        out_.leaves += leaves;
        miss(leaves, path, std::to_string(pattern.size()) + " items",
             actual == nullptr    ? "(absent)"
             : actual->is_array() ? std::to_string(actual->size()) + " items"
                                  : shown(*actual));
        return;
      }
      for (std::size_t i = 0; i < pattern.size(); ++i) {
        compare(pattern[i], &(*actual)[i], path + "[" + std::to_string(i) + "]");
      }
      return;
    }
    ++out_.leaves;
    if (actual != nullptr && *actual == pattern) return;
    miss(1, path, shown(pattern), actual == nullptr ? "(absent)" : shown(*actual));
  }

 private:
  void miss(std::size_t count, const std::string& path, std::string expected, std::string actual) {
    if (out_.mismatches == 0) {
      out_.path = path;
      out_.expected = std::move(expected);
      out_.actual = std::move(actual);
    }
    out_.mismatches += count;
  }

  SubsetComparison& out_;
  bool stop_;
};
}  // namespace

std::size_t count_leaves(const nlohmann::json& pattern) {
  if ((pattern.is_object() || pattern.is_array()) && !pattern.empty()) {
    std::size_t total = 0;
    for (const auto& child : pattern) total += count_leaves(child);
    return total;
  }
  return 1;
}

SubsetComparison compare_subset(const nlohmann::json& pattern, const nlohmann::json& actual,
                                bool stop_at_first) {
  SubsetComparison out;
  Comparer(out, stop_at_first).compare(pattern, &actual, "body");
  if (stop_at_first && out.mismatches > 0) out.leaves = std::max(out.leaves, count_leaves(pattern));
  return out;
}

}  // namespace chatmock::stubbing
