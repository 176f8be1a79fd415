// A cut JSON body keeps declaring more than it sends; headers the pipeline already set win
// over the stub's, so a layered scenario's status or header is never undone.
#include "stubbing/stub_reply_renderer.h"

#include <algorithm>

namespace chatmock::stubbing {

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

void add_stub_envelope(wire::WireReply& out, const StubReply& reply) {
  if (out.status == 200 && reply.status != 200) out.status = reply.status;
  for (const auto& [name, value] : reply.headers) {
    if (!out.header(name)) out.headers.emplace_back(name, value);
  }
}

}  // namespace chatmock::stubbing
