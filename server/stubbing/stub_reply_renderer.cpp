// The stub enters the pipeline as one more scenario at the front of the composition: a body
// replaces the synthesized completion (so chunk planning, framing and every layered scenario
// still apply), while recorded bytes replace the whole reply (so only wire-level layers apply).
// Without layers, stored bytes skip the pipeline entirely: that is what "byte for byte" needs.
#include "stubbing/stub_reply_renderer.h"

#include <algorithm>

namespace chatmock::stubbing {

namespace {
wire::WireReply stored_reply(const StubReply& reply) {
  wire::WireReply out;
  out.status = reply.status;
  out.content_type = reply.content_type;
  out.headers = reply.headers;
  out.ending = reply.ending;
  if (reply.kind == StubReplyKind::chunks) {
    out.chunked = true;
    out.writes = reply.chunks;
    return out;
  }
  out.writes.push_back({reply.body, std::chrono::milliseconds(0)});
  if (reply.ending == wire::WireEnding::cut) {
    // A cut JSON body must announce more than it sends, or the client would see it complete.
    out.declared_length = std::max(reply.declared_length.value_or(0), reply.body.size() + 1);
  }
  return out;
}

/// Status and headers a synthesized or re-streamed reply takes from the stub.
void add_stub_envelope(wire::WireReply& out, const StubReply& reply) {
  if (out.status == 200 && reply.status != 200) out.status = reply.status;
  for (const auto& [name, value] : reply.headers) {
    if (!out.header(name)) out.headers.emplace_back(name, value);
  }
}
}  // namespace

wire::WireReply render_stub_reply(const StubReply& reply, const scenarios::Composition& layers,
                                  scenarios::RunInput input) {
  const bool completion = reply.kind == StubReplyKind::http && reply.completion.has_value();
  const bool restream = completion && input.request.stream;
  if (layers.empty() && reply.kind != StubReplyKind::synthesize && !restream)
    return stored_reply(reply);

  scenarios::Scenario stub{.name = "stub"};
  if (reply.kind == StubReplyKind::synthesize) {
    input.definition = reply.definition;
  } else if (completion) {
    stub.edit_completion = [&reply](api::ChatCompletion& out, scenarios::ScenarioContext&) {
      out = *reply.completion;
    };
  } else {
    stub.replace_reply = [&reply](scenarios::ScenarioContext&) {
      return std::optional(stored_reply(reply));
    };
  }
  scenarios::Composition composition{&stub};
  composition.insert(composition.end(), layers.begin(), layers.end());
  auto out = scenarios::run_composition(composition, std::move(input));
  if (reply.kind == StubReplyKind::synthesize || completion) add_stub_envelope(out, reply);
  return out;
}

}  // namespace chatmock::stubbing
