// Validation of a JSON instance against a JSON Schema, reporting every violation with a JSON
// Pointer and the failing keyword, for tests and for scenarios that must know whether a
// synthesized value conforms. It understands the keyword subset listed in
// json_schema_generator.h and ignores the rest; it performs no I/O and never throws.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "budget/work_budget.h"

namespace chatmock::synthesis {

class SchemaWork;

/// One reason an instance fails a schema; `path` is a JSON Pointer into the instance ("/city"),
/// `keyword` the schema keyword ("required", "type", "enum", ...).
struct SchemaViolation {
  std::string path;     ///< Where in the instance; for "required", the missing member's path.
  std::string keyword;  ///< The failing keyword; "false" for a `false` subschema.
  std::string message;  ///< A readable explanation, not meant to be parsed.
};

/// Every violation of `instance` against `schema` (empty == valid). Unsupported keywords are
/// ignored, and so is whatever lies deeper than the nesting bound or past the work budget.
std::vector<SchemaViolation> check_instance(const nlohmann::json& schema,
                                            const nlohmann::json& instance);

/// check_instance that also stops once `budget` is spent (what it did not reach counts as valid).
std::vector<SchemaViolation> check_instance(const nlohmann::json& schema,
                                            const nlohmann::json& instance,
                                            budget::WorkBudget& budget);

/// Every violation of `instance` against `schema`, a subschema of `root` whose $refs resolve
/// against `root`.
std::vector<SchemaViolation> check_subschema(const nlohmann::json& root,
                                             const nlohmann::json& schema,
                                             const nlohmann::json& instance);
/// check_subschema charging the caller's work meter (shared by a whole generation).
std::vector<SchemaViolation> check_subschema(const nlohmann::json& root,
                                             const nlohmann::json& schema,
                                             const nlohmann::json& instance, SchemaWork& work);

}  // namespace chatmock::synthesis
