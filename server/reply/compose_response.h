// The rendering half of POST /v1/responses for one composition of scenarios: replace? → edit the
// Response → (JSON body | events → frames → pacing) → wire edits. Pure like compose.h: the
// endpoint builds the Response and stores what this returns, so the stored, JSON and streamed
// forms of one request are the same value.
#pragma once

#include <cstdint>
#include <optional>

#include "reply/directives.h"
#include "reply/latency.h"
#include "responses/response_json.h"
#include "responses/response_request.h"
#include "scenarios/scenario_expression.h"
#include "wire/wire_reply.h"

namespace chatmock::reply {

struct ResponseRunInput {
  const responses::ResponseRequest& request;
  const Directives& directives;
  responses::Json response;  ///< as response_builder made it
  std::uint64_t seed = 0;
  Latency latency;  ///< server-wide --latency
};

struct ResponseRendering {
  wire::WireReply reply;
  /// The Response the scenarios left, for the store; nullopt when a scenario answered without
  /// one (an HTTP error).
  std::optional<responses::Json> response;
  std::string response_json;  ///< its JSON text when the reply is that JSON (else empty)
};

/// The reply `composition` makes of `input`; the same input gives the same bytes.
ResponseRendering render_response(const scenarios::Composition& composition,
                                  ResponseRunInput input);

}  // namespace chatmock::reply
