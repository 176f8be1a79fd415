// The rendering half of POST /v1/responses for one composition of scenarios: replace? → edit the
// Response → (JSON body | events → frames → pacing) → wire edits. Pure like compose.h: the
// endpoint builds the Response and stores what this returns, so the stored, JSON and streamed
// forms of one request are the same value.
#pragma once

#include <cstdint>
#include <optional>

#include "reply/directives.h"
#include "reply/expected.h"
#include "reply/latency.h"
#include "responses/response_json.h"
#include "responses/response_request.h"
#include "responses/response_store.h"
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
  /// A stream's events as written (before wire edits), for GET …?stream=true replays.
  std::vector<responses::StoredEvent> stream_events;
  /// Some scenario edited the Response: its shape may be one events cannot be rendered from.
  bool edited = false;
};

/// The reply `composition` makes of `input`; the same input gives the same bytes.
ResponseRendering render_response(const scenarios::Composition& composition,
                                  ResponseRunInput input);

/// A stub's stored reply with the wire-level edits of `layers` (pacing, stalls, cuts): recorded
/// bytes are not a Response to edit, as on chat (reply/stub_reply.h).
wire::WireReply render_stored_response(const scenarios::Composition& layers, wire::WireReply stored,
                                       const ResponseRunInput& input);

/// GET /v1/responses/{id}?stream=true: the events the POST streamed (or, after a JSON POST,
/// the ones it would have) whose sequence_number is above `starting_after` (-1: all); a 400
/// for a stub's stored Response, which has no events.
Expected<wire::WireReply> replay_response_stream(const responses::StoredResponse& stored,
                                                 std::int64_t starting_after);

}  // namespace chatmock::reply
