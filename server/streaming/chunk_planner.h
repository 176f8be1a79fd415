// ChunkPlanner: ChatCompletion → the ChatCompletionChunks the real API would stream for it
// (docs/openai-behaviour.md §1.8). The plan is derived from the completion, never synthesized
// separately, so assembling the chunks (chunk_assembler.h) gives the completion back.
#pragma once

#include <vector>

#include "api/chat_completion.h"
#include "api/chat_completion_chunk.h"
#include "budget/work_budget.h"
#include "synthesis/random.h"

namespace chatmock::streaming {

struct ChunkPlanOptions {
  bool include_usage = false;  ///< stream_options.include_usage: null usage + final usage chunk
  bool include_obfuscation = true;  ///< stream_options.include_obfuscation (default on)
  bool interleave_choices = true;   ///< n > 1: round-robin chunks across choices
  /// When set, planning stops once it is spent or the chunks could not fit the reply bytes
  /// left (each rendered chunk takes at least kMinChunkBytes); the plan is then partial.
  budget::WorkBudget* budget = nullptr;
};

/// A lower bound of one chunk's rendered size ("data: {…id, object, created, model, choices…}").
inline constexpr std::size_t kMinChunkBytes = 100;

/// One choice's deltas in order: role opener, content/refusal/tool-call fragments, finish.
std::vector<api::ChunkChoice> plan_choice_deltas(const api::Choice& choice);

/// The full stream for `completion`, obfuscation padding drawn from `rng`.
std::vector<api::ChatCompletionChunk> plan_chunks(const api::ChatCompletion& completion,
                                                  const ChunkPlanOptions& options,
                                                  synthesis::Rng& rng);

}  // namespace chatmock::streaming
