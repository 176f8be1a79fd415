// Responses scenario harness for tests: runs a scenario expression for a CreateResponse body
// through the real rendering (parse → build_response → render_response) without sockets, and
// offers the JSON form, the stored Response and the stream's decoded events.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "responses/response_json.h"
#include "streaming/sse_event.h"
#include "support/scenario_harness.h"
#include "wire/wire_reply.h"

namespace chatmock::testing {

struct ResponseScenarioRun {
  wire::WireReply reply;
  std::optional<responses::Json> stored;  ///< what the store would keep (nullopt for errors)

  std::string body() const { return reply.body(); }
  /// The body parsed as JSON (throws when it is not JSON).
  responses::Json json() const;
  /// The body decoded as SSE (an unterminated last event is dropped).
  std::vector<streaming::SseEvent> events() const;
  /// Every event's data parsed as JSON (throws on unparsable data).
  std::vector<responses::Json> event_json() const;
};

/// A CreateResponse for gpt-4o-mini with a string input.
nlohmann::json response_request(bool stream = false);
/// response_request plus a flat function tool get_stock_price {"ticker": string, required}.
nlohmann::json response_tool_request(bool stream = false);

/// Runs `expression` (e.g. "refusal+slow") for `body` on /v1/responses; `step` picks the
/// sequence step. Throws std::invalid_argument when the expression or body is refused.
ResponseScenarioRun run_response_scenario(std::string_view expression, nlohmann::json body,
                                          const HeaderList& headers = {}, std::uint64_t seed = 7,
                                          std::size_t step = 0);

}  // namespace chatmock::testing
