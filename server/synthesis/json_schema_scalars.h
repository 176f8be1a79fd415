// Numbers and strings for the instance generator: bounds, multipleOf, lengths, formats and
// patterns honoured, plausible values picked by property name. Objects, arrays and the
// combinators that lead here live in json_schema_generator.cpp.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "synthesis/json_schema_work.h"
#include "synthesis/random.h"

namespace chatmock::synthesis {

/// A number inside `schema`'s bounds and multipleOf (an integer when `integer`), plausible for
/// a property called `name`; the lower bound itself when the bounds admit nothing.
nlohmann::json generate_number(const nlohmann::json& schema, bool integer, std::string_view name,
                               Rng& rng);
/// A string meeting `schema`'s format, pattern and length keywords where they can be met;
/// `root` resolves $refs while candidates are checked. Its length also fits, and is taken from,
/// `work.instance_bytes_left`, whatever minLength asks.
std::string generate_string(const nlohmann::json& root, const nlohmann::json& schema,
                            std::string_view name, Rng& rng, SchemaWork& work);

}  // namespace chatmock::synthesis
