// Folding JSON Schema conjunctions ($ref targets and allOf members) into one schema, so the
// generator can choose values that satisfy all of them at once. The checker does not need this:
// it validates each conjunct separately.
#pragma once

#include <nlohmann/json.hpp>

namespace chatmock::synthesis {

/// A schema with its top-level $ref and allOf folded in; borrows the input when nothing folds.
struct FlatSchema {
  const nlohmann::json* borrowed = nullptr;  ///< The unchanged input, when nothing was folded.
  nlohmann::json owned;                      ///< The folded schema otherwise.
  int ref_hops = 0;                          ///< How many $refs were followed to build it.
  /// The folded schema, always an object.
  const nlohmann::json& get() const { return borrowed != nullptr ? *borrowed : owned; }
};
/// `schema` with $ref targets and allOf members merged into one object schema; anyOf/oneOf
/// stay for the caller to choose between. `true`, `false` and non-objects become {}.
FlatSchema flatten_schema(const nlohmann::json& root, const nlohmann::json& schema, int depth);
/// The conjunction of two object schemas as one schema (tighter bounds, intersected types and
/// enums, united required); conflicts it cannot express keep `a`'s keyword.
nlohmann::json merge_schemas(const nlohmann::json& a, const nlohmann::json& b);

}  // namespace chatmock::synthesis
