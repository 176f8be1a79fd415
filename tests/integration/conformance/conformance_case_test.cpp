// The case file format: forms expand into .json/.stream ids with the stream options set, bad
// cases fail loudly, globs select, and the committed catalogue of cases loads and is big enough.
#include "runner/conformance_case.h"

#include <gtest/gtest.h>

#include <set>

namespace chatmock::conform {
namespace {

using nlohmann::json;

json one_case(json extra = json::object()) {
  json c = {{"id", "refusal"},
            {"description", "A refusal is surfaced."},
            {"scenario", "refusal"},
            {"request", {{"model", "m"}, {"messages", json::array()}}},
            {"expectation", {{"kind", "matches_served"}}}};
  c.update(extra);
  return c;
}

TEST(ConformanceCaseTest, FormsExpandIntoJsonAndStreamCases) {
  const auto cases =
      parse_cases(json::array({one_case({{"forms", {"json", "stream"}}})}), "f.json");
  ASSERT_EQ(cases.size(), 2U);
  EXPECT_EQ(cases[0].id, "refusal.json");
  EXPECT_EQ(cases[0].request["stream"], false);
  EXPECT_EQ(cases[1].id, "refusal.stream");
  EXPECT_EQ(cases[1].request["stream"], true);
  EXPECT_EQ(cases[1].request["stream_options"]["include_usage"], true);
  EXPECT_EQ(cases[1].scenario, "refusal");
}

TEST(ConformanceCaseTest, WithoutFormsTheCaseIsTakenAsWritten) {
  const auto cases =
      parse_cases(json{{"cases", json::array({one_case({{"timeout_ms", 500}})})}}, "f.json");
  ASSERT_EQ(cases.size(), 1U);
  EXPECT_EQ(cases[0].id, "refusal");
  EXPECT_FALSE(cases[0].request.contains("stream"));
  EXPECT_EQ(cases[0].timeout_ms, 500);
}

TEST(ConformanceCaseTest, MalformedCasesAreRejectedWithTheFileAndId) {
  EXPECT_THROW(
      parse_cases(json::array({one_case({{"expectation", {{"kind", "vibes"}}}})}), "f.json"),
      std::runtime_error);
  EXPECT_THROW(parse_cases(json::array({one_case({{"request", "text"}})}), "f.json"),
               std::runtime_error);
  EXPECT_THROW(parse_cases(json::array({one_case({{"forms", {"xml"}}})}), "f.json"),
               std::runtime_error);
  try {
    parse_cases(json::array({one_case({{"description", ""}})}), "dir/f.json");
    FAIL() << "expected a throw";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("dir/f.json: case 'refusal'"), std::string::npos)
        << e.what();
  }
}

TEST(ConformanceCaseTest, GlobsSelectByIdAndMayBeCommaSeparated) {
  EXPECT_TRUE(matches_glob("*", "refusal.stream"));
  EXPECT_TRUE(matches_glob("refusal.*", "refusal.stream"));
  EXPECT_FALSE(matches_glob("refusal.*", "refusal_and_logprobs.json"));
  EXPECT_TRUE(matches_glob("length.*,refusal.st*", "refusal.stream"));
  EXPECT_FALSE(matches_glob("", "refusal.stream"));
}

TEST(ConformanceCaseTest, ScenarioNamesSplitCompositionsAndSequences) {
  EXPECT_EQ(scenario_names("refusal+sse_crlf,error_500"),
            (std::vector<std::string>{"refusal", "sse_crlf", "error_500"}));
  EXPECT_TRUE(scenario_names("").empty());
}

// The committed cases (tests run from the source root) load, have unique ids and cover the
// contract's core scenarios in both forms.
TEST(ConformanceCaseTest, CommittedCasesLoadAndCoverTheCoreScenarios) {
  const auto cases = load_cases("conformance/cases");
  EXPECT_GE(cases.size(), 60U);
  std::set<std::string> ids;
  for (const auto& c : cases) ids.insert(c.id);
  for (const char* core : {"default",
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
                           "fuzz"}) {
    EXPECT_TRUE(ids.contains(std::string(core) + ".json")) << core;
    EXPECT_TRUE(ids.contains(std::string(core) + ".stream")) << core;
  }
  EXPECT_TRUE(ids.contains("truncated_stream.stream"));
}

}  // namespace
}  // namespace chatmock::conform
