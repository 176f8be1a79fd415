// The scalar half of the schema generator, shared by its composite schemas in
// schema_generators.cpp: satisfiable string and number schemas. Internal to the property
// generators; properties use schema_generators.h.
#pragma once

#include <rapidcheck.h>

#include <nlohmann/json.hpp>

namespace chatmock::property {

/// A satisfiable {"type": "string", …}: lengths, a format, a pattern, an enum or a const.
nlohmann::json string_schema();
/// A satisfiable {"type": "integer" | "number", …}: bounds of every draft and multipleOf.
nlohmann::json number_schema(bool integer);

}  // namespace chatmock::property
