// Core scenarios that change the answer's kind: empty/null/refused/cut/filtered answers and the
// tool-call family. Each test asserts the scenario's defining property in JSON and stream form;
// the catch-all tests at the end check every core scenario's spec validity and determinism.
#include <gtest/gtest.h>

#include <algorithm>

#include "api/chat_completion_chunk.h"
#include "core_wire_schemas.h"
#include "scenarios/scenario_catalogue.h"
#include "support/scenario_harness.h"
#include "synthesis/json_schema_checker.h"
#include "synthesis/token_splitter.h"

namespace chatmock::testing {
namespace {
using nlohmann::json;

const json& core_message_of(const json& body) { return body["choices"][0]["message"]; }

/// The delta tool-call indexes in stream order (one entry per tool-call delta).
std::vector<std::int64_t> tool_delta_indexes(const std::vector<json>& chunks) {
  std::vector<std::int64_t> out;
  for (const auto& chunk : chunks) {
    for (const auto& choice : chunk["choices"]) {
      if (!choice["delta"].contains("tool_calls")) continue;
      for (const auto& d : choice["delta"]["tool_calls"])
        out.push_back(d["index"].get<std::int64_t>());
    }
  }
  return out;
}

json search_tool_request(bool stream) {
  auto request = chat_request(stream);
  request["tools"] = {
      {{"type", "function"},
       {"function",
        {{"name", "search_docs"},
         {"parameters",
          {{"type", "object"},
           {"properties", {{"query", {{"type", "string"}}}, {"limit", {{"type", "integer"}}}}},
           {"required", {"query", "limit"}},
           {"additionalProperties", false}}}}}}};
  return request;
}

TEST(NullContentScenario, SendsContentAndRefusalNullWithStopAndNoToolCalls) {
  const auto body = run_scenario("null_content", tool_request()).json();
  EXPECT_TRUE(core_message_of(body)["content"].is_null());
  EXPECT_TRUE(core_message_of(body)["refusal"].is_null());
  EXPECT_FALSE(core_message_of(body).contains("tool_calls"));
  EXPECT_EQ(body["choices"][0]["finish_reason"], "stop");
  EXPECT_EQ(body["usage"]["completion_tokens"], 0);

  const auto stream = run_scenario("null_content", chat_request(true));
  for (const auto& chunk : stream.chunks()) {
    const auto& delta = chunk["choices"][0]["delta"];
    EXPECT_TRUE(!delta.contains("content") || delta["content"].is_null()) << chunk.dump();
  }
  EXPECT_TRUE(stream.assembled().choices[0].message.content.is_null());
  EXPECT_EQ(stream.chunks().back()["choices"][0]["finish_reason"], "stop");
}

TEST(EmptyContentScenario, SendsEmptyStringContentNotNull) {
  const auto body = run_scenario("empty_content", chat_request()).json();
  EXPECT_EQ(core_message_of(body)["content"], "");
  EXPECT_EQ(body["choices"][0]["finish_reason"], "stop");

  const auto stream = run_scenario("empty_content", chat_request(true));
  const auto chunks = stream.chunks();
  EXPECT_EQ(chunks.front()["choices"][0]["delta"]["content"], "");
  EXPECT_EQ(chunks.size(), 2U);  // the opener and the finish chunk, nothing in between
  EXPECT_EQ(stream.assembled().choices[0].message.content, api::Field<std::string>(""));
}

TEST(RefusalScenario, SendsRefusalTextWithNullContentAndStreamsRefusalDeltas) {
  const auto body = run_scenario("refusal", chat_request()).json();
  EXPECT_TRUE(core_message_of(body)["content"].is_null());
  ASSERT_TRUE(core_message_of(body)["refusal"].is_string());
  EXPECT_FALSE(core_message_of(body)["refusal"].get<std::string>().empty());
  EXPECT_EQ(body["choices"][0]["finish_reason"], "stop");

  const auto stream = run_scenario("refusal", chat_request(true));
  int refusal_deltas = 0;
  for (const auto& chunk : stream.chunks()) {
    const auto& delta = chunk["choices"][0]["delta"];
    if (delta.value("refusal", json()).is_string() && !delta["refusal"].get<std::string>().empty())
      ++refusal_deltas;
    EXPECT_FALSE(delta.value("content", json()).is_string() &&
                 !delta["content"].get<std::string>().empty());
  }
  EXPECT_GT(refusal_deltas, 1);
  EXPECT_EQ(stream.assembled().choices[0].message.refusal,
            api::Field<std::string>(core_message_of(body)["refusal"].get<std::string>()));
}

TEST(LengthScenario, CutsTheAnswerMidSentenceWithFinishLength) {
  const auto body = run_scenario("length", chat_request()).json();
  const auto content = core_message_of(body)["content"].get<std::string>();
  EXPECT_EQ(body["choices"][0]["finish_reason"], "length");
  ASSERT_FALSE(content.empty());
  EXPECT_EQ(std::string(".!?,").find(content.back()), std::string::npos) << content;
  EXPECT_EQ(body["usage"]["completion_tokens"], synthesis::count_tokens(content));

  const auto stream = run_scenario("length", chat_request(true));
  EXPECT_EQ(stream.chunks().back()["choices"][0]["finish_reason"], "length");
  EXPECT_EQ(stream.assembled().choices[0].message.content, api::Field<std::string>(content));
}

TEST(LengthScenario, StopsExactlyAtTheRequestsTokenLimit) {
  auto request = chat_request();
  request["max_completion_tokens"] = 7;
  const auto body = run_scenario("length", request).json();
  EXPECT_EQ(body["choices"][0]["finish_reason"], "length");
  EXPECT_EQ(body["usage"]["completion_tokens"], 7);
}

TEST(ContentFilterScenario, SendsPartialContentThenContentFilter) {
  const auto body = run_scenario("content_filter", tool_request()).json();
  EXPECT_EQ(body["choices"][0]["finish_reason"], "content_filter");
  EXPECT_FALSE(core_message_of(body)["content"].get<std::string>().empty());

  const auto stream = run_scenario("content_filter", chat_request(true));
  EXPECT_EQ(stream.chunks().back()["choices"][0]["finish_reason"], "content_filter");
  EXPECT_TRUE(stream.assembled().choices[0].message.content.has_value());

  const auto nulled =
      run_scenario("content_filter", chat_request(), {{"X-Chatmock-Variant", "null"}}).json();
  EXPECT_TRUE(core_message_of(nulled)["content"].is_null());
  EXPECT_EQ(nulled["choices"][0]["finish_reason"], "content_filter");
}

TEST(FunctionCallScenario, SendsDeprecatedFunctionCallAndNoToolCalls) {
  const auto body = run_scenario("function_call", search_tool_request(false)).json();
  const auto& message = core_message_of(body);
  EXPECT_EQ(body["choices"][0]["finish_reason"], "function_call");
  EXPECT_FALSE(message.contains("tool_calls"));
  EXPECT_TRUE(message["content"].is_null());
  EXPECT_EQ(message["function_call"]["name"], "search_docs");
  const auto arguments = json::parse(message["function_call"]["arguments"].get<std::string>());
  const json schema = search_tool_request(false)["tools"][0]["function"]["parameters"];
  EXPECT_TRUE(synthesis::check_instance(schema, arguments).empty()) << arguments.dump();

  const auto stream = run_scenario("function_call", search_tool_request(true));
  EXPECT_EQ(stream.chunks().front()["choices"][0]["delta"]["function_call"]["name"], "search_docs");
  const auto assembled = stream.assembled().choices[0];
  EXPECT_EQ(assembled.message.function_call->arguments, message["function_call"]["arguments"]);
  EXPECT_TRUE(assembled.message.tool_calls.absent());
  EXPECT_EQ(assembled.finish_reason, api::FinishReason::function_call);
}

TEST(ToolCallsScenario, CallsAToolEvenWhenNoneWasOffered) {
  const auto body = run_scenario("tool_calls", chat_request()).json();
  EXPECT_EQ(body["choices"][0]["finish_reason"], "tool_calls");
  EXPECT_TRUE(core_message_of(body)["content"].is_null());
  ASSERT_EQ(core_message_of(body)["tool_calls"].size(), 1U);
  EXPECT_EQ(core_message_of(body)["tool_calls"][0]["function"]["name"], "get_weather");

  const auto assembled = run_scenario("tool_calls", tool_request(true)).assembled();
  ASSERT_TRUE(assembled.choices[0].message.tool_calls.has_value());
  EXPECT_EQ(assembled.choices[0].message.tool_calls->size(), 1U);
}

TEST(ParallelToolCallsScenario, SendsThreeCallsStreamedOneAfterAnother) {
  const auto body = run_scenario("parallel_tool_calls", tool_request()).json();
  const auto& calls = core_message_of(body)["tool_calls"];
  ASSERT_EQ(calls.size(), 3U);
  EXPECT_NE(calls[0]["id"], calls[1]["id"]);
  EXPECT_NE(calls[1]["id"], calls[2]["id"]);
  for (const auto& call : calls)
    EXPECT_TRUE(json::accept(call["function"]["arguments"].get<std::string>()));

  const auto indexes =
      tool_delta_indexes(run_scenario("parallel_tool_calls", tool_request(true)).chunks());
  EXPECT_TRUE(std::is_sorted(indexes.begin(), indexes.end()));
  EXPECT_EQ(indexes.back(), 2);
}

TEST(ParallelToolCallsScenario, InterleavedVariantMixesFragmentsButAssemblesTheSameCalls) {
  const HeaderList interleaved = {{"X-Chatmock-Variant", "interleaved"}};
  const auto body = run_scenario("parallel_tool_calls", tool_request(), interleaved).json();
  const auto stream = run_scenario("parallel_tool_calls", tool_request(true), interleaved);
  const auto indexes = tool_delta_indexes(stream.chunks());
  EXPECT_FALSE(std::is_sorted(indexes.begin(), indexes.end()));
  const auto assembled = stream.assembled();
  ASSERT_EQ(assembled.choices[0].message.tool_calls->size(), 3U);
  for (std::size_t i = 0; i < 3; ++i) {
    const auto& call = (*assembled.choices[0].message.tool_calls)[i];
    EXPECT_EQ(call.id, core_message_of(body)["tool_calls"][i]["id"]);
    EXPECT_EQ(call.function->arguments,
              core_message_of(body)["tool_calls"][i]["function"]["arguments"]);
  }
}

TEST(MalformedToolArgumentsScenario, ArgumentsAreRejectedByAJsonParser) {
  for (std::uint64_t seed = 1; seed <= 25; ++seed) {
    const auto body = run_scenario("malformed_tool_arguments", tool_request(), {}, seed).json();
    EXPECT_EQ(body["choices"][0]["finish_reason"], "tool_calls");
    for (const auto& call : core_message_of(body)["tool_calls"]) {
      EXPECT_FALSE(json::accept(call["function"]["arguments"].get<std::string>())) << call.dump();
    }
  }
  const auto body = run_scenario("malformed_tool_arguments", tool_request()).json();
  const auto assembled = run_scenario("malformed_tool_arguments", tool_request(true)).assembled();
  EXPECT_EQ((*assembled.choices[0].message.tool_calls)[0].function->arguments,
            core_message_of(body)["tool_calls"][0]["function"]["arguments"]);
}

TEST(SchemaViolatingToolArgumentsScenario, ArgumentsAreJsonThatBreaksTheToolSchema) {
  const json schema = tool_request()["tools"][0]["function"]["parameters"];
  for (std::uint64_t seed = 1; seed <= 25; ++seed) {
    const auto body =
        run_scenario("schema_violating_tool_arguments", tool_request(), {}, seed).json();
    const auto arguments = json::parse(
        core_message_of(body)["tool_calls"][0]["function"]["arguments"].get<std::string>());
    EXPECT_FALSE(synthesis::check_instance(schema, arguments).empty()) << arguments.dump();
  }
  const auto assembled =
      run_scenario("schema_violating_tool_arguments", tool_request(true)).assembled();
  const auto streamed =
      json::parse((*assembled.choices[0].message.tool_calls)[0].function->arguments);
  EXPECT_FALSE(synthesis::check_instance(schema, streamed).empty()) << streamed.dump();
}

TEST(UnknownToolScenario, CallsAFunctionTheRequestDidNotOffer) {
  const auto body = run_scenario("unknown_tool", tool_request()).json();
  const auto& call = core_message_of(body)["tool_calls"][0];
  EXPECT_NE(call["function"]["name"], "get_weather");
  EXPECT_TRUE(json::accept(call["function"]["arguments"].get<std::string>()));
  EXPECT_EQ(body["choices"][0]["finish_reason"], "tool_calls");

  const auto chunks = run_scenario("unknown_tool", tool_request(true)).chunks();
  EXPECT_EQ(chunks.front()["choices"][0]["delta"]["tool_calls"][0]["function"]["name"],
            call["function"]["name"]);
}

TEST(CoreScenarioComposition, ParallelCallsWithMalformedArgumentsBreakAllThree) {
  const auto body =
      run_scenario("parallel_tool_calls+malformed_tool_arguments", tool_request()).json();
  ASSERT_EQ(core_message_of(body)["tool_calls"].size(), 3U);
  for (const auto& call : core_message_of(body)["tool_calls"]) {
    EXPECT_FALSE(json::accept(call["function"]["arguments"].get<std::string>()));
  }
}

TEST(CoreScenarioComposition, RefusalWithLengthCutsTheRefusal) {
  const auto body = run_scenario("refusal+length", chat_request()).json();
  EXPECT_EQ(body["choices"][0]["finish_reason"], "length");
  EXPECT_TRUE(core_message_of(body)["content"].is_null());
  EXPECT_NE(core_message_of(body)["refusal"],
            run_scenario("refusal", chat_request()).json()["choices"][0]["message"]["refusal"]);
}

const std::vector<std::string>& core_names() {
  static const std::vector<std::string> kNames = {"null_content",
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
                                                  "fuzz"};
  return kNames;
}

TEST(CoreScenarioCatalogue, RegistersEveryCoreNameInGroupCoreAfterDefault) {
  const auto& catalogue = scenarios::builtin_catalogue();
  EXPECT_EQ(catalogue.all().front().name, "default");
  for (const auto& name : core_names()) {
    const auto* scenario = catalogue.find(name);
    ASSERT_NE(scenario, nullptr) << name;
    EXPECT_EQ(scenario->group, "core") << name;
    EXPECT_EQ(scenario->breaks_spec, name == "fuzz") << name;
  }
}

TEST(CoreScenarioCatalogue, SpecValidScenariosParseAndValidateInBothForms) {
  const HeaderList small = {{"X-Chatmock-Size", "3000"}};
  for (const auto& name : core_names()) {
    if (scenarios::builtin_catalogue().find(name)->breaks_spec) continue;
    for (const auto& request : {chat_request(false), tool_request(false)}) {
      const auto body = run_scenario(name, request, small).json();
      EXPECT_NO_THROW((void)body.get<api::ChatCompletion>()) << name;
      const auto violations = synthesis::check_instance(completion_schema(), body);
      EXPECT_TRUE(violations.empty())
          << name << ": "
          << (violations.empty() ? "" : violations[0].path + " " + violations[0].message);
      auto stream_request = request;
      stream_request["stream"] = true;
      const auto stream = run_scenario(name, stream_request, small);
      EXPECT_TRUE(stream.ends_with_done()) << name;
      for (const auto& chunk : stream.chunks()) {
        EXPECT_NO_THROW((void)chunk.get<api::ChatCompletionChunk>()) << name;
        const auto chunk_violations = synthesis::check_instance(chunk_schema(), chunk);
        EXPECT_TRUE(chunk_violations.empty()) << name << ": " << chunk.dump().substr(0, 300);
      }
    }
  }
}

TEST(CoreScenarioCatalogue, SameSeedGivesSameBytesForEveryCoreScenario) {
  const HeaderList small = {{"X-Chatmock-Size", "2000"}};
  for (const auto& name : core_names()) {
    for (const bool stream : {false, true}) {
      EXPECT_EQ(run_scenario(name, tool_request(stream), small, 31).body(),
                run_scenario(name, tool_request(stream), small, 31).body())
          << name << (stream ? " stream" : " json");
    }
  }
}

}  // namespace
}  // namespace chatmock::testing
