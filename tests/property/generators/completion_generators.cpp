// Generators for the non-streaming response family. streamable_completion is the one place
// that encodes the chunk planner's contract; everything else is deliberately unconstrained.
#include <cstdint>

#include "generators/wire_generators.h"
#include "synthesis/token_splitter.h"

namespace chatmock::property {

namespace {
using rc::gen::arbitrary;
using rc::gen::build;
using rc::gen::set;

rc::Gen<std::int64_t> token_count() {
  return rc::gen::weightedOneOf<std::int64_t>({
      {4, rc::gen::inRange<std::int64_t>(0, 5000)},
      {1, arbitrary<std::int64_t>()},
  });
}

rc::Gen<std::vector<int>> utf8_bytes() { return small_vector(rc::gen::inRange(0, 256), 6); }

/// Logprob entries, one per token piece of `text`.
rc::Gen<api::Field<std::vector<api::TokenLogprob>>> aligned_logprobs(
    const api::Field<std::string>& text) {
  using Entries = api::Field<std::vector<api::TokenLogprob>>;
  const std::size_t pieces = text.has_value() ? synthesis::split_tokens(*text).size() : 0;
  if (pieces == 0) return rc::gen::just(Entries::null());
  return rc::gen::weightedOneOf<Entries>({
      {1, rc::gen::just(Entries::null())},
      {3, rc::gen::map(rc::gen::container<std::vector<api::TokenLogprob>>(pieces, token_logprob()),
                       [](std::vector<api::TokenLogprob> v) { return Entries(std::move(v)); })},
  });
}

/// A tool call with exactly one payload, of the matching type.
rc::Gen<api::ToolCall> streamable_tool_call() {
  return rc::gen::exec([] {
    api::ToolCall call;
    call.id = *text(12, TextKind::line);
    if (*rc::gen::inRange(0, 4) == 0) {
      call.type = "custom";
      call.custom = *custom_tool_call();
    } else {
      call.type = "function";
      call.function = *function_call();
    }
    return call;
  });
}

rc::Gen<api::Choice> streamable_choice(std::int64_t index) {
  return rc::gen::exec([index] {
    api::Choice choice;
    choice.index = index;
    auto& message = choice.message;
    message.role = *rc::gen::weightedElement<std::string>({{8, "assistant"}, {1, "tool"}, {1, ""}});
    message.content = *field(text(), 0, 1, 3);
    message.refusal = *field(text(), 0, 3, 1);
    message.tool_calls = *field(small_vector(streamable_tool_call(), 4, 1), 3, 0, 1);
    message.function_call = *field(function_call(), 6, 0, 1);
    message.audio = *field(completion_audio(), 6, 0, 1);
    choice.finish_reason = *finish_reason();
    api::ChoiceLogprobs logprobs;
    logprobs.content = *aligned_logprobs(message.content);
    logprobs.refusal = *aligned_logprobs(message.refusal);
    if (logprobs.content.has_value() || logprobs.refusal.has_value()) choice.logprobs = logprobs;
    return choice;
  });
}
}  // namespace

rc::Gen<api::Function> function_call() {
  return build<api::Function>(set(&api::Function::name, text(12)),
                              set(&api::Function::arguments, text(40)));
}

rc::Gen<api::CustomToolCall> custom_tool_call() {
  return build<api::CustomToolCall>(set(&api::CustomToolCall::name, text(12)),
                                    set(&api::CustomToolCall::input, text(40)));
}

rc::Gen<api::ToolCall> tool_call() {
  return build<api::ToolCall>(
      set(&api::ToolCall::id, text(12)),
      set(&api::ToolCall::type,
          rc::gen::weightedOneOf<std::string>(
              {{4, rc::gen::element<std::string>("function", "custom")}, {1, text(8)}})),
      set(&api::ToolCall::function, field(function_call())),
      set(&api::ToolCall::custom, field(custom_tool_call())));
}

rc::Gen<api::UrlCitation> url_citation() {
  return build<api::UrlCitation>(set(&api::UrlCitation::start_index, arbitrary<std::int64_t>()),
                                 set(&api::UrlCitation::end_index, arbitrary<std::int64_t>()),
                                 set(&api::UrlCitation::url, text(20)),
                                 set(&api::UrlCitation::title, text(12)));
}

rc::Gen<api::Annotation> annotation() {
  return build<api::Annotation>(
      set(&api::Annotation::type,
          rc::gen::weightedOneOf<std::string>(
              {{4, rc::gen::just(std::string("url_citation"))}, {1, text(8)}})),
      set(&api::Annotation::url_citation, url_citation()));
}

rc::Gen<api::ChatCompletionAudio> completion_audio() {
  return build<api::ChatCompletionAudio>(
      set(&api::ChatCompletionAudio::id, text(10)),
      set(&api::ChatCompletionAudio::expires_at, arbitrary<std::int64_t>()),
      set(&api::ChatCompletionAudio::data, text(30, TextKind::printable)),
      set(&api::ChatCompletionAudio::transcript, text(20)));
}

rc::Gen<api::TopLogprob> top_logprob() {
  return build<api::TopLogprob>(set(&api::TopLogprob::token, text(6)),
                                set(&api::TopLogprob::logprob, finite_double()),
                                set(&api::TopLogprob::bytes, field(utf8_bytes(), 1, 1, 3)));
}

rc::Gen<api::TokenLogprob> token_logprob() {
  return build<api::TokenLogprob>(
      set(&api::TokenLogprob::token, text(6)), set(&api::TokenLogprob::logprob, finite_double()),
      set(&api::TokenLogprob::bytes, field(utf8_bytes(), 1, 1, 3)),
      set(&api::TokenLogprob::top_logprobs, small_vector(top_logprob(), 3)));
}

rc::Gen<api::ChoiceLogprobs> choice_logprobs() {
  return build<api::ChoiceLogprobs>(
      set(&api::ChoiceLogprobs::content, field(small_vector(token_logprob(), 3))),
      set(&api::ChoiceLogprobs::refusal, field(small_vector(token_logprob(), 3))));
}

rc::Gen<api::CompletionTokensDetails> completion_tokens_details() {
  using D = api::CompletionTokensDetails;
  return build<D>(set(&D::accepted_prediction_tokens, field(token_count())),
                  set(&D::audio_tokens, field(token_count())),
                  set(&D::reasoning_tokens, field(token_count())),
                  set(&D::rejected_prediction_tokens, field(token_count())),
                  set(&D::text_tokens, field(token_count())));
}

rc::Gen<api::PromptTokensDetails> prompt_tokens_details() {
  using D = api::PromptTokensDetails;
  return build<D>(
      set(&D::audio_tokens, field(token_count())), set(&D::cached_tokens, field(token_count())),
      set(&D::cache_write_tokens, field(token_count())), set(&D::text_tokens, field(token_count())),
      set(&D::image_tokens, field(token_count())));
}

rc::Gen<api::CompletionUsage> completion_usage() {
  using U = api::CompletionUsage;
  return build<U>(set(&U::prompt_tokens, token_count()), set(&U::completion_tokens, token_count()),
                  set(&U::total_tokens, token_count()),
                  set(&U::completion_tokens_details, field(completion_tokens_details())),
                  set(&U::prompt_tokens_details, field(prompt_tokens_details())));
}

rc::Gen<api::ChatCompletionMessage> completion_message() {
  using M = api::ChatCompletionMessage;
  return build<M>(set(&M::role, rc::gen::weightedOneOf<std::string>(
                                    {{4, rc::gen::just(std::string("assistant"))}, {1, text(8)}})),
                  set(&M::content, field(text())), set(&M::refusal, field(text())),
                  set(&M::tool_calls, field(small_vector(tool_call(), 3))),
                  set(&M::annotations, field(small_vector(annotation(), 2))),
                  set(&M::audio, field(completion_audio())),
                  set(&M::function_call, field(function_call())));
}

rc::Gen<api::FinishReason> finish_reason() {
  return rc::gen::element(api::FinishReason::stop, api::FinishReason::length,
                          api::FinishReason::tool_calls, api::FinishReason::content_filter,
                          api::FinishReason::function_call);
}

rc::Gen<api::Choice> choice() {
  return build<api::Choice>(set(&api::Choice::index, arbitrary<std::int64_t>()),
                            set(&api::Choice::message, completion_message()),
                            set(&api::Choice::finish_reason, finish_reason()),
                            set(&api::Choice::logprobs, field(choice_logprobs())));
}

rc::Gen<api::ChatCompletion> chat_completion() {
  using C = api::ChatCompletion;
  return build<C>(
      set(&C::id, text(20)),
      set(&C::object, rc::gen::weightedOneOf<std::string>(
                          {{4, rc::gen::just(std::string("chat.completion"))}, {1, text(8)}})),
      set(&C::created, arbitrary<std::int64_t>()), set(&C::model, text(16)),
      set(&C::choices, small_vector(choice(), 3)), set(&C::usage, field(completion_usage())),
      set(&C::service_tier, field(text(8))), set(&C::system_fingerprint, field(text(12))),
      set(&C::moderation, field(json_value(2, true))));
}

rc::Gen<api::ChatCompletion> streamable_completion() {
  return rc::gen::exec([] {
    api::ChatCompletion completion;
    completion.id = *text(20);
    completion.created = *arbitrary<std::int64_t>();
    completion.model = *text(16);
    const auto n = *rc::gen::inRange<std::int64_t>(1, 5);
    for (std::int64_t i = 0; i < n; ++i) completion.choices.push_back(*streamable_choice(i));
    completion.usage = *field(completion_usage());
    completion.service_tier = *field(text(8));
    completion.system_fingerprint = *field(text(12));
    return completion;
  });
}

}  // namespace chatmock::property
