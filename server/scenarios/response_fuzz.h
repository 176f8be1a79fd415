// The `fuzz` scenario's Responses form: the same seeded, bounded mutations as core_fuzz.h, aimed
// at a Response body and at the event stream of POST /v1/responses (wrong types, missing keys,
// unknown enum values and event types, dropped, repeated or swapped events). Byte mutations
// (invalid UTF-8, broken SSE, truncation) come from fuzz_wire, which serves both APIs.
#pragma once

#include <vector>

#include "scenarios/scenario.h"
#include "scenarios/scenario_catalogue.h"

namespace chatmock::scenarios {

/// JSON mutations of a non-stream Response; a stream's Response is left alone (its events are
/// fuzzed instead) and the top-level `id` always stays, since the store keys by it.
void fuzz_response(responses::Json& response, ResponseScenarioContext& ctx);

/// JSON mutations of randomly chosen events, and stream-level ones: an event of an unknown type,
/// a dropped, a repeated or two swapped events.
void fuzz_response_events(std::vector<responses::Json>& events, ResponseScenarioContext& ctx);

}  // namespace chatmock::scenarios
