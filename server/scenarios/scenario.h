// Scenario: a named transformation of a reply at one or more stages — the reply definition
// before synthesis, the typed completion, the JSON body, the stream's chunks, its frames and
// framing, and the wire (status, headers, writes, cuts). Scenarios compose by applying each
// stage's hooks in order, so `refusal+sse_crlf` is two small functions, not a third scenario.
// A scenario says which API it serves; its Responses hooks edit the Response, its events and
// their frames (docs/scenarios.md, "api" column).
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/chat_completion.h"
#include "api/chat_completion_request.h"
#include "budget/work_budget.h"
#include "reply/directives.h"
#include "responses/response_json.h"
#include "responses/response_request.h"
#include "streaming/sse_encoder.h"
#include "streaming/stream_frame.h"
#include "synthesis/random.h"
#include "synthesis/reply_definition.h"
#include "wire/wire_reply.h"

namespace chatmock::scenarios {

/// The API a scenario serves; a name asked of the other API is a 400 naming the valid ones.
enum class ScenarioApi {
  chat,       ///< POST /v1/chat/completions only
  responses,  ///< POST /v1/responses only
  both,       ///< both endpoints (errors, transport knobs, the §7 counterparts)
};

/// What a transformation may read: the request, its directives (the X-Chatmock-* knobs, parsed
/// and capped at the edge), the request's work budget (loops that build bytes check it) and its
/// own seeded Rng. Hooks never see HTTP headers.
struct ScenarioContext {
  api::ChatCompletionRequest& request;
  const reply::Directives& directives;
  budget::WorkBudget& budget;
  synthesis::Rng rng;
  bool stream = false;
  /// The endpoint being answered: the shared hooks (errors) word their bodies for it.
  ScenarioApi endpoint = ScenarioApi::chat;
};

using ShapeReply = std::function<void(synthesis::ReplyDefinition&, ScenarioContext&)>;
using EditCompletion = std::function<void(api::ChatCompletion&, ScenarioContext&)>;
using EditJson = std::function<void(nlohmann::json&, ScenarioContext&)>;
using EditChunks = std::function<void(std::vector<nlohmann::json>&, ScenarioContext&)>;
using EditFrames = std::function<void(std::vector<streaming::StreamFrame>&, ScenarioContext&)>;
using EditFraming = std::function<void(streaming::SseFraming&)>;
using EditWire = std::function<void(wire::WireReply&, ScenarioContext&)>;
using ReplaceReply = std::function<std::optional<wire::WireReply>(ScenarioContext&)>;

/// "chat", "responses" or "both", as `chatmock scenarios` prints it.
std::string_view api_name(ScenarioApi api);

/// What a Responses hook may read: the typed CreateResponse, the directives and its own Rng.
struct ResponseScenarioContext {
  const responses::ResponseRequest& request;
  const reply::Directives& directives;
  synthesis::Rng rng;
  bool stream = false;
};

using EditResponse = std::function<void(responses::Json&, ResponseScenarioContext&)>;
using EditResponseEvents =
    std::function<void(std::vector<responses::Json>&, ResponseScenarioContext&)>;
using EditResponseFrames =
    std::function<void(std::vector<streaming::StreamFrame>&, ResponseScenarioContext&)>;
using ReplaceResponse = std::function<std::optional<wire::WireReply>(ResponseScenarioContext&)>;

/// A built-in behaviour; every hook is optional.
struct Scenario {
  std::string name;
  std::string description;         ///< one line, shown by `chatmock scenarios`
  bool breaks_spec = false;        ///< output deliberately violates the OpenAI schema
  std::string group = "core";      ///< catalogue section (docs/scenarios.md letter or "core")
  ShapeReply shape_reply;          ///< before synthesis: what kind of answer
  EditCompletion edit_completion;  ///< the typed completion (JSON and stream)
  EditJson edit_body;              ///< the non-stream JSON body
  EditChunks edit_chunks;          ///< every chunk's JSON, in order
  EditFrames edit_frames;          ///< SSE frames incl. [DONE]
  EditFraming edit_framing;        ///< line endings, space after colon
  EditWire edit_wire;          ///< status, headers, write splitting, delays, cuts (on both APIs)
  ReplaceReply replace_reply;  ///< answer without synthesis (errors); first one wins
  /// When set, the name stands for this sequence expression (e.g. "error_500,error_503,default")
  /// wherever it appears alone between commas; its hooks are then never run.
  std::string expands_to;
  /// Paces from the request's latency itself (slow, stalls), so the pipeline leaves base pacing
  /// to --latency.
  bool paces_itself = false;

  ScenarioApi api = ScenarioApi::chat;  ///< which endpoint(s) accept the name
  /// POST /v1/responses answers without building a Response (errors); when unset there, the
  /// chat replace_reply hook answers instead, so HTTP error scenarios serve both APIs.
  ReplaceResponse replace_response;
  EditResponse edit_response;  ///< the Response: JSON body, the stream's terminal and the store
  EditResponseEvents edit_response_events;  ///< every stream event's JSON, in order
  EditResponseFrames edit_response_frames;  ///< the events as SSE frames (names, raw bytes)
};

}  // namespace chatmock::scenarios
