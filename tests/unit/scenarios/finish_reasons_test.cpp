// Edge-cases.md §5 B: every finish_reason scenario's defining property, in the JSON body and in
// the stream's finish chunk, plus the usage arithmetic truncation implies.
#include <gtest/gtest.h>

#include <set>

#include "api/chat_completion_chunk.h"
#include "scenarios/scenario_catalogue.h"
#include "support/scenario_harness.h"
#include "synthesis/token_splitter.h"

namespace chatmock::testing {
namespace {
using nlohmann::json;

/// The finish_reason of the stream's last choice chunk (the one that is not all-null).
json streamed_finish_reason(const ScenarioRun& run) {
  json reason = nullptr;
  for (const auto& chunk : run.chunks()) {
    for (const auto& choice : chunk["choices"]) {
      if (!choice["finish_reason"].is_null()) reason = choice["finish_reason"];
    }
  }
  return reason;
}

void expect_parses_into_the_model(const ScenarioRun& json_run, const ScenarioRun& stream_run) {
  EXPECT_NO_THROW((void)json_run.json().get<api::ChatCompletion>());
  for (const auto& chunk : stream_run.chunks())
    EXPECT_NO_THROW((void)chunk.get<api::ChatCompletionChunk>());
}

bool ends_a_sentence(const std::string& text) {
  return !text.empty() && (text.back() == '.' || text.back() == '!' || text.back() == '?');
}

TEST(FinishLengthText, CompletionTokensEqualTheRequestedLimit) {
  for (const char* limit_key : {"max_tokens", "max_completion_tokens"}) {
    auto request = chat_request();
    request[limit_key] = 23;
    const auto run = run_scenario("finish_length_text", request);
    const auto body = run.json();
    EXPECT_EQ(body["choices"][0]["finish_reason"], "length");
    EXPECT_EQ(body["usage"]["completion_tokens"], 23) << limit_key;
    const auto content = body["choices"][0]["message"]["content"].get<std::string>();
    EXPECT_EQ(synthesis::count_tokens(content), 23U);
    EXPECT_FALSE(ends_a_sentence(content)) << content;

    request["stream"] = true;
    request["stream_options"] = {{"include_usage", true}};
    const auto stream = run_scenario("finish_length_text", request);
    EXPECT_EQ(streamed_finish_reason(stream), "length");
    EXPECT_EQ(stream.chunks().back()["usage"]["completion_tokens"], 23);
    EXPECT_EQ(*stream.assembled().choices[0].message.content, content);
    expect_parses_into_the_model(run, stream);
  }
}

TEST(FinishLengthText, WithoutALimitTheSentenceIsStillCut) {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    const auto body = run_scenario("finish_length_text", chat_request(), {}, seed).json();
    EXPECT_EQ(body["choices"][0]["finish_reason"], "length");
    const auto content = body["choices"][0]["message"]["content"].get<std::string>();
    EXPECT_FALSE(ends_a_sentence(content)) << content;
    EXPECT_EQ(body["usage"]["completion_tokens"], synthesis::count_tokens(content));
  }
}

TEST(FinishLengthMidToolArgs, ArgumentsStopMidValueWithFinishLength) {
  for (const auto& make : {tool_request, chat_request}) {
    const auto run = run_scenario("finish_length_mid_tool_args", make(false));
    const auto body = run.json();
    EXPECT_EQ(body["choices"][0]["finish_reason"], "length");
    const auto& call = body["choices"][0]["message"]["tool_calls"][0]["function"];
    EXPECT_EQ(call["name"], "get_weather");
    const auto arguments = call["arguments"].get<std::string>();
    EXPECT_TRUE(arguments.starts_with("{\"city\":\"")) << arguments;
    EXPECT_FALSE(json::accept(arguments)) << arguments;

    const auto stream = run_scenario("finish_length_mid_tool_args", make(true));
    EXPECT_EQ(streamed_finish_reason(stream), "length");
    EXPECT_EQ((*stream.assembled().choices[0].message.tool_calls)[0].function->arguments,
              arguments);
    expect_parses_into_the_model(run, stream);
  }
}

TEST(FinishLengthReasoningOnly, EmptyContentAndEveryTokenIsReasoning) {
  auto request = chat_request();
  request["max_completion_tokens"] = 512;
  const auto run = run_scenario("finish_length_reasoning_only", request);
  const auto body = run.json();
  EXPECT_EQ(body["choices"][0]["finish_reason"], "length");
  EXPECT_EQ(body["choices"][0]["message"]["content"], "");
  EXPECT_EQ(body["usage"]["completion_tokens"], 512);
  EXPECT_EQ(body["usage"]["completion_tokens_details"]["reasoning_tokens"], 512);
  EXPECT_EQ(body["usage"]["total_tokens"], body["usage"]["prompt_tokens"].get<int>() +
                                               body["usage"]["completion_tokens"].get<int>());

  request["stream"] = true;
  request["stream_options"] = {{"include_usage", true}};
  const auto stream = run_scenario("finish_length_reasoning_only", request);
  EXPECT_EQ(streamed_finish_reason(stream), "length");
  EXPECT_EQ(*stream.assembled().choices[0].message.content, "");
  const auto usage = stream.chunks().back()["usage"];
  EXPECT_EQ(usage["completion_tokens_details"]["reasoning_tokens"], usage["completion_tokens"]);
  expect_parses_into_the_model(run, stream);

  const auto unlimited =
      run_scenario("finish_length_reasoning_only", chat_request()).json()["usage"];
  EXPECT_GT(unlimited["completion_tokens"].get<int>(), 0);
  EXPECT_EQ(unlimited["completion_tokens_details"]["reasoning_tokens"],
            unlimited["completion_tokens"]);
}

TEST(FinishContentFilter, PartialTextOrNullContentThenContentFilter) {
  std::set<std::string> variants;
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    const auto run = run_scenario("finish_content_filter", chat_request(), {}, seed);
    const auto body = run.json();
    EXPECT_EQ(body["choices"][0]["finish_reason"], "content_filter");
    const auto& content = body["choices"][0]["message"]["content"];
    variants.insert(content.is_null() ? "null" : "partial");
    if (content.is_string()) {
      EXPECT_FALSE(ends_a_sentence(content.get<std::string>()));
    }

    const auto stream = run_scenario("finish_content_filter", chat_request(true), {}, seed);
    EXPECT_EQ(streamed_finish_reason(stream), "content_filter");
    EXPECT_EQ(stream.assembled().choices[0].message.content,
              body.get<api::ChatCompletion>().choices[0].message.content);
    expect_parses_into_the_model(run, stream);
  }
  EXPECT_EQ(variants, (std::set<std::string>{"null", "partial"}));
}

TEST(FinishToolCallsVsStopForced, ToolCallArrivesWithFinishStop) {
  for (const auto& make : {tool_request, chat_request}) {
    const auto run = run_scenario("finish_tool_calls_vs_stop_forced", make(false));
    const auto body = run.json();
    EXPECT_EQ(body["choices"][0]["finish_reason"], "stop");
    EXPECT_EQ(body["choices"][0]["message"]["tool_calls"].size(), 1U);
    const auto stream = run_scenario("finish_tool_calls_vs_stop_forced", make(true));
    EXPECT_EQ(streamed_finish_reason(stream), "stop");
    EXPECT_TRUE(stream.assembled().choices[0].message.tool_calls.has_value());
    expect_parses_into_the_model(run, stream);
  }
}

TEST(FinishReasonUnknownValue, SeedPicksAValueOutsideTheEnumForJsonAndStreamAlike) {
  std::set<std::string> seen;
  for (std::uint64_t seed = 1; seed <= 30; ++seed) {
    const auto value = run_scenario("finish_reason_unknown_value", chat_request(), {}, seed)
                           .json()["choices"][0]["finish_reason"]
                           .get<std::string>();
    seen.insert(value);
    EXPECT_EQ(streamed_finish_reason(
                  run_scenario("finish_reason_unknown_value", chat_request(true), {}, seed)),
              value);
  }
  EXPECT_EQ(seen, (std::set<std::string>{"error", "end_turn", "eos"}));
}

TEST(FinishReasonUnknownValue, HeaderChoosesTheValue) {
  const HeaderList headers = {{"X-Chatmock-Finish-Reason", "max_output_reached"}};
  EXPECT_EQ(run_scenario("finish_reason_unknown_value", chat_request(), headers)
                .json()["choices"][0]["finish_reason"],
            "max_output_reached");
  const auto stream = run_scenario("finish_reason_unknown_value", chat_request(true), headers);
  EXPECT_EQ(streamed_finish_reason(stream), "max_output_reached");
  EXPECT_TRUE(stream.ends_with_done());
}

TEST(FinishReasonNullNonstream, JsonFinishReasonIsPresentAndNull) {
  const auto body = run_scenario("finish_reason_null_nonstream", chat_request()).json();
  ASSERT_TRUE(body["choices"][0].contains("finish_reason"));
  EXPECT_TRUE(body["choices"][0]["finish_reason"].is_null());
  EXPECT_TRUE(body["choices"][0]["message"]["content"].is_string());

  const auto stream = run_scenario("finish_reason_null_nonstream", chat_request(true));
  EXPECT_TRUE(streamed_finish_reason(stream).is_null());
  EXPECT_TRUE(stream.chunks().back()["choices"][0]["delta"].empty());
  EXPECT_TRUE(stream.ends_with_done());
}

TEST(ToolCallsWithFinishStopAndContent, MessageHasContentAndToolCalls) {
  for (const auto& make : {tool_request, chat_request}) {
    const auto run = run_scenario("tool_calls_with_finish_stop_and_content", make(false));
    const auto body = run.json();
    const auto& message = body["choices"][0]["message"];
    EXPECT_EQ(body["choices"][0]["finish_reason"], "tool_calls");
    EXPECT_EQ(message["content"], "Let me check that for you.");
    EXPECT_EQ(message["tool_calls"].size(), 1U);
    const auto plain = run_scenario("finish_tool_calls_vs_stop_forced", make(false)).json();
    EXPECT_GT(body["usage"]["completion_tokens"].get<int>(),
              plain["usage"]["completion_tokens"].get<int>());

    const auto stream = run_scenario("tool_calls_with_finish_stop_and_content", make(true));
    const auto assembled = stream.assembled();
    EXPECT_EQ(*assembled.choices[0].message.content, "Let me check that for you.");
    EXPECT_EQ(assembled.choices[0].message.tool_calls->size(), 1U);
    EXPECT_EQ(streamed_finish_reason(stream), "tool_calls");
    expect_parses_into_the_model(run, stream);
  }
  const HeaderList stop = {{"X-Chatmock-Finish-Reason", "stop"}};
  EXPECT_EQ(run_scenario("tool_calls_with_finish_stop_and_content", tool_request(), stop)
                .json()["choices"][0]["finish_reason"],
            "stop");
}

TEST(FinishReasonScenarios, ComposeWithToolArgumentsAndDefault) {
  const auto body =
      run_scenario("args_hallucinated_params+finish_length_mid_tool_args+default", tool_request())
          .json();
  EXPECT_EQ(body["choices"][0]["finish_reason"], "length");
  EXPECT_FALSE(json::accept(
      body["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"].get<std::string>()));

  const auto stream =
      run_scenario("tool_calls_with_finish_stop_and_content+finish_reason_unknown_value",
                   tool_request(true), {{"X-Chatmock-Finish-Reason", "eos"}});
  EXPECT_EQ(streamed_finish_reason(stream), "eos");
  EXPECT_EQ(*stream.assembled().choices[0].message.content, "Let me check that for you.");
}

TEST(FinishReasonScenarios, RegisteredInTheirGroupsWithTheirSpecFlags) {
  const auto& catalogue = scenarios::builtin_catalogue();
  const std::set<std::string> breaking = {"finish_reason_unknown_value",
                                          "finish_reason_null_nonstream",
                                          "tool_call_id_missing_or_empty"};
  for (const char* name :
       {"finish_length_text", "finish_length_mid_tool_args", "finish_length_reasoning_only",
        "finish_content_filter", "finish_tool_calls_vs_stop_forced", "finish_reason_unknown_value",
        "finish_reason_null_nonstream", "tool_calls_with_finish_stop_and_content"}) {
    const auto* scenario = catalogue.find(name);
    ASSERT_NE(scenario, nullptr) << name;
    EXPECT_EQ(scenario->group, "finish_reasons") << name;
    EXPECT_EQ(scenario->breaks_spec, breaking.contains(name)) << name;
  }
  for (const char* name :
       {"args_invalid_json", "args_empty_string", "args_hallucinated_params", "args_wrong_types",
        "args_double_encoded", "tool_name_unknown", "tool_call_id_missing_or_empty"}) {
    const auto* scenario = catalogue.find(name);
    ASSERT_NE(scenario, nullptr) << name;
    EXPECT_EQ(scenario->group, "tool_arguments") << name;
    EXPECT_EQ(scenario->breaks_spec, breaking.contains(name)) << name;
  }
}

}  // namespace
}  // namespace chatmock::testing
