// The per-kind rules of judgement.h on hand-built journal entries: retry counting and spacing,
// no_retry, error fields, and the process-level failures (hang, crash, no observation, skip).
#include "runner/judgement.h"

#include <gtest/gtest.h>

namespace chatmock::conform {
namespace {

using nlohmann::json;

json entry(
    int status, std::int64_t received_at_ms, json response_headers = json::object(),
    std::string body =
        R"({"error":{"message":"m","type":"tokens","param":null,"code":"rate_limit_exceeded"}})") {
  return {{"status", status},
          {"received_at_ms", received_at_ms},
          {"headers", {{"x-chatmock-session", "s"}}},
          {"response",
           {{"headers", std::move(response_headers)},
            {"body", std::move(body)},
            {"truncated", false}}}};
}

json rate_limit_error() {
  return json::parse(
      R"({"ok":false,"error":{"status":429,"type":"tokens","code":"rate_limit_exceeded","message":"m"}})");
}

AdapterRun printed(const json& observation) {
  AdapterRun run;
  run.exit_code = 0;
  run.out = "some log line\n" + observation.dump() + "\n\n";
  return run;
}

TEST(JudgementTest, ParseObservationTakesTheLastNonBlankLine) {
  EXPECT_EQ(parse_observation("noise\n{\"ok\":true}\n  \n"), json::parse(R"({"ok":true})"));
  EXPECT_TRUE(parse_observation("").is_discarded());
  EXPECT_TRUE(parse_observation("not json\n").is_discarded());
}

TEST(JudgementTest, RetriesPassWhenCountAndSpacingMatch) {
  const json expectation = {
      {"kind", "retries"}, {"attempts", 3}, {"final", {{"kind", "error"}, {"status", 429}}}};
  const json headers = {{"retry-after-ms", "644"}, {"retry-after", "1"}};
  const std::vector<json> attempts = {entry(429, 1000, headers), entry(429, 1700, headers),
                                      entry(429, 2400, headers)};
  EXPECT_EQ(judge_observation(expectation, rate_limit_error(), attempts, false).outcome,
            Outcome::kPass);
}

TEST(JudgementTest, RetriesFailWhenTheClientDidNotWaitForRetryAfterMs) {
  const json expectation = {{"kind", "retries"}, {"attempts", 2}};
  const json headers = {{"Retry-After-Ms", "644"}};
  const Verdict v =
      judge_observation(expectation, rate_limit_error(),
                        {entry(429, 1000, headers), entry(429, 1100, headers)}, false);
  EXPECT_EQ(v.outcome, Outcome::kFail);
  EXPECT_NE(v.reason.find("100 ms after attempt 1, which asked for 644 ms"), std::string::npos)
      << v.reason;
}

TEST(JudgementTest, RetryAfterSecondsIsUsedWithoutRetryAfterMs) {
  const json expectation = {{"kind", "retries"}, {"attempts", 2}};
  const json headers = {{"retry-after", "1"}};
  EXPECT_EQ(judge_observation(expectation, rate_limit_error(),
                              {entry(429, 0, headers), entry(429, 500, headers)}, false)
                .outcome,
            Outcome::kFail);
  EXPECT_EQ(judge_observation(expectation, rate_limit_error(),
                              {entry(429, 0, headers), entry(429, 1000, headers)}, false)
                .outcome,
            Outcome::kPass);
}

TEST(JudgementTest, RetryAfterBeyondTheSdkCapDoesNotConstrainSpacing) {
  const json expectation = {{"kind", "retries"}, {"attempts", 2}};
  const json headers = {{"retry-after", "300"}};
  EXPECT_EQ(judge_observation(expectation, rate_limit_error(),
                              {entry(429, 0, headers), entry(429, 600, headers)}, false)
                .outcome,
            Outcome::kPass);
}

TEST(JudgementTest, RetriesFailOnTheWrongAttemptCount) {
  const json expectation = {{"kind", "retries"}, {"attempts", 3}};
  const Verdict v = judge_observation(expectation, rate_limit_error(), {entry(429, 0)}, false);
  EXPECT_EQ(v.outcome, Outcome::kFail);
  EXPECT_NE(v.reason.find("expected 3 attempts, the journal shows 1 (statuses 429)"),
            std::string::npos)
      << v.reason;
}

TEST(JudgementTest, RetriesCheckTheFinalObservation) {
  const json expectation = {
      {"kind", "retries"}, {"attempts", 1}, {"final", {{"kind", "error"}, {"status", 500}}}};
  EXPECT_EQ(judge_observation(expectation, rate_limit_error(), {entry(429, 0)}, false).outcome,
            Outcome::kFail);
}

TEST(JudgementTest, NoRetryNeedsExactlyOneAttemptAndTheNamedFields) {
  const json expectation = {
      {"kind", "no_retry"}, {"status", 429}, {"type", "tokens"}, {"code", "rate_limit_exceeded"}};
  EXPECT_EQ(judge_observation(expectation, rate_limit_error(), {entry(429, 0)}, false).outcome,
            Outcome::kPass);
  EXPECT_EQ(
      judge_observation(expectation, rate_limit_error(), {entry(429, 0), entry(429, 10)}, false)
          .outcome,
      Outcome::kFail);
  json wrong_code = rate_limit_error();
  wrong_code["error"]["code"] = nullptr;
  const Verdict v = judge_observation(expectation, wrong_code, {entry(429, 0)}, false);
  EXPECT_EQ(v.outcome, Outcome::kFail);
  EXPECT_EQ(v.reason, R"(error.code: expected "rate_limit_exceeded", client reported null)");
}

TEST(JudgementTest, ErrorExpectationRejectsSuccessAndChecksNullStatus) {
  const json expectation = {{"kind", "error"}, {"status", nullptr}};
  const json success = json::parse(R"({"ok":true,"choices":[]})");
  EXPECT_EQ(judge_observation(expectation, success, {}, true).outcome, Outcome::kFail);
  json midstream = rate_limit_error();
  midstream["error"]["status"] = nullptr;
  EXPECT_EQ(judge_observation(expectation, midstream, {}, true).outcome, Outcome::kPass);
  EXPECT_EQ(judge_observation(expectation, rate_limit_error(), {}, true).outcome, Outcome::kFail);
}

TEST(JudgementTest, MatchesServedReadsTheLastAttemptsStream) {
  const std::string sse =
      "data: "
      "{\"id\":\"c1\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\","
      "\"refusal\":\"No.\"}}]}\n\n"
      "data: "
      "{\"id\":\"c1\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":"
      "\"stop\"}]}\n\n"
      "data: [DONE]\n\n";
  const std::vector<json> attempts = {entry(500, 0), entry(200, 10, json::object(), sse)};
  json observed = json::parse(R"({"ok":true,"id":"c1","model":"m","usage":null,
    "choices":[{"index":0,"finish_reason":"stop","content":null,"refusal":"No.","tool_calls":[]}]})");
  const json expectation = {{"kind", "matches_served"}};
  EXPECT_EQ(judge_observation(expectation, observed, attempts, true).outcome, Outcome::kPass);
  observed["choices"][0]["refusal"] = nullptr;
  const Verdict v = judge_observation(expectation, observed, attempts, true);
  EXPECT_EQ(v.outcome, Outcome::kFail);
  EXPECT_EQ(v.reason.rfind("choices[0].refusal", 0), 0U) << v.reason;
}

TEST(JudgementTest, MatchesServedFailsWithoutJournalOrWithATruncatedBody) {
  const json expectation = {{"kind", "matches_served"}};
  EXPECT_NE(judge_observation(expectation, rate_limit_error(), {}, false).reason.find("no request"),
            std::string::npos);
  json truncated = entry(200, 0);
  truncated["response"]["truncated"] = true;
  EXPECT_NE(judge_observation(expectation, rate_limit_error(), {truncated}, false)
                .reason.find("truncated"),
            std::string::npos);
}

TEST(JudgementTest, ProcessFailuresComeBeforeTheExpectation) {
  const json expectation = {{"kind", "no_hang_no_crash"}};
  AdapterRun hung = printed(rate_limit_error());
  hung.timed_out = true;
  EXPECT_NE(judge_run(expectation, hung, {}, false).reason.find("hang"), std::string::npos);
  AdapterRun crashed = printed(rate_limit_error());
  crashed.exit_code = 139;
  EXPECT_NE(judge_run(expectation, crashed, {}, false).reason.find("signal 11"), std::string::npos);
  AdapterRun silent;
  silent.exit_code = 1;
  silent.err = "TypeError: boom\n  at x";
  const Verdict v = judge_run(expectation, silent, {}, false);
  EXPECT_NE(v.reason.find("no observation JSON"), std::string::npos);
  EXPECT_NE(v.reason.find("TypeError: boom"), std::string::npos);
  EXPECT_EQ(judge_run(expectation, printed(json{{"ok", true}}), {}, false).outcome, Outcome::kFail);
  EXPECT_EQ(judge_run(expectation, printed(rate_limit_error()), {}, false).outcome, Outcome::kPass);
}

TEST(JudgementTest, SkipMarkerSkips) {
  const Verdict v =
      judge_run({{"kind", "matches_served"}}, printed(json{{"skip", "no sdk"}}), {}, false);
  EXPECT_EQ(v.outcome, Outcome::kSkip);
  EXPECT_EQ(v.reason, "no sdk");
}

}  // namespace
}  // namespace chatmock::conform
