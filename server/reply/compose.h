// The rendering half of the pipeline for one composition of scenarios: replace? → shape →
// estimate → synthesize → edit completion → (JSON body | chunks → frames → framing → pacing)
// → wire edits. Pure: no sockets, no clocks (time comes in), so every scenario is testable as
// a value. A spent budget at any stage ends the run with the budget's error.
#pragma once

#include "reply/expected.h"
#include "reply/run_input.h"
#include "scenarios/scenario_expression.h"
#include "wire/wire_reply.h"

namespace chatmock::reply {

/// What the reply starts from before the composition's hooks: synthesis (both null), a
/// completion that replaces synthesis' (a stub's body), or stored bytes that replace
/// everything but the wire edits (a stub's recorded reply).
struct ReplySource {
  const api::ChatCompletion* completion = nullptr;
  const wire::WireReply* stored = nullptr;
};

/// The reply `composition` produces for `input`, starting from `source`.
Expected<wire::WireReply> run_composition(const scenarios::Composition& composition, RunInput input,
                                          ReplySource source = {});

}  // namespace chatmock::reply
