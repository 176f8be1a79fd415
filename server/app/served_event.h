// record_served: after a reply is built, one ServeEvent goes to the journal (bounded copies,
// secrets redacted) and one line to the request log. Shared by every endpoint.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "app/server_context.h"
#include "wire/http_request.h"
#include "wire/wire_reply.h"

namespace chatmock::app {

/// `text` with C0 and C1 control characters and DEL written as \xHH, so a request's path or
/// headers can never drive the terminal that shows the text log (escape-sequence injection).
std::string escape_control_chars(const std::string& text);

/// What the pipeline found out about a request besides its reply, for its journal entry.
struct ServedFacts {
  std::string_view scenario;  ///< what answered
  bool unmatched = false;     ///< a completion no stub matched
  std::string_view chaos;     ///< the chaos fault that fired, or ""
};

/// Journals and logs one handled request.
void record_served(ServerContext& server, const wire::HttpRequest& request,
                   const wire::SharedReply& reply, const std::string& request_id,
                   const ServedFacts& facts, std::int64_t received_at_ms, double duration_ms);

}  // namespace chatmock::app
