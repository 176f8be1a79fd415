// The bookkeeping RequestPattern's matchers share: an Evaluation counts the fields a pattern
// names and the differences found (stopping at the first on the serving path), and the readers
// every matcher uses. Internal to stubbing/: request_pattern.cpp and message_checks.cpp.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "stubbing/match_result.h"
#include "stubbing/string_matcher.h"

namespace chatmock::stubbing::pattern {

class Evaluation {
 public:
  explicit Evaluation(bool stop_at_first) : stop_(stop_at_first) {}
  bool stopped() const { return stop_ && !result_.differences.empty(); }
  bool describing() const { return !stop_; }

  /// Counts one field; `describe()` -> FieldDifference runs only for a described miss.
  template <class Describe>
  void add(double distance, const Describe& describe) {
    ++fields_;
    total_ += distance;
    if (distance <= 0) return;
    result_.differences.push_back(stop_ ? FieldDifference{} : describe());
  }
  void add_weighted(std::size_t fields, std::size_t misses, FieldDifference difference) {
    fields_ += static_cast<double>(fields);
    total_ += static_cast<double>(misses);
    if (misses > 0) result_.differences.push_back(std::move(difference));
  }
  MatchResult finish() {
    result_.distance = fields_ == 0 ? 0 : total_ / fields_;
    result_.fields = static_cast<std::size_t>(fields_);
    return std::move(result_);
  }

 private:
  bool stop_;
  double fields_ = 0;
  double total_ = 0;
  MatchResult result_;
};

const nlohmann::json* member(const nlohmann::json& object, const char* key);
/// A string member, or nullopt when it is missing or not a string.
std::optional<std::string> string_member(const nlohmann::json& object, const char* key);
/// The distance of `text` from `matcher`; a plain yes/no when only a yes/no is needed, since
/// the edit distance of a miss costs far more than the comparison.
double distance_of(const StringMatcher& matcher, std::string_view text, bool graded);
/// Counts one text field; a missing text (nullopt) is a miss described as `missing`.
void check_text(Evaluation& ev, const std::string& field, const StringMatcher& matcher,
                const std::optional<std::string>& text, const char* missing = "(absent)");

}  // namespace chatmock::stubbing::pattern
