// ServeEvent: one handled request as the journal keeps it (WireMock's word). Secrets are
// redacted before an event is built, so nothing downstream can leak them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "journal/credentials.h"
#include "journal/header_block.h"
#include "wire/wire_reply.h"

namespace chatmock::journal {

struct ServeEvent {
  std::string id;  ///< the x-request-id sent back
  std::string method;
  std::string path;
  HeaderBlock headers;          ///< secrets redacted
  std::string body;             ///< request body: secrets redacted, cut to the journal's body bound
  std::size_t body_bytes = 0;   ///< the request body's length as received
  bool body_truncated = false;  ///< `body` is a prefix of a longer body
  std::string scenario;         ///< resolved scenario expression
  std::string session;          ///< X-Chatmock-Session or /sessions/{id}/ ("" = global)
  std::string chaos;            ///< the --chaos / X-Chatmock-Chaos fault that fired, or ""
  bool unmatched = false;       ///< a completion no stub matched (the --strict 404s, and synthesis)
  int status = 0;
  std::int64_t received_at_ms = 0;
  double duration_ms = 0;
  double time_to_first_byte_ms = 0;  ///< duration plus the first write's delay
  /// What was sent, for conformance: the reply itself when its body is within the journal's
  /// bound (shared with the connection still writing it, so a stream is held once), else a
  /// bounded copy in response_body.
  wire::SharedReply response;
  std::shared_ptr<const std::string> response_body;
  HeaderBlock response_headers;
  bool response_truncated = false;
  std::size_t response_bytes = 0;  ///< the reply body's length as sent

  /// What keeping this event costs, for the journal's byte bound.
  std::size_t kept_bytes() const;
};

/// Headers with credentials (journal/credentials.h) replaced by "[REDACTED]" — a bearer token
/// keeps its scheme so the shape stays visible — and key-shaped values in any other header too.
std::vector<std::pair<std::string, std::string>> redact_headers(
    std::vector<std::pair<std::string, std::string>> headers);
/// The same, with a redactor the caller already built from these headers (it redacts the body
/// with it too), so the headers are not scanned for secrets twice.
std::vector<std::pair<std::string, std::string>> redact_headers(
    std::vector<std::pair<std::string, std::string>> headers, const SecretRedactor& redactor);
/// The same redaction, written straight into a journal event's HeaderBlock; `redactor` also
/// hides the request's own credentials echoed in other headers.
HeaderBlock redacted_header_block(const std::vector<std::pair<std::string, std::string>>& headers,
                                  const SecretRedactor& redactor = {});

/// The contract's JSON shape of one event.
nlohmann::json to_json_value(const ServeEvent& event);

}  // namespace chatmock::journal
