// Generators for the streaming family and for SSE events. Chunks are arbitrary (any delta in
// any state); what a planner may emit is streamable_completion's business, not theirs.
#include <climits>

#include "generators/wire_generators.h"

namespace chatmock::property {

namespace {
using rc::gen::arbitrary;
using rc::gen::build;
using rc::gen::set;
}  // namespace

rc::Gen<api::FunctionDelta> function_delta() {
  return build<api::FunctionDelta>(set(&api::FunctionDelta::name, field(text(12))),
                                   set(&api::FunctionDelta::arguments, field(text(30))));
}

rc::Gen<api::ToolCallDelta> tool_call_delta() {
  using D = api::ToolCallDelta;
  return build<D>(set(&D::index, field(rc::gen::inRange<std::int64_t>(0, 8))),
                  set(&D::id, field(text(12))), set(&D::type, field(text(8))),
                  set(&D::function, field(function_delta())),
                  set(&D::custom, field(custom_tool_call())));
}

rc::Gen<api::Delta> delta() {
  using D = api::Delta;
  return build<D>(set(&D::role, field(text(8))), set(&D::content, field(text())),
                  set(&D::refusal, field(text())),
                  set(&D::tool_calls, field(small_vector(tool_call_delta(), 2))),
                  set(&D::function_call, field(function_delta())),
                  set(&D::audio, field(json_value(1, true))));
}

rc::Gen<api::ChunkChoice> chunk_choice() {
  using C = api::ChunkChoice;
  return build<C>(set(&C::index, arbitrary<std::int64_t>()), set(&C::delta, delta()),
                  set(&C::logprobs, field(choice_logprobs())),
                  set(&C::finish_reason, field(finish_reason())));
}

rc::Gen<api::ChatCompletionChunk> chat_completion_chunk() {
  using C = api::ChatCompletionChunk;
  return build<C>(
      set(&C::id, text(20)),
      set(&C::object,
          rc::gen::weightedOneOf<std::string>(
              {{4, rc::gen::just(std::string("chat.completion.chunk"))}, {1, text(8)}})),
      set(&C::created, arbitrary<std::int64_t>()), set(&C::model, text(16)),
      set(&C::choices, small_vector(chunk_choice(), 2)), set(&C::usage, field(completion_usage())),
      set(&C::service_tier, field(text(8))), set(&C::system_fingerprint, field(text(12))),
      set(&C::obfuscation, field(text(15, TextKind::printable))));
}

rc::Gen<streaming::SseEvent> sse_event() {
  // Data may hold LF (it becomes several data: lines) but not CR, which SSE cannot carry inside
  // a line at all (WHATWG HTML §9.2.6: CR, LF and CRLF all end a line).
  const auto data = rc::gen::map(small_vector(text(20, TextKind::line), 3, 1),
                                 [](const std::vector<std::string>& lines) {
                                   std::string joined;
                                   for (std::size_t i = 0; i < lines.size(); ++i)
                                     joined += (i == 0 ? "" : "\n") + lines[i];
                                   return joined;
                                 });
  const auto optional_line = [](rc::Gen<std::string> gen) {
    return rc::gen::weightedOneOf<std::optional<std::string>>({
        {2, rc::gen::just(std::optional<std::string>())},
        {1,
         rc::gen::map(gen, [](std::string s) { return std::optional<std::string>(std::move(s)); })},
    });
  };
  return build<streaming::SseEvent>(
      set(&streaming::SseEvent::data, data),
      set(&streaming::SseEvent::event, optional_line(text(10, TextKind::line))),
      set(&streaming::SseEvent::id, optional_line(text(10, TextKind::line))),
      set(&streaming::SseEvent::retry,
          rc::gen::weightedOneOf<std::optional<int>>({
              {2, rc::gen::just(std::optional<int>())},
              {1, rc::gen::map(rc::gen::inRange(0, INT_MAX),
                               [](int r) { return std::optional<int>(r); })},
          })));
}

rc::Gen<streaming::SseFraming> sse_framing() {
  return build<streaming::SseFraming>(
      set(&streaming::SseFraming::line_ending, rc::gen::element<std::string>("\n", "\r\n", "\r")),
      set(&streaming::SseFraming::space_after_colon, arbitrary<bool>()));
}

}  // namespace chatmock::property
