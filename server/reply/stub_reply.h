// A stub's reply as a selection of its own (not a scenario in disguise): stored bytes, a
// completion that replaces synthesis, or `synthesize` overrides, with the stub's scenarios and
// then the request's layered on top.
#pragma once

#include "reply/compose.h"
#include "stubbing/stub_mapping.h"

namespace chatmock::reply {

/// The reply `stub` gives for `input` with `layers` applied on top, in order.
Expected<wire::WireReply> render_stub(const stubbing::StubReply& stub,
                                      const scenarios::Composition& layers, RunInput input);

}  // namespace chatmock::reply
