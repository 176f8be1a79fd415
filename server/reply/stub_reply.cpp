// A body replaces the synthesized completion (so chunk planning, framing and every layered
// scenario still apply), while recorded bytes replace the whole reply (so only wire-level
// layers apply). Without layers, stored bytes skip the pipeline: that is "byte for byte".
#include "reply/stub_reply.h"

#include "stubbing/stub_reply_renderer.h"

namespace chatmock::reply {

Expected<wire::WireReply> render_stub(const stubbing::StubReply& stub,
                                      const scenarios::Composition& layers, RunInput input) {
  using stubbing::StubReplyKind;
  const bool completion = stub.kind == StubReplyKind::http && stub.completion.has_value();
  const bool restream = completion && input.request.stream;
  if (layers.empty() && stub.kind != StubReplyKind::synthesize && !restream) {
    return stubbing::stored_reply(stub);
  }
  ReplySource source;
  std::optional<wire::WireReply> stored;
  if (stub.kind == StubReplyKind::synthesize) {
    input.definition = stub.definition;
  } else if (completion) {
    source.completion = &*stub.completion;
  } else {
    stored = stubbing::stored_reply(stub);
    source.stored = &*stored;
  }
  auto out = run_composition(layers, std::move(input), source);
  if (out && (stub.kind == StubReplyKind::synthesize || completion)) {
    stubbing::add_stub_envelope(*out, stub);
  }
  return out;
}

}  // namespace chatmock::reply
