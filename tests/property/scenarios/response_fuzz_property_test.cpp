// The Responses fuzz scenario for any seed, level and form: rendering never throws, answers 200
// (or cuts the body), and replays the same bytes — even with another seed rendered in between.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "support/response_harness.h"

namespace chatmock::testing {
namespace {

RC_GTEST_PROP(ResponseFuzzProperty, AnySeedRendersAndReplaysTheSameBytes, ()) {
  const auto seed = *rc::gen::inRange<std::uint64_t>(0, 1'000'000'000);
  const int level = *rc::gen::inRange(1, 4);
  const bool stream = *rc::gen::arbitrary<bool>();
  const bool tools = *rc::gen::arbitrary<bool>();
  const nlohmann::json body = tools ? response_tool_request(stream) : response_request(stream);
  const HeaderList headers = {{"X-Chatmock-Fuzz-Level", std::to_string(level)}};
  const auto first = run_response_scenario("fuzz", body, headers, seed);
  run_response_scenario("fuzz", body, headers, seed + 1);
  const auto again = run_response_scenario("fuzz", body, headers, seed);
  RC_ASSERT(first.reply.status == 200);
  RC_ASSERT(first.body() == again.body());
  RC_ASSERT(first.reply.ending == again.reply.ending);
}

}  // namespace
}  // namespace chatmock::testing
