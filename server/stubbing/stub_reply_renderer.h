// render_stub_reply: a stub's reply as bytes for one request. Recorded bodies and streams go out
// exactly as stored; a ChatCompletion body is streamed through the chunk planner when the request
// streams; `synthesize` runs the synthesizer with the stub's overrides. Scenarios layered on the
// stub (its own `scenario`, then the request's X-Chatmock-Scenario) go through run_composition.
#pragma once

#include "scenarios/scenario_runner.h"
#include "stubbing/stub_mapping.h"

namespace chatmock::stubbing {

/// The reply `reply` gives for `input` with `layers` applied on top, in order.
wire::WireReply render_stub_reply(const StubReply& reply, const scenarios::Composition& layers,
                                  scenarios::RunInput input);

}  // namespace chatmock::stubbing
