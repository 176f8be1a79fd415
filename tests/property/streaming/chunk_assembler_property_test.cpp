// assemble_chunks over arbitrary chunks, not only planned ones: scenarios feed it chunks other
// scenarios broke on purpose (sse_wrong_content_type's json_body variant re-assembles the
// stream it is given), so it must fold any parsed chunk list by the SDKs' rules without UB.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <limits>
#include <map>

#include "generators/arbitrary.h"
#include "streaming/chunk_assembler.h"

namespace chatmock::streaming {
namespace {

/// What the SDK accumulators make of one choice's deltas.
struct ChoiceModel {
  api::Field<std::string> content = api::Field<std::string>::null();
  api::Field<std::string> refusal = api::Field<std::string>::null();
  std::size_t tool_calls = 0;
  api::FinishReason finish_reason = api::FinishReason::stop;
};

void append(api::Field<std::string>& into, const api::Field<std::string>& piece) {
  if (piece.has_value()) into = into.has_value() ? *into + *piece : *piece;
}

RC_GTEST_PROP(ChunkAssemblerProperty, FoldsArbitraryChunksLikeTheSdks,
              (const std::vector<api::ChatCompletionChunk>& chunks)) {
  std::map<std::int64_t, ChoiceModel> model;
  api::Field<api::CompletionUsage> usage;
  for (const auto& chunk : chunks) {
    if (chunk.usage.has_value()) usage = chunk.usage;
    for (const auto& c : chunk.choices) {
      auto& choice = model[c.index];
      append(choice.content, c.delta.content);
      append(choice.refusal, c.delta.refusal);
      if (c.delta.tool_calls.has_value()) {
        for (const auto& d : *c.delta.tool_calls) {
          choice.tool_calls =
              std::max(choice.tool_calls, static_cast<std::size_t>(d.index.value_or(0)) + 1);
        }
      }
      if (c.finish_reason.has_value()) choice.finish_reason = *c.finish_reason;
    }
  }
  const auto assembled = assemble_chunks(chunks);
  RC_ASSERT(assembled.usage == usage);
  RC_ASSERT(assembled.choices.size() == model.size());
  auto expected = model.begin();
  for (const auto& choice : assembled.choices) {
    RC_ASSERT(choice.index == expected->first);  // ordered by index, one per index
    RC_ASSERT(choice.message.content == expected->second.content);
    RC_ASSERT(choice.message.refusal == expected->second.refusal);
    RC_ASSERT(choice.finish_reason == expected->second.finish_reason);
    RC_ASSERT(choice.message.tool_calls.has_value() == (expected->second.tool_calls > 0));
    if (choice.message.tool_calls.has_value())
      RC_ASSERT(choice.message.tool_calls->size() == expected->second.tool_calls);
    ++expected;
  }
}

// A fixed bug this property keeps fixed: apply_tool_delta once resized the calls to index + 1, so
// index -1 (2^64-1 read as int64, what the fuzz scenario sends) wrote out of bounds and 1,000,000
// allocated a million calls. Such indexes are now ignored or rejected.
void assembles_any_tool_call_index() {
  api::ToolCallDelta delta = *rc::gen::arbitrary<api::ToolCallDelta>();
  // Indexes a fuzzed or hostile stream carries: -1 (2^64-1 read as int64), other negatives, and
  // positives far beyond any real number of calls (which must not allocate that many calls).
  delta.index =
      *rc::gen::element<std::int64_t>(-1, -2, std::numeric_limits<std::int64_t>::min(), 1'000'000,
                                      std::numeric_limits<std::int64_t>::max());
  api::ChatCompletionChunk chunk = *rc::gen::arbitrary<api::ChatCompletionChunk>();
  chunk.choices.clear();
  api::ChunkChoice choice;
  choice.delta.tool_calls = std::vector<api::ToolCallDelta>{delta};
  chunk.choices.push_back(choice);
  try {
    const auto assembled = assemble_chunks({chunk});
    RC_ASSERT(assembled.choices.size() == 1U);
    const auto& calls = assembled.choices.front().message.tool_calls;
    RC_ASSERT(!calls.has_value() ||
              calls->size() <= 1U);  // the stray delta is dropped or kept alone
  } catch (const std::exception&) {
    // Throwing is acceptable: replace_with_json_body catches std::exception and keeps the stream.
  }
}

TEST(ChunkAssemblerProperty, SurvivesAnyToolCallIndex) {
  rc::detail::checkGTest(&assembles_any_tool_call_index);
}

}  // namespace
}  // namespace chatmock::streaming
