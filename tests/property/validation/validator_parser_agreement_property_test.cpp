// The validator and the typed parser agree: every body validate_request accepts parses into a
// ChatCompletionRequest. Bodies are valid requests with noise the validator ignores (extra keys,
// in any object, with any value) or alternative spellings it accepts (a string `stop`, 2.0 for an
// integer, a custom or allowed_tools tool_choice), and synthesis then answers them. A body the
// validator rejects is out of scope.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "api/chat_completion_request.h"
#include "generators/text_generators.h"
#include "generators/valid_request.h"
#include "synthesis/reply_synthesizer.h"
#include "validation/request_validator.h"

namespace chatmock::validation {
namespace {

using nlohmann::json;

// Keys the typed model reads somewhere, so noise under them is most likely to trip it.
const std::vector<std::string> kModelKeys = {
    "tool_calls", "tool_call_id",  "function_call", "refusal", "name",        "custom",
    "function",   "text",          "json_schema",   "audio",   "content",     "type",
    "index",      "arguments",     "schema",        "strict",  "description", "parameters",
    "format",     "include_usage", "stream_options"};
// Keys nothing reads: the API ignores them and so must both halves of chatmock.
const std::vector<std::string> kUnknownKeys = {"x_unknown", "metadata_extra", "cache_control"};

/// JSON pointers to every object in `value`.
void object_paths(const json& value, const json::json_pointer& at,
                  std::vector<json::json_pointer>& out) {
  if (value.is_object()) {
    out.push_back(at);
    for (const auto& [key, child] : value.items()) object_paths(child, at / key, out);
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) object_paths(value[i], at / i, out);
  }
}

/// One accepted-looking change: noise in some object (under `keys`), or an alternative spelling.
void perturb(json& body, const std::vector<std::string>& keys) {
  switch (*rc::gen::inRange(0, 6)) {
    case 0:
      if (body.contains("stop") && body["stop"].is_array() && !body["stop"].empty())
        body["stop"] = body["stop"][0];
      return;
    case 1:
      if (body.contains("n") && body["n"].is_number_integer()) body["n"] = body["n"].get<double>();
      return;
    case 2:
      if (body.contains("tools") && !body.contains("tool_choice")) {
        for (const auto& tool : body["tools"]) {
          if (tool["type"] == "custom")
            body["tool_choice"] = {{"type", "custom"},
                                   {"custom", {{"name", tool["custom"]["name"]}}}};
        }
        if (!body.contains("tool_choice")) {
          body["tool_choice"] = {{"type", "allowed_tools"},
                                 {"allowed_tools",
                                  {{"mode", *rc::gen::element<std::string>("auto", "required")},
                                   {"tools", json::array()}}}};
        }
      }
      return;
    default: {
      std::vector<json::json_pointer> paths;
      object_paths(body, json::json_pointer(), paths);
      const auto& at = *rc::gen::elementOf(paths);
      body[at][*rc::gen::elementOf(keys)] = *property::json_value(1);
      return;
    }
  }
}

void check_agreement(const std::vector<std::string>& noise_keys) {
  json body = *property::valid_request();
  const auto changes = *rc::gen::inRange(1, 4);
  for (int i = 0; i < changes; ++i) perturb(body, noise_keys);
  const bool accepted = validate_request(body).empty();
  RC_CLASSIFY(accepted, "accepted by the validator");
  if (!accepted) return;
  try {
    const auto request = body.get<api::ChatCompletionRequest>();
    RC_ASSERT(!request.messages.empty());
    // What the server does next with it: synthesis must take any accepted request too.
    const auto completion = synthesis::synthesize_completion(
        request, {}, {*rc::gen::arbitrary<std::uint64_t>(), true, 0});
    RC_ASSERT(completion.choices.size() == static_cast<std::size_t>(request.choice_count()));
  } catch (const json::exception& e) {
    RC_FAIL(std::string("validator accepts but the parser throws: ") + e.what() +
            "\nbody: " + body.dump());
  }
}

RC_GTEST_PROP(ValidatorParserAgreementProperty, ParserAcceptsAlternativeSpellingsAndUnknownKeys,
              ()) {
  check_agreement(kUnknownKeys);
}

// Noise under keys the typed model reads elsewhere: a key is parsed only where the validator
// checks it. Found by this property (the parser read tool_calls on any role and threw, so the
// endpoint answered a json.exception message with param and code null); the minimal body is kept
// below as a regression.
RC_GTEST_PROP(ValidatorParserAgreementProperty, ParserAcceptsMistypedKeysTheValidatorIgnores, ()) {
  check_agreement(kModelKeys);
}

TEST(ValidatorParserAgreementProperty, SystemMessageWithStrayToolCallsParses) {
  const auto body = json::parse(
      R"({"model":"gpt-4o-mini","messages":[{"role":"system","content":"hi","tool_calls":false,)"
      R"("tool_call_id":1,"refusal":[]},{"role":"user","content":[{"type":"image_url",)"
      R"("image_url":{"url":"https://x/y.png"},"text":false}]}],"tools":[{"type":"custom",)"
      R"("custom":{"name":"grep"},"function":7}],"response_format":{"type":"text","json_schema":0}})");
  ASSERT_TRUE(validate_request(body).empty());
  const auto request = body.get<api::ChatCompletionRequest>();
  EXPECT_TRUE(request.messages[0].tool_calls.absent());
  EXPECT_EQ(request.messages[0].text(), "hi");
  ASSERT_EQ(request.tools.size(), 1u);
  EXPECT_EQ(request.tools[0].name(), "grep");
}

}  // namespace
}  // namespace chatmock::validation
