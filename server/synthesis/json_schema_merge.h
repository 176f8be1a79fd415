// Folding JSON Schema conjunctions ($ref targets and allOf members) into one schema, so the
// generator can choose values that satisfy all of them at once. The checker does not need this:
// it validates each conjunct separately. A SchemaFlattener folds each $ref target once per call
// and cuts reference cycles, so {"allOf": [{"$ref": "#"}, {"$ref": "#"}]} costs one fold.
#pragma once

#include <cstddef>
#include <memory>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <vector>

#include "synthesis/json_schema_work.h"

namespace chatmock::synthesis {

/// A schema with its top-level $ref and allOf folded in; borrows the input when nothing folds.
struct FlatSchema {
  const nlohmann::json* borrowed = nullptr;  ///< The unchanged input, when nothing was folded.
  nlohmann::json owned;                      ///< The folded schema otherwise.
  int ref_hops = 0;                          ///< How many $refs were followed to build it.
  /// The folded schema, always an object.
  const nlohmann::json& get() const { return borrowed != nullptr ? *borrowed : owned; }
};

/// Folds schemas of one `root` for one top-level call; memoises every $ref target it folds.
class SchemaFlattener {
 public:
  SchemaFlattener(const nlohmann::json& root, SchemaWork& work) : root_(root), work_(work) {}

  /// `schema` with $ref targets and allOf members merged into one object schema; anyOf/oneOf
  /// stay for the caller to choose between. `true`, `false` and non-objects become {}. A $ref
  /// back into a fold in progress adds nothing (A = A ∧ B needs no second A). Once the work
  /// runs out, schemas come back unfolded.
  FlatSchema flatten(const nlohmann::json& schema, int depth);
  /// merge_schemas, charged to the work; `a` unchanged once the work runs out.
  nlohmann::json merge(const nlohmann::json& a, const nlohmann::json& b);
  SchemaWork& work() { return work_; }

 private:
  struct Folded {
    FlatSchema flat;
    std::size_t low;  ///< Outermost in-progress fold this one was cut against (npos: none).
  };
  Folded fold(const nlohmann::json& schema, int depth);
  Folded fold_target(const nlohmann::json& target, int depth);

  const nlohmann::json& root_;
  SchemaWork& work_;
  std::unordered_map<const nlohmann::json*, std::unique_ptr<FlatSchema>> memo_;
  std::vector<const nlohmann::json*> in_progress_;
};

/// A one-off fold with its own unlimited work meter (tests, tools).
FlatSchema flatten_schema(const nlohmann::json& root, const nlohmann::json& schema, int depth);
/// The conjunction of two object schemas as one schema (tighter bounds, intersected types and
/// enums, united required); conflicts it cannot express keep `a`'s keyword.
nlohmann::json merge_schemas(const nlohmann::json& a, const nlohmann::json& b);

}  // namespace chatmock::synthesis
