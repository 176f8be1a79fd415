// The `fuzz` scenario: a seeded, bounded generator of malformed replies for hardening clients.
// It mutates the JSON (types, required keys, nulls, enum values, numbers, unknown fields, long
// strings, deep nesting) and the bytes (invalid UTF-8, bad escapes, broken SSE framing, truncated
// bodies) of an otherwise normal reply, and draws every choice from the scenario's Rng. Level 1
// grows a reply by a few hundred bytes at most, level 2 by some KiB, level 3 by up to ~1 MiB.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "scenarios/scenario.h"

namespace chatmock::scenarios {

/// X-Chatmock-Fuzz-Level clamped to 1–3 (default 1): 1 mutation, 2–3 mutations, or 4–6.
int fuzz_level(const reply::Directives& directives);
int fuzz_level(const ScenarioContext& ctx);

/// How many JSON and byte mutations a reply gets; every stage derives the same plan from the
/// scenario's Rng (forked, never advanced), so JSON, event and wire stages agree.
struct FuzzPlan {
  int json_mutations = 0;
  int byte_mutations = 0;
};
FuzzPlan fuzz_plan(const synthesis::Rng& scenario_rng, int level);

/// What the JSON mutations know of an API's schema: keys required wherever they occur (dropped or
/// nulled to break it), the required ones that may hold null, and enum values it does not define.
struct FuzzSchema {
  const std::set<std::string, std::less<>>& required_keys;
  const std::set<std::string, std::less<>>& nullable_keys;
  const std::vector<std::pair<std::string_view, std::vector<std::string>>>& unknown_enum_values;
};

/// One seeded mutation of `root`; `must_break` restricts it to ones `schema` rejects.
void mutate_fuzz_json(nlohmann::json& root, synthesis::Rng& rng, bool must_break, int level,
                      const FuzzSchema& schema);

/// JSON mutations of a non-stream body.
void fuzz_body(nlohmann::json& body, ScenarioContext& ctx);
/// JSON mutations of randomly chosen stream chunks.
void fuzz_chunks(std::vector<nlohmann::json>& chunks, ScenarioContext& ctx);
/// Byte mutations: invalid UTF-8 or a bad escape inside a string, a truncated body, and for
/// streams broken SSE framing.
void fuzz_wire(wire::WireReply& reply, ScenarioContext& ctx);

}  // namespace chatmock::scenarios
