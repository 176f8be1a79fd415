// Which fields appear in which chunk, from the spec example (openapi.yaml:33813-33820) and real
// captures: the opener carries role and content "" (null when the answer is a refusal or a
// call), each token piece is one chunk, a tool call opens with id/type/name/arguments "" and
// continues with argument fragments only, the last chunk has an empty delta and finish_reason.
#include "streaming/chunk_planner.h"

#include "synthesis/id_generator.h"
#include "synthesis/text_generator.h"
#include "synthesis/token_splitter.h"

namespace chatmock::streaming {

namespace {
using api::ChunkChoice;
using api::Field;

ChunkChoice delta_choice(std::int64_t index) {
  ChunkChoice c;
  c.index = index;
  return c;
}

/// Logprob entries aligned one-to-one with token pieces, when the counts agree.
const std::vector<api::TokenLogprob>* aligned(const Field<std::vector<api::TokenLogprob>>& entries,
                                              std::size_t pieces) {
  return entries.has_value() && entries->size() == pieces ? &*entries : nullptr;
}

void add_text_pieces(std::vector<ChunkChoice>& out, std::int64_t index, const std::string& text,
                     const api::Choice& choice, bool refusal) {
  const auto pieces = synthesis::split_tokens(text);
  const std::vector<api::TokenLogprob>* logprobs = nullptr;
  if (choice.logprobs.has_value()) {
    logprobs =
        aligned(refusal ? choice.logprobs->refusal : choice.logprobs->content, pieces.size());
  }
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    ChunkChoice c = delta_choice(index);
    (refusal ? c.delta.refusal : c.delta.content) = pieces[i];
    if (logprobs != nullptr) {
      api::ChoiceLogprobs lp;
      (refusal ? lp.refusal : lp.content) = std::vector<api::TokenLogprob>{(*logprobs)[i]};
      c.logprobs = lp;
    }
    out.push_back(std::move(c));
  }
}

api::ToolCallDelta opener_for(const api::ToolCall& call, std::int64_t call_index) {
  api::ToolCallDelta d;
  d.index = call_index;
  d.id = call.id;
  d.type = call.type;
  if (call.custom) {
    d.custom = api::CustomToolCall{call.custom->name, ""};
  } else if (call.function) {
    d.function = api::FunctionDelta{call.function->name, std::string()};
  }
  return d;
}

void add_tool_calls(std::vector<ChunkChoice>& out, std::int64_t index,
                    const std::vector<api::ToolCall>& calls) {
  for (std::size_t k = 0; k < calls.size(); ++k) {
    const auto& call = calls[k];
    const auto call_index = static_cast<std::int64_t>(k);
    if (k == 0 && !out.empty() && out.back().delta.role) {
      out.back().delta.tool_calls = std::vector<api::ToolCallDelta>{opener_for(call, call_index)};
    } else {
      ChunkChoice c = delta_choice(index);
      c.delta.tool_calls = std::vector<api::ToolCallDelta>{opener_for(call, call_index)};
      out.push_back(std::move(c));
    }
    const std::string& payload = call.custom ? call.custom->input : call.function->arguments;
    for (const auto& piece : synthesis::split_tokens(payload)) {
      api::ToolCallDelta d;
      d.index = call_index;
      if (call.custom) {
        d.custom = api::CustomToolCall{call.custom->name, piece};
      } else {
        api::FunctionDelta f;
        f.arguments = piece;
        d.function = f;
      }
      ChunkChoice c = delta_choice(index);
      c.delta.tool_calls = std::vector<api::ToolCallDelta>{d};
      out.push_back(std::move(c));
    }
  }
}

void add_function_call(std::vector<ChunkChoice>& out, const api::FunctionCall& call) {
  out.back().delta.function_call = api::FunctionDelta{call.name, std::string()};
  for (const auto& piece : synthesis::split_tokens(call.arguments)) {
    ChunkChoice c = delta_choice(out.back().index);
    api::FunctionDelta f;
    f.arguments = piece;
    c.delta.function_call = f;
    out.push_back(std::move(c));
  }
}
}  // namespace

std::vector<ChunkChoice> plan_choice_deltas(const api::Choice& choice) {
  std::vector<ChunkChoice> out;
  const auto& message = choice.message;
  ChunkChoice opener = delta_choice(choice.index);
  opener.delta.role = message.role;
  const bool text_answer = message.content.has_value();
  opener.delta.content =
      text_answer ? Field<std::string>(std::string()) : Field<std::string>::null();
  opener.delta.refusal =
      message.refusal.has_value() ? Field<std::string>(std::string()) : Field<std::string>::null();
  out.push_back(std::move(opener));

  if (text_answer) add_text_pieces(out, choice.index, *message.content, choice, false);
  if (message.refusal.has_value())
    add_text_pieces(out, choice.index, *message.refusal, choice, true);
  if (message.tool_calls.has_value()) add_tool_calls(out, choice.index, *message.tool_calls);
  if (message.function_call.has_value()) add_function_call(out, *message.function_call);
  if (message.audio.has_value()) out.back().delta.audio = nlohmann::json(*message.audio);

  ChunkChoice finish = delta_choice(choice.index);
  finish.finish_reason = choice.finish_reason;
  out.push_back(std::move(finish));
  return out;
}

std::vector<api::ChatCompletionChunk> plan_chunks(const api::ChatCompletion& completion,
                                                  const ChunkPlanOptions& options,
                                                  synthesis::Rng& rng) {
  std::vector<std::vector<ChunkChoice>> per_choice;
  std::size_t longest = 0;
  for (const auto& choice : completion.choices) {
    per_choice.push_back(plan_choice_deltas(choice));
    longest = std::max(longest, per_choice.back().size());
  }
  api::ChatCompletionChunk base;
  base.id = completion.id;
  base.created = completion.created;
  base.model = completion.model;
  base.service_tier = completion.service_tier;
  base.system_fingerprint = completion.system_fingerprint;
  // API ref, stream_options.include_usage: every chunk carries "usage": null, then a final
  // chunk with empty choices carries the totals.
  if (options.include_usage) base.usage = Field<api::CompletionUsage>::null();

  std::vector<api::ChatCompletionChunk> chunks;
  bool stopped = false;
  auto emit = [&](ChunkChoice c) {
    if (stopped) return;
    if (options.budget != nullptr && (chunks.size() & 63U) == 63U &&
        !synthesis::fits_reply(*options.budget, chunks.size() * kMinChunkBytes)) {
      stopped = true;
      return;
    }
    api::ChatCompletionChunk chunk = base;
    chunk.choices.push_back(std::move(c));
    chunks.push_back(std::move(chunk));
  };
  if (options.interleave_choices) {
    for (std::size_t step = 0; step < longest; ++step) {
      for (auto& deltas : per_choice) {
        if (step < deltas.size()) emit(std::move(deltas[step]));
      }
    }
  } else {
    for (auto& deltas : per_choice) {
      for (auto& c : deltas) emit(std::move(c));
    }
  }
  if (options.include_usage && completion.usage.has_value()) {
    api::ChatCompletionChunk usage_chunk = base;
    usage_chunk.usage = *completion.usage;
    chunks.push_back(std::move(usage_chunk));
  }
  if (options.include_obfuscation) {
    // API ref, stream_options.include_obfuscation: random-length padding on every chunk.
    for (auto& chunk : chunks) {
      chunk.obfuscation =
          synthesis::random_token(rng, "", static_cast<std::size_t>(rng.between(1, 15)));
    }
  }
  return chunks;
}

}  // namespace chatmock::streaming
