// ServeEvent: one handled request as the journal keeps it (WireMock's word). Secrets are
// redacted before an event is built, so nothing downstream can leak them.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "journal/header_block.h"
#include "wire/wire_reply.h"

namespace chatmock::journal {

struct ServeEvent {
  std::string id;  ///< the x-request-id sent back
  std::string method;
  std::string path;
  HeaderBlock headers;  ///< secrets redacted
  std::string body;                                          ///< request body (bounded copy)
  std::string scenario;                                      ///< resolved scenario expression
  int status = 0;
  std::int64_t received_at_ms = 0;
  double duration_ms = 0;
  /// What was sent, for conformance: the reply itself when its body is within the journal's
  /// bound (shared with the connection still writing it, so a stream is held once), else a
  /// bounded copy in response_body.
  wire::SharedReply response;
  std::shared_ptr<const std::string> response_body;
  HeaderBlock response_headers;
  bool response_truncated = false;
};

/// Headers with credentials (authorization, api-key, cookies, OpenAI org/project) replaced by
/// "[REDACTED]"; a bearer token keeps its scheme so the shape stays visible.
std::vector<std::pair<std::string, std::string>> redact_headers(
    std::vector<std::pair<std::string, std::string>> headers);
/// The same redaction, written straight into a journal event's HeaderBlock.
HeaderBlock redacted_header_block(const std::vector<std::pair<std::string, std::string>>& headers);

/// The contract's JSON shape of one event.
nlohmann::json to_json_value(const ServeEvent& event);

}  // namespace chatmock::journal
