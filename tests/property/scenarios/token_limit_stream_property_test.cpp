// Under a token limit (max_tokens or max_completion_tokens), every spec-valid scenario's stream
// reassembles to what its JSON reply says: each choice's finish_reason and content, and the
// usage (streamed with include_usage). Placeholders a scenario streams in place of big content
// (`large`) must be cut by the limit exactly as the JSON content is.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>

#include "api/chat_completion_request.h"
#include "generators/arbitrary.h"
#include "generators/valid_request.h"
#include "scenarios/scenario_catalogue.h"
#include "support/scenario_harness.h"

namespace chatmock::scenarios {
namespace {

/// The scenarios whose stream must agree with their JSON reply. Left out: spec-breaking ones,
/// sequences (their steps are scenarios of their own), and "(stream only)" ones, whose point is
/// a stream that says something else (no finish_reason, a cut, an error event) while the JSON
/// form is the default reply.
const std::vector<std::string>& comparable_scenarios() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& scenario : builtin_catalogue().all()) {
      if (scenario.breaks_spec || !scenario.expands_to.empty()) continue;
      if (scenario.api == ScenarioApi::responses) continue;
      if (scenario.description.find("(stream only)") != std::string::npos) continue;
      out.push_back(scenario.name);
    }
    return out;
  }();
  return names;
}

nlohmann::json choices_summary(const nlohmann::json& choices) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& choice : choices) {
    out.push_back({{"index", choice.value("index", -1)},
                   {"finish_reason", choice.value("finish_reason", nlohmann::json())},
                   {"content", choice["message"].value("content", nlohmann::json())}});
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a["index"] < b["index"]; });
  return out;
}

void check_limited_stream(const std::string& scenario, std::uint64_t seed) {
  auto request = *property::valid_request();
  if (request.n.has_value() && *request.n > 3) request.n = *rc::gen::inRange<std::int64_t>(1, 4);
  const auto limit = *rc::gen::inRange<std::int64_t>(1, 4097);
  const bool reasoning = request.model.starts_with("o") || request.model.starts_with("gpt-5");
  if (!reasoning && *rc::gen::arbitrary<bool>()) {
    request.max_tokens = limit;
    request.max_completion_tokens = {};
  } else {
    request.max_completion_tokens = limit;
    request.max_tokens = {};
  }
  request.stream = false;
  request.stream_options = {};
  const nlohmann::json plain = request;
  request.stream = true;
  api::StreamOptions options;
  options.include_usage = true;
  request.stream_options = options;
  const nlohmann::json streaming = request;
  // `large` at up to 64 KiB (beyond 4096 tokens) keeps a run cheap; the unit test covers 1 MiB.
  const testing::HeaderList size = {
      {"X-Chatmock-Size", std::to_string(*rc::gen::inRange(1, 65537))}};

  const auto json_reply = testing::run_scenario(scenario, plain, size, seed);
  // Error replies (error_*, stream_error…) have no choices to compare.
  RC_PRE(json_reply.reply.status == 200 && json_reply.reply.ending == wire::WireEnding::complete);
  const auto stream_reply = testing::run_scenario(scenario, streaming, size, seed);
  RC_ASSERT(stream_reply.reply.status == 200);
  const auto body = json_reply.json();
  const nlohmann::json assembled = stream_reply.assembled();
  const auto want = choices_summary(body["choices"]);
  const auto got = choices_summary(assembled["choices"]);
  // Through the typed completion, as the assembler's side is: provider extras (usage cache
  // counters of extra_unknown_fields) are not what this property is about.
  const nlohmann::json typed = body.get<api::ChatCompletion>();
  const auto want_usage = typed.value("usage", nlohmann::json());
  const auto got_usage = assembled.value("usage", nlohmann::json());
  if (want != got || want_usage != got_usage) {
    RC_FAIL("\"" + scenario + "\" under " +
            (plain.contains("max_tokens") ? "max_tokens " : "max_completion_tokens ") +
            std::to_string(limit) +
            ": stream and JSON differ.\nchoices: " + nlohmann::json::diff(want, got).dump() +
            "\nusage: " + nlohmann::json::diff(want_usage, got_usage).dump());
  }
}

RC_GTEST_PROP(TokenLimitStreamProperty, EverySpecValidScenarioStreamsWhatItsJsonReplySays,
              (const std::uint64_t seed)) {
  check_limited_stream(*rc::gen::elementOf(comparable_scenarios()), seed);
}

TEST(TokenLimitStreamProperty, LargeIsCutByTheLimitInBothForms) {
  rc::detail::checkGTest([](const std::uint64_t seed) { check_limited_stream("large", seed); });
}

}  // namespace
}  // namespace chatmock::scenarios
