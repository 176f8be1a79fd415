// Split from request_pattern.cpp so each matcher family has a file of its own; the readers
// never throw on a body of the wrong shape (a journal search reads unvalidated bodies).
#include "stubbing/pattern_evaluation.h"

namespace chatmock::stubbing::pattern {

const nlohmann::json* member(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

std::optional<std::string> string_member(const nlohmann::json& object, const char* key) {
  const auto* value = member(object, key);
  if (value == nullptr || !value->is_string()) return std::nullopt;
  return value->get<std::string>();
}

double distance_of(const StringMatcher& matcher, std::string_view text, bool graded) {
  if (graded) return matcher.distance(text);
  return matcher.matches(text) ? 0.0 : 1.0;
}

void check_text(Evaluation& ev, const std::string& field, const StringMatcher& matcher,
                const std::optional<std::string>& text, const char* missing) {
  const double distance = text ? distance_of(matcher, *text, ev.describing()) : 1.0;
  ev.add(distance, [&] {
    return FieldDifference{field, matcher.describe(), text ? quote_for_message(*text) : missing};
  });
}

}  // namespace chatmock::stubbing::pattern
