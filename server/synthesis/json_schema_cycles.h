// Schemas no finite instance satisfies because every valid value must contain another valid
// value of the same schema: {"type": "object", "properties": {"x": {"$ref": "#"}},
// "required": ["x"]}. The request validator refuses them (400, invalid_json_schema) before the
// generator could only answer with a value that does not validate.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace chatmock::synthesis {

/// The cycle, as JSON Pointers joined by " -> " ("# -> #/properties/x -> #"), when `schema`
/// forces one: a loop of $ref, allOf, single-branch anyOf/oneOf, required properties of a
/// schema whose "type" is exactly "object", and leading items of an array schema ("type":
/// "array") with minItems, that passes through at least one required property or item. Loops
/// of $ref/allOf alone ({"$ref": "#"}) constrain nothing and are not reported; loops with a way
/// out (a second anyOf branch, an optional property) are fine. Linear in the schema's size.
std::optional<std::string> find_required_cycle(const nlohmann::json& schema);

}  // namespace chatmock::synthesis
