// A stub's reply as stored: recorded bodies and streams go out byte for byte, with the stub's
// status and headers. The reply pipeline (reply/stub_reply.h) decides when stored bytes are
// the whole answer and when a stub's completion or `synthesize` overrides go through scenarios.
#pragma once

#include "stubbing/stub_mapping.h"
#include "wire/wire_reply.h"

namespace chatmock::stubbing {

/// The stored reply exactly as the fixture holds it.
wire::WireReply stored_reply(const StubReply& reply);

/// Status and headers a synthesized or re-streamed reply takes from the stub.
void add_stub_envelope(wire::WireReply& out, const StubReply& reply);

}  // namespace chatmock::stubbing
