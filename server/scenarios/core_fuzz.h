// The `fuzz` scenario: a seeded, bounded generator of malformed replies for hardening clients.
// It mutates the JSON (types, required keys, nulls, enum values, numbers, unknown fields, long
// strings, deep nesting) and the bytes (invalid UTF-8, bad escapes, broken SSE framing, truncated
// bodies) of an otherwise normal reply, and draws every choice from the scenario's Rng. Level 1
// grows a reply by a few hundred bytes at most, level 2 by some KiB, level 3 by up to ~1 MiB.
#pragma once

#include <vector>

#include "scenarios/scenario.h"

namespace chatmock::scenarios {

/// X-Chatmock-Fuzz-Level clamped to 1–3 (default 1): 1 mutation, 2–3 mutations, or 4–6.
int fuzz_level(const ScenarioContext& ctx);

/// JSON mutations of a non-stream body.
void fuzz_body(nlohmann::json& body, ScenarioContext& ctx);
/// JSON mutations of randomly chosen stream chunks.
void fuzz_chunks(std::vector<nlohmann::json>& chunks, ScenarioContext& ctx);
/// Byte mutations: invalid UTF-8 or a bad escape inside a string, a truncated body, and for
/// streams broken SSE framing.
void fuzz_wire(wire::WireReply& reply, ScenarioContext& ctx);

}  // namespace chatmock::scenarios
