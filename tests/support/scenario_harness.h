// Scenario harness for tests: runs a scenario expression through the real pipeline
// (parse → run_composition) without sockets and offers the reply as JSON, SSE events,
// parsed chunks and an assembled completion, so each test asserts one defining property.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "api/chat_completion.h"
#include "streaming/sse_event.h"
#include "wire/wire_reply.h"

namespace chatmock::testing {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct ScenarioRun {
  wire::WireReply reply;

  /// Every write concatenated.
  std::string body() const { return reply.body(); }
  /// The body parsed as JSON (throws when it is not JSON).
  nlohmann::json json() const;
  /// The body decoded as SSE, as a spec-following client would (an unterminated last event is
  /// dropped).
  std::vector<streaming::SseEvent> events() const;
  /// Every event's data except [DONE], parsed as JSON (throws on unparsable data).
  std::vector<nlohmann::json> chunks() const;
  /// True when the last decoded event is `data: [DONE]`.
  bool ends_with_done() const;
  /// The chunks assembled into a completion by the project's reference assembler.
  api::ChatCompletion assembled() const;
};

/// A one-user-message request for gpt-4o-mini.
nlohmann::json chat_request(bool stream = false);
/// chat_request plus the get_weather tool ({"city": string, required}).
nlohmann::json tool_request(bool stream = false);

/// Runs `expression` (e.g. "refusal+sse_crlf") for `request`; `step` picks the sequence step.
ScenarioRun run_scenario(std::string_view expression, nlohmann::json request,
                         const HeaderList& headers = {}, std::uint64_t seed = 7,
                         std::size_t step = 0);

}  // namespace chatmock::testing
