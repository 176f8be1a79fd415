// Deterministic synthesis of JSON instances from a JSON Schema: tool-call `arguments` and
// `response_format: json_schema` content that validate, and realistic near-misses that don't.
// Pure functions of (schema, Rng); no I/O, no clock. Validation lives in json_schema_checker.h.
//
// Supported keywords (generator and checker alike):
//   type (a name or an array of names, "null" included; "integer" also accepts 2.0), enum,
//   const, required, properties, additionalProperties (boolean or schema), items (schema, or
//   the draft 4-7 array form as a tuple), prefixItems, minimum, maximum, exclusiveMinimum and
//   exclusiveMaximum (numbers, or draft 4 booleans), multipleOf, minLength/maxLength (counted
//   in code points), minItems/maxItems, uniqueItems, anyOf, oneOf, allOf, $ref to local
//   pointers ("#", "#/$defs/X", "#/definitions/X", any "#/..." path; no percent-decoding, no
//   remote refs), format (date-time, date, time, email, uri, uuid, ipv4, hostname) and pattern.
//   Strict-mode OpenAI schemas (every property required, additionalProperties: false, nullable
//   via "type": ["string", "null"]) are the main target.
// Ignored everywhere (the checker treats them as always satisfied): not, if/then/else,
//   patternProperties, propertyNames, dependent*, min/maxProperties, contains, unevaluated*,
//   additionalItems, unknown formats, and every annotation (title, description, default...).
//
// How values are chosen: const and enum first (an enum member that also passes the rest of the
// schema); for anyOf/oneOf a branch is tried in random order and kept only if the whole
// schema accepts the result; allOf members and $ref targets are merged into one schema (types
// and enums intersected, bounds tightened, required united, properties conjoined). Objects get
// every required property and, with some probability, a few optional ones, never undeclared
// ones. Arrays get minItems to minItems+3 items (duplicates regenerated under uniqueItems).
// Strings follow format, then pattern, then the property name ("city" → "Lisbon", "email" →
// an address, "created_at" → a date-time), padded or cut to minLength/maxLength. Numbers
// respect bounds and multipleOf, with ranges suggested by the name ("age", "latitude"...).
// pattern generation understands literals, classes ([a-z0-9_], [^...]), \d \w \s and their
// negations, '.', ? * + {n} {n,} {n,m}, groups (also (?:...)) with alternation, \xHH and
// \uHHHH for printable ASCII, and the anchors ^ $.
//
// Fallbacks, none of which throws:
//   * A pattern outside that subset: candidates come from a relaxed parse that drops
//     lookarounds, \b and backreferences; every pattern candidate is kept only if RE2 matches
//     it (json_schema_regex.h: linear time, ECMAScript \uHHHH and (?<name>) translated).
//     A pattern RE2 cannot take (backreferences, lookarounds, over 1000 bytes) is unsupported:
//     the checker skips it (treats it as satisfied); no backtracking engine ever runs it.
//     Failing that, a few fixed strings ("example", "a", "0"...) are tried, else "example".
//   * Recursion: $ref targets and allOf fold once per call (memoised); a $ref back into a fold
//     in progress adds nothing. Past 3 $ref hops or nesting depth 16 the generator turns
//     minimal (no optional properties, minItems items, null or the non-recursive branch of
//     anyOf first); at depth 32 or after 5000 steps it stops with the smallest value of the
//     declared type ({}, [], "", 0, false or null), which may not validate.
//   * Required-property cycles (no finite instance: json_schema_cycles.h): the request
//     validator refuses them with a 400 (invalid_json_schema); called directly, the generator
//     answers with the depth-bounded value above, which does not validate.
//   * Unsatisfiable schemas (false, contradicting bounds or types, empty enums): a value of the
//     declared type that may not validate. Each top-level call makes up to 6 attempts and
//     returns the first valid one, else the one with the fewest violations.
//   * Garbage (a schema that is not an object, keywords of the wrong JSON type): the offending
//     keyword is ignored; a schema that is not an object generates like {}.
//   * Size: lengths and counts are capped at 4096 characters and 256 items (minLength: 1e12
//     and minItems: 1e12 included, never allocated), one instance's strings at 256 KiB or the
//     budget's remaining reply bytes, whichever is less. Enums over 64 members are sampled.
//   * Work: every call (generate, violate, check) has a SchemaWork meter (json_schema_work.h,
//     400k units, well under a second in a release build) shared by folding, copying and
//     checking, and stops early — smallest values, checks reported as passing — once it or
//     the caller's WorkBudget (deadline, cancellation) runs out.
// The checker additionally skips pattern and format regexes on strings over 4096 bytes, treats
// a $ref that loops back to the same value without descending ({"$ref": "#"}) as satisfied,
// and stops past depth 64 or 200000 steps; such parts are reported as valid.
#pragma once

#include <nlohmann/json.hpp>

#include "budget/work_budget.h"
#include "synthesis/random.h"

namespace chatmock::synthesis {

/// A value that validates against `schema`, chosen deterministically from `rng`. Never throws;
/// for unsatisfiable/unsupported constructs falls back to a valid-looking value (see above).
/// Runs with an unlimited budget; the internal step, depth and size caps still apply.
nlohmann::json generate_instance(const nlohmann::json& schema, Rng& rng);
/// generate_instance that also stops early, with the smallest values, once `budget` is spent
/// (deadline, cancellation), and keeps the instance's strings within budget.remaining_bytes().
/// Never throws; does not charge the budget (the caller charges the reply it builds).
nlohmann::json generate_instance(const nlohmann::json& schema, Rng& rng,
                                 budget::WorkBudget& budget);

/// Valid JSON that breaks `schema` in a realistic way (a dropped required key, a wrong type for
/// a property, an extra key under additionalProperties: false, an out-of-enum value...), such
/// that check_instance reports at least one violation whenever the schema constrains anything;
/// for an unconstraining schema, an object with a hallucinated key.
nlohmann::json generate_violating_instance(const nlohmann::json& schema, Rng& rng);
/// generate_violating_instance under `budget`, like the budgeted generate_instance.
nlohmann::json generate_violating_instance(const nlohmann::json& schema, Rng& rng,
                                           budget::WorkBudget& budget);

}  // namespace chatmock::synthesis
