// Recorder: `chatmock serve --record DIR --upstream URL`. It forwards a chat completion or
// Responses request upstream, answers the client with exactly what came back, and writes the
// exchange as a fixture (redacted, atomically, never over an existing file), adding it to the live
// stubs so that in "new" mode the same request is replayed from then on.
#pragma once

#include <string>
#include <string_view>

#include "http/upstream_client.h"
#include "recording/record_spec.h"
#include "stubbing/stub_registry.h"
#include "wire/http_request.h"
#include "wire/wire_reply.h"

namespace chatmock::recording {

class Recorder {
 public:
  /// Prepares `spec.dir` (created when missing, stale temp files removed); throws
  /// std::runtime_error for an unusable folder or upstream URL.
  Recorder(RecordSpec spec, stubbing::StubRegistry& registry);

  const RecordSpec& spec() const { return spec_; }
  /// True when every request goes upstream, matched or not.
  bool records_everything() const { return spec_.mode == RecordMode::all; }
  /// Proxies `request` to the upstream's `api_path` ("/chat/completions", "/responses") and
  /// records the exchange; a 502 API error when upstream is unreachable (nothing is recorded).
  wire::WireReply record(const wire::HttpRequest& request,
                         std::string_view api_path = "/chat/completions");

 private:
  RecordSpec spec_;
  http::UpstreamClient upstream_;
  stubbing::StubRegistry& registry_;
};

}  // namespace chatmock::recording
