// Generators of JSON Schemas inside the subset synthesis/json_schema_generator.h documents as
// supported and satisfiable: typed scalars with consistent bounds, formats and patterns,
// arrays, objects (strict-mode and loose), nullable unions, anyOf, type-disjoint oneOf, allOf,
// enum/const and local $refs (recursive ones included). Never unsatisfiable on purpose.
#pragma once

#include <rapidcheck.h>

#include <nlohmann/json.hpp>

namespace chatmock::property {

/// Any supported, satisfiable schema (the root may be of any type).
rc::Gen<nlohmann::json> satisfiable_schema();
/// A satisfiable schema whose root is an object, as tool `parameters` are.
rc::Gen<nlohmann::json> object_schema();
/// An OpenAI strict-mode schema: every property required, additionalProperties false, nullable
/// via "type": [T, "null"], $defs allowed.
rc::Gen<nlohmann::json> strict_object_schema();

}  // namespace chatmock::property
