// The runner's Responses support as units: the `api` field and its stream form, the adapter
// input, the route check that stops a Chat-only adapter passing a Responses case, the per-case
// `unsupported` marker, and the Responses observation comparison.
#include <gtest/gtest.h>

#include "runner/conformance_case.h"
#include "runner/fuzz_cases.h"
#include "runner/judgement.h"
#include "runner/observation_diff.h"

namespace chatmock::conform {
namespace {

using nlohmann::json;

json responses_case_file() {
  return json::parse(R"([{"id":"r","description":"d","api":"responses","scenario":"default",
    "forms":["json","stream"],"request":{"model":"m","input":"hi"},
    "expectation":{"kind":"matches_served"}}])");
}

json served_response() {
  return json::parse(R"({"ok":true,"id":"resp_1","model":"m","status":"completed",
    "incomplete_reason":null,"response_error":null,"output_text":"Hi",
    "output":[{"type":"message","id":"msg_1","content":[{"type":"output_text","text":"Hi",
      "annotations":[]}]},{"type":"function_call","id":"fc_1","call_id":"call_1","name":"f",
      "arguments":"{}"}],
    "usage":{"input_tokens":1,"output_tokens":1,"total_tokens":2},"events":9})");
}

json journal_entry(const std::string& path) {
  return {{"method", "POST"},
          {"path", path},
          {"status", 200},
          {"response", {{"body", served_response().dump()}, {"truncated", false}}}};
}

AdapterRun printed_line(const json& observation) {
  AdapterRun run;
  run.exit_code = 0;
  run.out = observation.dump() + "\n";
  return run;
}

TEST(ResponsesJudgementTest, ApiFieldAndStreamForm) {
  const auto cases = parse_cases(responses_case_file(), "f.json");
  ASSERT_EQ(cases.size(), 2U);
  EXPECT_TRUE(is_responses_case(cases[1]));
  EXPECT_EQ(case_route(cases[1]), "/v1/responses");
  EXPECT_EQ(cases[1].request["stream"], true);
  EXPECT_FALSE(cases[1].request.contains("stream_options"));
  json bad = responses_case_file();
  bad[0]["api"] = "completions";
  EXPECT_THROW(parse_cases(bad, "f.json"), std::runtime_error);
}

TEST(ResponsesJudgementTest, OnlyResponsesCasesNameTheirApiToTheAdapter) {
  const auto responses = parse_cases(responses_case_file(), "f.json");
  EXPECT_EQ(adapter_input_for(responses[0], json::object())["api"], "responses");
  json chat_file = responses_case_file();
  chat_file[0].erase("api");
  const auto chat = parse_cases(chat_file, "f.json");
  EXPECT_FALSE(adapter_input_for(chat[0], json::object()).contains("api"));
  EXPECT_EQ(chat[1].request["stream_options"]["include_usage"], true);
}

TEST(ResponsesJudgementTest, MatchingResponsePasses) {
  json observed = served_response();
  observed["events"] = nullptr;  // a JSON reply has no event count, on either side
  const Verdict verdict =
      judge_run({{"kind", "matches_served"}}, printed_line(observed),
                {journal_entry("/v1/responses")}, false, client::ClientApi::responses);
  EXPECT_EQ(verdict.outcome, Outcome::kPass) << verdict.reason;
}

TEST(ResponsesJudgementTest, ARequestOnTheChatRouteFailsAResponsesCase) {
  const json error = json::parse(R"({"ok":false,"error":{"status":400,"type":"t","code":null,
    "message":"m"}})");
  const Verdict verdict =
      judge_run({{"kind", "no_hang_no_crash"}}, printed_line(error),
                {journal_entry("/v1/chat/completions")}, false, client::ClientApi::responses);
  EXPECT_EQ(verdict.outcome, Outcome::kFail);
  EXPECT_NE(verdict.reason.find("the adapter sent POST /v1/chat/completions"), std::string::npos)
      << verdict.reason;
}

TEST(ResponsesJudgementTest, UnsupportedSkipsOnlyTheCase) {
  const Verdict verdict =
      judge_run({{"kind", "matches_served"}}, printed_line({{"unsupported", "Chat only"}}), {},
                false, client::ClientApi::responses);
  EXPECT_EQ(verdict.outcome, Outcome::kSkip);
  EXPECT_FALSE(verdict.skips_client);
  EXPECT_EQ(verdict.reason, "unsupported by this client: Chat only");
}

TEST(ResponsesJudgementTest, DifferencesNameTheField) {
  json observed = served_response();
  EXPECT_EQ(observation_difference(served_response(), observed), std::nullopt);
  observed["events"] = nullptr;  // a client that cannot count events is not judged on them
  EXPECT_EQ(observation_difference(served_response(), observed), std::nullopt);
  observed["output"][1]["arguments"] = json::object();
  EXPECT_EQ(observation_difference(served_response(), observed),
            "output[1].arguments: served \"{}\", client reported {}");
  observed = served_response();
  observed["status"] = "incomplete";
  EXPECT_EQ(observation_difference(served_response(), observed),
            "status: served \"completed\", client reported \"incomplete\"");
  observed = served_response();
  observed["output"].erase(1);
  EXPECT_NE(observation_difference(served_response(), observed)->find("output: served 2 item(s)"),
            std::string::npos);
  observed = served_response();
  observed["events"] = 8;
  EXPECT_EQ(observation_difference(served_response(), observed),
            "events: served 9, client reported 8");
  EXPECT_EQ(malformed_observation(served_response()), std::nullopt);
}

TEST(ResponsesJudgementTest, FuzzCasesCoverResponsesAndReproduceOnTheirRoute) {
  std::vector<ConformanceCase> cases;
  add_fuzz_cases(cases, 2, 3, "*");
  ASSERT_EQ(cases.size(), 4U);
  EXPECT_EQ(cases[2].id, "responses_fuzz.1");
  EXPECT_TRUE(is_responses_case(cases[3]));
  EXPECT_EQ(cases[3].request["stream"], true);
  EXPECT_EQ(cases[3].headers["X-Chatmock-Fuzz-Level"], "3");
  EXPECT_EQ(fuzz_seed_of("responses_fuzz.7#2"), 7);
  EXPECT_EQ(case_of_result(cases, "responses_fuzz.2#5"), &cases[3]);
  EXPECT_TRUE(
      curl_line(cases[3], {.root_url = "http://h:1"}).ends_with(" http://h:1/v1/responses"));
  EXPECT_TRUE(curl_line(cases[1], {.root_url = "http://h:1"}).ends_with("/v1/chat/completions"));
  cases.clear();
  add_fuzz_cases(cases, 0, 1, "responses_fuzz.7");
  ASSERT_EQ(cases.size(), 1U);
  EXPECT_EQ(cases[0].id, "responses_fuzz.7");
}

}  // namespace
}  // namespace chatmock::conform
