// synthesize_completion honours the request's schemas: forced tool calls carry arguments that
// validate against the called tool's `parameters`, and json_schema structured outputs carry
// content that validates against the schema — for arbitrary generated schemas, any n, any seed.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "generators/schema_generators.h"
#include "generators/valid_request.h"
#include "generators/wire_generators.h"
#include "synthesis/json_schema_checker.h"
#include "synthesis/reply_synthesizer.h"

namespace chatmock::synthesis {
namespace {

/// A valid request with no stop sequences or token limits, which would cut the JSON short.
api::ChatCompletionRequest uncut_request() {
  auto request = *property::valid_request();
  request.stop.clear();
  request.max_tokens = {};
  request.max_completion_tokens = {};
  request.functions.clear();  // legacy functions take precedence over tools
  request.function_call = {};
  request.response_format = {};
  request.n = *rc::gen::inRange<std::int64_t>(1, 4);
  return request;
}

void assert_validates(const nlohmann::json& schema, const std::string& text,
                      const std::string& what) {
  const auto instance = nlohmann::json::parse(text, nullptr, false);
  if (instance.is_discarded()) RC_FAIL(what + " is not JSON: " + text);
  const auto violations = check_instance(schema, instance);
  if (violations.empty()) return;
  RC_FAIL(what + " " + text + " breaks " + schema.dump() + " at " + violations.front().path + " [" +
          violations.front().keyword + "] " + violations.front().message);
}

RC_GTEST_PROP(SynthesizedReplyProperty, ToolCallArgumentsValidateAgainstTheToolSchema,
              (const std::uint64_t seed)) {
  auto request = uncut_request();
  request.tools.clear();
  const auto count = *rc::gen::inRange(1, 4);
  for (int i = 0; i < count; ++i) {
    api::Tool tool;
    tool.function =
        api::FunctionDefinition{"tool_" + std::to_string(i), {}, *property::object_schema(), {}};
    request.tools.push_back(tool);
  }
  request.tool_choice =
      *rc::gen::oneOf(rc::gen::just(api::ToolChoice{"required", ""}),
                      rc::gen::map(rc::gen::inRange(0, count), [](int i) {
                        return api::ToolChoice{"named", "tool_" + std::to_string(i)};
                      }));
  ReplyDefinition definition;
  definition.tool_call_count = static_cast<std::size_t>(*rc::gen::inRange(1, 4));

  const auto completion = synthesize_completion(request, definition, {seed, true, 0});
  RC_ASSERT(completion.choices.size() == static_cast<std::size_t>(*request.n));
  for (const auto& choice : completion.choices) {
    RC_ASSERT(choice.message.tool_calls.has_value());
    RC_ASSERT(!choice.message.tool_calls->empty());
    for (const auto& call : *choice.message.tool_calls) {
      RC_ASSERT(call.function.has_value());
      const auto tool =
          std::find_if(request.tools.begin(), request.tools.end(),
                       [&](const api::Tool& t) { return t.name() == call.function->name; });
      RC_ASSERT(tool != request.tools.end());
      assert_validates(*tool->function->parameters, call.function->arguments,
                       "arguments of " + call.function->name);
    }
  }
}

RC_GTEST_PROP(SynthesizedReplyProperty, StructuredOutputValidatesAgainstTheResponseSchema,
              (const std::uint64_t seed)) {
  auto request = uncut_request();
  api::JsonSchemaFormat format;
  format.name = "answer";
  format.schema = *rc::gen::oneOf(property::object_schema(), property::strict_object_schema(),
                                  property::satisfiable_schema());
  format.strict = *rc::gen::arbitrary<bool>();
  request.response_format = api::ResponseFormat{"json_schema", format};

  const auto completion = synthesize_completion(request, {}, {seed, true, 0});
  for (const auto& choice : completion.choices) {
    RC_ASSERT(choice.message.content.has_value());
    assert_validates(*format.schema, *choice.message.content, "content");
  }
}

RC_GTEST_PROP(SynthesizedReplyProperty, SameSeedGivesSameCompletion, (const std::uint64_t seed)) {
  const auto request = *property::valid_request();
  const SynthesisContext context{seed, true, 0};
  const nlohmann::json first = synthesize_completion(request, {}, context);
  const nlohmann::json second = synthesize_completion(request, {}, context);
  RC_ASSERT(first.dump() == second.dump());
}

}  // namespace
}  // namespace chatmock::synthesis
