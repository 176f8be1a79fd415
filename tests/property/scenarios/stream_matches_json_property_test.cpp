// The streamed reply and the JSON reply say the same thing: for the same request and seed, the
// chunks of `stream: true` assemble to the completion `stream: false` returns (usage aside,
// which a stream carries only with include_usage). Checked through the real pipeline for
// arbitrary valid requests and the scenarios that shape the answer rather than the transport.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "api/chat_completion_request.h"
#include "generators/arbitrary.h"
#include "generators/valid_request.h"
#include "support/scenario_harness.h"

namespace chatmock::scenarios {
namespace {

const std::vector<std::string> kAnswerScenarios = {
    "default",           "null_content", "empty_content",
    "refusal",           "length",       "content_filter",
    "function_call",     "tool_calls",   "parallel_tool_calls",
    "multiple_choices",  "logprobs",     "unicode",
    "structured_output", "minimal",      "audio"};

void check_stream_matches_json(const std::string& scenario, std::uint64_t seed) {
  auto request = *property::valid_request();
  if (request.n.has_value() && *request.n > 3) request.n = *rc::gen::inRange<std::int64_t>(1, 4);
  request.stream = false;
  request.stream_options = {};
  const nlohmann::json plain = request;
  request.stream = true;
  api::StreamOptions options;
  options.include_usage = *rc::gen::arbitrary<bool>();
  request.stream_options = options;
  const nlohmann::json streaming = request;

  const auto json_reply = testing::run_scenario(scenario, plain, {}, seed);
  const auto stream_reply = testing::run_scenario(scenario, streaming, {}, seed);
  RC_ASSERT(json_reply.reply.status == 200);
  RC_ASSERT(stream_reply.ends_with_done());
  auto expected = json_reply.json().get<api::ChatCompletion>();
  auto assembled = stream_reply.assembled();
  if (!*options.include_usage) expected.usage = {};
  // Deltas have no annotations key, so a stream cannot tell "absent" from []; the assembler says
  // [].
  for (auto& choice : expected.choices) {
    if (choice.message.annotations.absent())
      choice.message.annotations = std::vector<api::Annotation>{};
  }
  const nlohmann::json want = expected;
  const nlohmann::json got = assembled;
  if (want != got) {
    RC_FAIL("\"" + scenario + "\": stream and JSON replies differ: " +
            nlohmann::json::diff(want, got).dump() + "\nrequest: " + plain.dump());
  }
}

RC_GTEST_PROP(StreamMatchesJsonProperty, StreamAssemblesToTheJsonReply,
              (const std::uint64_t seed)) {
  check_stream_matches_json(*rc::gen::elementOf(kAnswerScenarios), seed);
}

// A fixed gap this property keeps closed: the `annotations` scenario streams url_citation
// annotations as delta.annotations, which the chunk model once dropped, so the assembled stream
// lacked the JSON reply's message.annotations.
void annotations_stream_matches_json(std::uint64_t seed) {
  check_stream_matches_json("annotations", seed);
}

TEST(StreamMatchesJsonProperty, AnnotationsSurviveTheStream) {
  rc::detail::checkGTest(&annotations_stream_matches_json);
}

}  // namespace
}  // namespace chatmock::scenarios
