// Scenario: a named transformation of a reply at one or more stages — the reply definition
// before synthesis, the typed completion, the JSON body, the stream's chunks, its frames and
// framing, and the wire (status, headers, writes, cuts). Scenarios compose by applying each
// stage's hooks in order, so `refusal+sse_crlf` is two small functions, not a third scenario.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "api/chat_completion.h"
#include "api/chat_completion_request.h"
#include "budget/work_budget.h"
#include "reply/directives.h"
#include "streaming/sse_encoder.h"
#include "streaming/stream_frame.h"
#include "synthesis/random.h"
#include "synthesis/reply_definition.h"
#include "wire/wire_reply.h"

namespace chatmock::scenarios {

/// What a transformation may read: the request, its directives (the X-Chatmock-* knobs, parsed
/// and capped at the edge), the request's work budget (loops that build bytes check it) and its
/// own seeded Rng. Hooks never see HTTP headers.
struct ScenarioContext {
  api::ChatCompletionRequest& request;
  const reply::Directives& directives;
  budget::WorkBudget& budget;
  synthesis::Rng rng;
  bool stream = false;
};

using ShapeReply = std::function<void(synthesis::ReplyDefinition&, ScenarioContext&)>;
using EditCompletion = std::function<void(api::ChatCompletion&, ScenarioContext&)>;
using EditJson = std::function<void(nlohmann::json&, ScenarioContext&)>;
using EditChunks = std::function<void(std::vector<nlohmann::json>&, ScenarioContext&)>;
using EditFrames = std::function<void(std::vector<streaming::StreamFrame>&, ScenarioContext&)>;
using EditFraming = std::function<void(streaming::SseFraming&)>;
using EditWire = std::function<void(wire::WireReply&, ScenarioContext&)>;
using ReplaceReply = std::function<std::optional<wire::WireReply>(ScenarioContext&)>;

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
  EditWire edit_wire;              ///< status, headers, write splitting, delays, cuts
  ReplaceReply replace_reply;      ///< answer without synthesis (errors); first one wins
  /// When set, the name stands for this sequence expression (e.g. "error_500,error_503,default")
  /// wherever it appears alone between commas; its hooks are then never run.
  std::string expands_to;
  /// Paces from the request's latency itself (slow, stalls), so the pipeline leaves base pacing
  /// to --latency.
  bool paces_itself = false;
};

}  // namespace chatmock::scenarios
