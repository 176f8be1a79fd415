// stream(completion) reassembles to the completion: for every completion inside the planner's
// contract (content, refusals, n choices, parallel and custom tool calls, legacy function calls,
// audio, logprobs, usage) and every plan option, assembling the planned chunks gives it back,
// both as typed chunks and after the full trip through JSON text, SSE framing and fragmented reads.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "generators/arbitrary.h"
#include "generators/byte_fragments.h"
#include "streaming/chunk_assembler.h"
#include "streaming/chunk_planner.h"
#include "streaming/sse_decoder.h"

namespace chatmock::streaming {
namespace {

rc::Gen<ChunkPlanOptions> plan_options() {
  return rc::gen::build<ChunkPlanOptions>(rc::gen::set(&ChunkPlanOptions::include_usage),
                                          rc::gen::set(&ChunkPlanOptions::include_obfuscation),
                                          rc::gen::set(&ChunkPlanOptions::interleave_choices));
}

/// What a stream can say about `completion`: usage only through the usage chunk, no moderation.
api::ChatCompletion streamed_view(api::ChatCompletion completion, const ChunkPlanOptions& options) {
  if (!(options.include_usage && completion.usage.has_value())) completion.usage = {};
  completion.moderation = {};
  return completion;
}

void assert_same(const api::ChatCompletion& assembled, const api::ChatCompletion& expected) {
  if (assembled == expected) return;
  const auto diff = nlohmann::json::diff(nlohmann::json(expected), nlohmann::json(assembled));
  RC_FAIL("assembled completion differs from the streamed one: " + diff.dump());
}

RC_GTEST_PROP(ChunkStreamProperty, PlannedChunksAssembleToTheCompletion, ()) {
  const auto completion = *property::streamable_completion();
  const auto options = *plan_options();
  synthesis::Rng rng(*rc::gen::arbitrary<std::uint64_t>());
  const auto chunks = plan_chunks(completion, options, rng);
  assert_same(assemble_chunks(chunks), streamed_view(completion, options));
}

RC_GTEST_PROP(ChunkStreamProperty, StreamedBytesAssembleToTheCompletion, ()) {
  const auto completion = *property::streamable_completion();
  const auto options = *plan_options();
  const auto framing = *rc::gen::arbitrary<SseFraming>();
  synthesis::Rng rng(*rc::gen::arbitrary<std::uint64_t>());
  std::string body;
  for (const auto& chunk : plan_chunks(completion, options, rng)) {
    body += encode_event({nlohmann::json(chunk).dump()}, framing);
  }
  body += encode_event({std::string(kDoneSentinel)}, framing);

  SseDecoder decoder;
  std::vector<api::ChatCompletionChunk> received;
  bool done = false;
  for (const auto& fragment : *property::byte_fragments(body)) {
    for (const auto& event : decoder.feed(fragment)) {
      RC_ASSERT(!done);  // nothing after [DONE]
      if (event.data == kDoneSentinel) {
        done = true;
      } else {
        received.push_back(nlohmann::json::parse(event.data).get<api::ChatCompletionChunk>());
      }
    }
  }
  RC_ASSERT(done);
  assert_same(assemble_chunks(received), streamed_view(completion, options));
}

RC_GTEST_PROP(ChunkStreamProperty, ChunkShapeFollowsTheOptions, ()) {
  const auto completion = *property::streamable_completion();
  const auto options = *plan_options();
  synthesis::Rng rng(*rc::gen::arbitrary<std::uint64_t>());
  const auto chunks = plan_chunks(completion, options, rng);
  const bool usage_chunk = options.include_usage && completion.usage.has_value();
  for (std::size_t i = 0; i < chunks.size(); ++i) {
    const auto& chunk = chunks[i];
    const bool last = i + 1 == chunks.size();
    // API ref, stream_options.include_usage: usage null on every chunk, totals on a final chunk
    // with empty choices; without it no chunk has a usage key.
    if (usage_chunk && last) {
      RC_ASSERT(chunk.choices.empty());
      RC_ASSERT(chunk.usage == completion.usage);
    } else {
      RC_ASSERT(chunk.choices.size() == 1U);
      RC_ASSERT((options.include_usage ? chunk.usage.is_null() : chunk.usage.absent()));
    }
    RC_ASSERT(chunk.obfuscation.has_value() == options.include_obfuscation);
    RC_ASSERT(chunk.id == completion.id);
    RC_ASSERT(chunk.object == std::string("chat.completion.chunk"));
  }
}

}  // namespace
}  // namespace chatmock::streaming
