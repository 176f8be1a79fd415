// StreamAccumulator: folds decoded SSE events of a Chat Completions stream into one completion
// snapshot, like node's ChatCompletionStream (lib/ChatCompletionStream.ts) but tolerant of the
// delta pathologies in docs/scenarios.md (stream_deltas, usage, errors). It owns chunk semantics,
// not byte framing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "chatmock/client/observation.h"
#include "streaming/sse_event.h"

namespace chatmock::client {

/// How far a stream has got.
enum class StreamEnd {
  kOpen,   ///< still accepting events
  kDone,   ///< `data: [DONE]` arrived; later events are ignored
  kError,  ///< an error event or an unreadable chunk arrived; later events are ignored
};

/// Accumulates chunks per choice `index` and per tool-call `index` into a ChatCompletion.
class StreamAccumulator {
 public:
  /// Folds one event; returns false once the stream has ended ([DONE] or an error).
  bool add_event(const streaming::SseEvent& event);
  /// Folds an event the body ended inside (no blank line after it): used when it is `[DONE]`,
  /// an error or valid JSON, ignored when it is a truncated fragment.
  bool add_unterminated_event(const streaming::SseEvent& event);
  /// Folds one chunk object (no [DONE] or error detection).
  void add_chunk(const nlohmann::json& chunk);

  StreamEnd end() const { return end_; }
  /// Chunks folded so far.
  std::size_t chunk_count() const { return chunk_count_; }
  /// The completion so far, shaped like a non-stream ChatCompletion (choices sorted by index).
  nlohmann::json snapshot() const;
  /// The error observation when the stream ended in an error, else the snapshot's observation.
  Observation observation() const;

 private:
  struct ToolCallState {
    nlohmann::json id;
    nlohmann::json type;
    nlohmann::json name;
    std::string arguments;
  };
  struct FunctionCallState {
    nlohmann::json name;
    std::string arguments;
  };
  struct ChoiceState {
    nlohmann::json role;
    nlohmann::json content;
    nlohmann::json refusal;
    nlohmann::json finish_reason;
    nlohmann::json logprobs;
    std::map<std::int64_t, ToolCallState> tool_calls;
    std::optional<std::int64_t> last_tool_index;
    std::optional<FunctionCallState> function_call;
  };

  void fail(Observation error);
  void apply_delta(ChoiceState& choice, const nlohmann::json& delta);
  static void merge_tool_call(ChoiceState& choice, const nlohmann::json& delta);
  static void merge_logprobs(ChoiceState& choice, const nlohmann::json& logprobs);

  StreamEnd end_ = StreamEnd::kOpen;
  std::size_t chunk_count_ = 0;
  std::optional<Observation> error_;
  nlohmann::json header_ = nlohmann::json::object();  ///< id, created, model, … from chunks
  nlohmann::json usage_;
  std::map<std::int64_t, ChoiceState> choices_;
};

}  // namespace chatmock::client
