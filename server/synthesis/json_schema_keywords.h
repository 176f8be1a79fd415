// Tolerant reading of JSON Schema keywords, shared by the instance generator and the checker so
// both agree on what a keyword means: declared types, numeric bounds, counts and local $ref
// resolution. Nothing here throws; a keyword of the wrong JSON type reads as absent. Merging
// schemas lives in json_schema_merge.h; validation and generation elsewhere.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace chatmock::synthesis {

/// Nesting bound for every walk over a schema, so no input recurses unboundedly.
inline constexpr int kMaxSchemaDepth = 32;
/// JSON nesting beyond which the generator works on a pruned copy of a schema: far deeper than
/// kMaxSchemaDepth can reach, and shallow enough for nlohmann's recursive copies.
inline constexpr std::size_t kMaxJsonNesting = 256;
/// Longest string the generator builds and the checker runs a regex over.
inline constexpr std::size_t kMaxStringLength = 4096;

// Bits of a JSON Schema type set; kTypeNumber also admits integers.
inline constexpr unsigned kTypeNull = 1U << 0U;
inline constexpr unsigned kTypeBoolean = 1U << 1U;
inline constexpr unsigned kTypeInteger = 1U << 2U;
inline constexpr unsigned kTypeNumber = 1U << 3U;
inline constexpr unsigned kTypeString = 1U << 4U;
inline constexpr unsigned kTypeArray = 1U << 5U;
inline constexpr unsigned kTypeObject = 1U << 6U;

/// Whether `value` has a non-empty array or object `limit` or more levels down; iterative, so
/// any depth is safe to ask, and false for any pruned_copy(value, limit).
bool nests_deeper_than(const nlohmann::json& value, std::size_t limit);
/// A copy of `value` with everything below `limit` levels replaced by {} (the true schema);
/// the copy recurses at most `limit` deep, unlike nlohmann's own copy constructor.
nlohmann::json pruned_copy(const nlohmann::json& value, std::size_t limit);

/// The member `key` of `schema`, or nullptr when `schema` is not an object or lacks it.
const nlohmann::json* keyword(const nlohmann::json& schema, std::string_view key);
/// The types `schema` declares with "type" (0 when absent or malformed, meaning any type).
unsigned declared_types(const nlohmann::json& schema);
/// The type bits `value` satisfies; an integral number has both integer and number bits.
unsigned instance_types(const nlohmann::json& value);
/// The "type" keyword value naming the types in `mask` ("integer" folds into "number").
nlohmann::json type_json(unsigned mask);
/// A readable list of the types in `mask`, e.g. "string or null".
std::string type_names(unsigned mask);

/// The finite number stored under `key`, if any.
std::optional<double> number_keyword(const nlohmann::json& schema, std::string_view key);
/// The non-negative integer under `key`, clamped to `cap`, if any.
std::optional<std::size_t> count_keyword(const nlohmann::json& schema, std::string_view key,
                                         std::size_t cap);

/// Lower and upper numeric bounds after combining minimum/exclusiveMinimum (both drafts).
struct NumericBounds {
  std::optional<double> lo;   ///< Lower bound, if any.
  std::optional<double> hi;   ///< Upper bound, if any.
  bool lo_exclusive = false;  ///< Whether `lo` itself is excluded.
  bool hi_exclusive = false;  ///< Whether `hi` itself is excluded.
};
/// The numeric bounds `schema` places on a number.
NumericBounds numeric_bounds(const nlohmann::json& schema);

/// The subschema a local `ref` ("#", "#/$defs/X", "#/definitions/X", any "#/..." pointer) names
/// inside `root`, or nullptr when it is remote, malformed or dangling.
const nlohmann::json* resolve_ref(const nlohmann::json& root, const nlohmann::json& ref);

}  // namespace chatmock::synthesis
