// Properties every scenario in the catalogue must keep, checked for all of them at once:
// deterministic bytes, spec-following output that parses into the model (unless it says it
// breaks the spec), and safe composition with the default reply.
#include <gtest/gtest.h>

#include "api/chat_completion.h"
#include "api/chat_completion_chunk.h"
#include "scenarios/scenario_catalogue.h"
#include "support/scenario_harness.h"

namespace chatmock::testing {
namespace {

const HeaderList kFastHeaders{{"X-Chatmock-Latency", "ttft=0,itl=0"}, {"X-Chatmock-Size", "4096"}};

std::vector<std::string> scenario_names(bool only_spec_following) {
  std::vector<std::string> names;
  for (const auto& scenario : scenarios::builtin_catalogue().all()) {
    if (!scenario.expands_to.empty()) continue;
    if (scenario.api == scenarios::ScenarioApi::responses) continue;  // response_* tests
    if (!only_spec_following || !scenario.breaks_spec) names.push_back(scenario.name);
  }
  return names;
}

TEST(CatalogueWide, EveryScenarioGivesTheSameBytesForTheSameSeed) {
  for (const auto& name : scenario_names(false)) {
    for (const bool stream : {false, true}) {
      const auto first = run_scenario(name, tool_request(stream), kFastHeaders, 21);
      const auto second = run_scenario(name, tool_request(stream), kFastHeaders, 21);
      EXPECT_EQ(first.body(), second.body()) << name << " stream=" << stream;
      EXPECT_EQ(first.reply.status, second.reply.status) << name;
    }
  }
}

TEST(CatalogueWide, SpecFollowingScenariosParseIntoTheModel) {
  for (const auto& name : scenario_names(true)) {
    for (const auto& request : {chat_request(false), tool_request(false)}) {
      const auto run = run_scenario(name, request, kFastHeaders);
      if (run.reply.status != 200 || run.reply.content_type.find("json") == std::string::npos)
        continue;
      if (run.reply.ending == wire::WireEnding::cut)
        continue;  // a cut body is the point of the scenario
      EXPECT_NO_THROW(run.json().get<api::ChatCompletion>()) << name;
    }
    for (const auto& request : {chat_request(true), tool_request(true)}) {
      const auto run = run_scenario(name, request, kFastHeaders);
      if (run.reply.status != 200 ||
          run.reply.content_type.find("event-stream") == std::string::npos)
        continue;
      for (const auto& event : run.events()) {
        if (event.data == "[DONE]" || event.data.empty()) continue;
        const auto data = nlohmann::json::parse(event.data, nullptr, false);
        if (data.is_discarded() || data.contains("error"))
          continue;  // mid-stream errors are error bodies
        EXPECT_NO_THROW(data.get<api::ChatCompletionChunk>())
            << name << ": " << event.data.substr(0, 200);
      }
    }
  }
}

TEST(CatalogueWide, EveryScenarioComposesWithDefaultInEitherOrder) {
  for (const auto& name : scenario_names(false)) {
    EXPECT_NO_THROW(run_scenario(name + "+default", chat_request(true), kFastHeaders)) << name;
    EXPECT_NO_THROW(run_scenario("default+" + name, chat_request(false), kFastHeaders)) << name;
  }
}

TEST(CatalogueWide, CatalogueHasEveryCoreNameOfTheContract) {
  for (const char* name : {"default",
                           "null_content",
                           "empty_content",
                           "refusal",
                           "length",
                           "content_filter",
                           "function_call",
                           "tool_calls",
                           "parallel_tool_calls",
                           "malformed_tool_arguments",
                           "schema_violating_tool_arguments",
                           "unknown_tool",
                           "multiple_choices",
                           "logprobs",
                           "annotations",
                           "audio",
                           "unicode",
                           "large",
                           "extra_fields",
                           "minimal",
                           "explicit_nulls",
                           "structured_output",
                           "error_400",
                           "error_401",
                           "error_403",
                           "error_404",
                           "error_429",
                           "error_500",
                           "error_503",
                           "error_html_502",
                           "slow",
                           "disconnect",
                           "stream_error",
                           "truncated_stream",
                           "fuzz"}) {
    EXPECT_NE(scenarios::builtin_catalogue().find(name), nullptr) << name;
  }
  EXPECT_GT(scenarios::builtin_catalogue().all().size(), 100U);
}

}  // namespace
}  // namespace chatmock::testing
