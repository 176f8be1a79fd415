// Edge-cases.md §5 C: each tool-argument scenario sends its damaged arguments identically in the
// JSON message and in the streamed fragments, with or without tools in the request.
#include <gtest/gtest.h>

#include <set>

#include "api/chat_completion_chunk.h"
#include "support/scenario_harness.h"

namespace chatmock::testing {
namespace {
using nlohmann::json;

const json& first_call(const json& body) { return body["choices"][0]["message"]["tool_calls"][0]; }

std::string json_arguments(const json& body) {
  return first_call(body)["function"]["arguments"].get<std::string>();
}

/// The arguments of call 0 as a client accumulates them from the stream's fragments.
std::string streamed_arguments(const ScenarioRun& run) {
  std::string arguments;
  for (const auto& chunk : run.chunks()) {
    for (const auto& choice : chunk["choices"]) {
      if (!choice["delta"].contains("tool_calls")) continue;
      for (const auto& call : choice["delta"]["tool_calls"]) {
        if (call["index"] == 0 && call.contains("function") &&
            call["function"].contains("arguments")) {
          arguments += call["function"]["arguments"].get<std::string>();
        }
      }
    }
  }
  return arguments;
}

std::size_t argument_fragments(const ScenarioRun& run) {
  std::size_t fragments = 0;
  for (const auto& chunk : run.chunks()) {
    for (const auto& choice : chunk["choices"]) {
      if (!choice["delta"].contains("tool_calls")) continue;
      const auto& function = choice["delta"]["tool_calls"][0]["function"];
      if (function.contains("arguments") && !function["arguments"].get<std::string>().empty())
        ++fragments;
    }
  }
  return fragments;
}

void expect_tool_run_parses(const ScenarioRun& json_run, const ScenarioRun& stream_run) {
  EXPECT_NO_THROW((void)json_run.json().get<api::ChatCompletion>());
  for (const auto& chunk : stream_run.chunks())
    EXPECT_NO_THROW((void)chunk.get<api::ChatCompletionChunk>());
}

/// Runs `name` for a request with and without tools, in JSON and stream form, and checks the
/// two forms carry the same arguments; returns the JSON bodies.
std::vector<json> run_everywhere(const std::string& name, std::uint64_t seed = 7) {
  std::vector<json> bodies;
  for (const auto& make : {tool_request, chat_request}) {
    const auto json_run = run_scenario(name, make(false), {}, seed);
    const auto stream_run = run_scenario(name, make(true), {}, seed);
    const auto body = json_run.json();
    EXPECT_EQ(body["choices"][0]["finish_reason"], "tool_calls") << name;
    EXPECT_EQ(streamed_arguments(stream_run), json_arguments(body)) << name;
    EXPECT_TRUE(stream_run.ends_with_done()) << name;
    expect_tool_run_parses(json_run, stream_run);
    bodies.push_back(body);
  }
  return bodies;
}

TEST(ArgsInvalidJson, ArgumentsAreNotJsonAndStreamInFragments) {
  for (const auto& body : run_everywhere("args_invalid_json")) {
    EXPECT_EQ(first_call(body)["function"]["name"], "get_weather");
    EXPECT_FALSE(json::accept(json_arguments(body))) << json_arguments(body);
  }
  EXPECT_GT(argument_fragments(run_scenario("args_invalid_json", tool_request(true))), 1U);
}

TEST(ArgsInvalidJson, SeedChoosesTrailingCommaSingleQuotesOrFence) {
  std::set<std::string> shapes;
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    const auto arguments =
        json_arguments(run_scenario("args_invalid_json", tool_request(), {}, seed).json());
    if (arguments.starts_with("```json\n")) {
      shapes.insert("fence");
      EXPECT_TRUE(json::accept(arguments.substr(8, arguments.size() - 12)));
    } else if (arguments.find('\'') != std::string::npos) {
      shapes.insert("single_quotes");
    } else if (arguments.ends_with(",}")) {
      shapes.insert("trailing_comma");
    }
  }
  EXPECT_EQ(shapes, (std::set<std::string>{"fence", "single_quotes", "trailing_comma"}));
}

TEST(ArgsEmptyString, ArgumentsAreEmptyInJsonAndStream) {
  for (const auto& body : run_everywhere("args_empty_string")) EXPECT_EQ(json_arguments(body), "");
  const auto assembled = run_scenario("args_empty_string", chat_request(true)).assembled();
  EXPECT_EQ((*assembled.choices[0].message.tool_calls)[0].function->arguments, "");
}

TEST(ArgsHallucinatedParams, ArgumentsCarryAKeyTheSchemaDoesNotDeclare) {
  for (const auto& body : run_everywhere("args_hallucinated_params")) {
    const auto arguments = json::parse(json_arguments(body));
    ASSERT_TRUE(arguments.is_object());
    EXPECT_TRUE(arguments["city"].is_string());
    std::size_t undeclared = 0;
    for (const auto& [key, value] : arguments.items())
      undeclared += key != "city" && key != "unit" ? 1 : 0;
    EXPECT_GE(undeclared, 1U) << arguments.dump();
  }
}

TEST(ArgsWrongTypes, AStringPropertyArrivesWithAnotherType) {
  for (const auto& body : run_everywhere("args_wrong_types")) {
    const auto arguments = json::parse(json_arguments(body));
    const bool city_wrong = !arguments["city"].is_string();
    const bool unit_wrong = arguments.contains("unit") && !arguments["unit"].is_string();
    EXPECT_TRUE(city_wrong || unit_wrong) << arguments.dump();
  }
}

TEST(ArgsWrongTypes, AnIntegerPropertyArrivesQuoted) {
  auto request = tool_request();
  request["tools"][0]["function"]["parameters"] = {
      {"type", "object"},
      {"properties", {{"city", {{"type", "string"}}}, {"count", {{"type", "integer"}}}}},
      {"required", {"city", "count"}}};
  const auto arguments =
      json::parse(json_arguments(run_scenario("args_wrong_types", request).json()));
  ASSERT_TRUE(arguments["count"].is_string()) << arguments.dump();
  EXPECT_TRUE(json::parse(arguments["count"].get<std::string>()).is_number_integer());
  EXPECT_TRUE(arguments["city"].is_string());
}

TEST(ArgsDoubleEncoded, ArgumentsParseToAStringThatParsesToTheObject) {
  for (const auto& body : run_everywhere("args_double_encoded")) {
    const auto once = json::parse(json_arguments(body));
    ASSERT_TRUE(once.is_string());
    EXPECT_TRUE(json::parse(once.get<std::string>())["city"].is_string());
  }
}

TEST(ToolNameUnknown, CallNamesAFunctionTheRequestDidNotOffer) {
  for (const auto& body : run_everywhere("tool_name_unknown")) {
    const auto name = first_call(body)["function"]["name"].get<std::string>();
    EXPECT_NE(name, "get_weather");
    EXPECT_FALSE(name.empty());
  }
  const auto stream = run_scenario("tool_name_unknown", tool_request(true));
  const auto json_body = run_scenario("tool_name_unknown", tool_request(false)).json();
  EXPECT_EQ((*stream.assembled().choices[0].message.tool_calls)[0].function->name,
            first_call(json_body)["function"]["name"]);
}

TEST(ToolCallIdMissingOrEmpty, IdIsEmptyOrAbsentInJsonAndStreamAlike) {
  std::set<std::string> variants;
  for (std::uint64_t seed = 1; seed <= 16; ++seed) {
    const auto body =
        run_scenario("tool_call_id_missing_or_empty", tool_request(), {}, seed).json();
    const auto& call = first_call(body);
    const std::string variant = call.contains("id") ? "empty" : "missing";
    if (call.contains("id")) {
      EXPECT_EQ(call["id"], "");
    }
    variants.insert(variant);
    EXPECT_EQ(call["function"]["name"], "get_weather");

    const auto stream = run_scenario("tool_call_id_missing_or_empty", tool_request(true), {}, seed);
    bool opener_seen = false;
    for (const auto& chunk : stream.chunks()) {
      const auto& delta = chunk["choices"][0]["delta"];
      if (!delta.contains("tool_calls") || !delta["tool_calls"][0]["function"].contains("name"))
        continue;
      opener_seen = true;
      const auto& opener = delta["tool_calls"][0];
      EXPECT_EQ(opener.contains("id") ? "empty" : "missing", variant) << "seed " << seed;
      if (opener.contains("id")) {
        EXPECT_EQ(opener["id"], "");
      }
    }
    EXPECT_TRUE(opener_seen);
  }
  EXPECT_EQ(variants, (std::set<std::string>{"empty", "missing"}));
}

TEST(ToolArgumentScenarios, ComposeWithTheIdScenarioAndStayDeterministic) {
  const auto run = [](bool stream) {
    return run_scenario("args_double_encoded+tool_call_id_missing_or_empty", tool_request(stream),
                        {}, 3);
  };
  const auto body = run(false).json();
  EXPECT_TRUE(json::parse(json_arguments(body)).is_string());
  EXPECT_TRUE(!first_call(body).contains("id") || first_call(body)["id"] == "");
  EXPECT_EQ(streamed_arguments(run(true)), json_arguments(body));
  EXPECT_EQ(run(true).body(), run(true).body());
}

TEST(ToolArgumentScenarios, UsageCountsTheDamagedArguments) {
  const auto body = run_scenario("args_double_encoded", tool_request()).json();
  const auto plain = run_scenario("default", tool_request()).json();
  EXPECT_GT(body["usage"]["completion_tokens"].get<int>(), 0);
  EXPECT_EQ(
      body["usage"]["total_tokens"].get<int>(),
      body["usage"]["prompt_tokens"].get<int>() + body["usage"]["completion_tokens"].get<int>());
  EXPECT_EQ(body["usage"]["prompt_tokens"], plain["usage"]["prompt_tokens"]);
}

}  // namespace
}  // namespace chatmock::testing
