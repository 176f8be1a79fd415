// The `fuzz` scenario: a seeded, bounded generator of malformed replies for hardening clients.
// It mutates the JSON (types, required keys, nulls, enum values, numbers) and the bytes
// (invalid UTF-8, broken SSE framing) of an otherwise normal reply; it never grows a reply by
// more than a few hundred bytes and draws every choice from the scenario's Rng.
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
/// Byte mutations: invalid UTF-8 inside a string, and for streams broken SSE framing.
void fuzz_wire(wire::WireReply& reply, ScenarioContext& ctx);

}  // namespace chatmock::scenarios
