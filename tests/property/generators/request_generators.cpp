// Wire-shaped request generators: every field in every state the JSON can express. A few
// representational limits of the model are respected rather than tested (each noted below),
// because the struct can hold states no JSON text maps to.
#include <algorithm>
#include <array>

#include "generators/wire_generators.h"

namespace chatmock::property {

namespace {
using rc::gen::arbitrary;
using rc::gen::build;
using rc::gen::set;

// Keys ChatCompletionRequest models itself; `extra` holds only the others.
const std::vector<std::string> kModelledRequestKeys = {"model",
                                                       "messages",
                                                       "n",
                                                       "max_tokens",
                                                       "max_completion_tokens",
                                                       "stop",
                                                       "stream",
                                                       "stream_options",
                                                       "tools",
                                                       "tool_choice",
                                                       "parallel_tool_calls",
                                                       "functions",
                                                       "function_call",
                                                       "response_format",
                                                       "logprobs",
                                                       "top_logprobs",
                                                       "seed",
                                                       "service_tier",
                                                       "modalities"};

/// A non-null JSON value: a Field<json> holding null is, on the wire, the null Field.
rc::Gen<nlohmann::json> json_schema_like() {
  return rc::gen::weightedOneOf<nlohmann::json>({
      {3,
       rc::gen::just(nlohmann::json{{"type", "object"}, {"properties", nlohmann::json::object()}})},
      {2, json_object(2)},
      {1, json_value(1, true)},
  });
}

rc::Gen<std::int64_t> any_int() {
  return rc::gen::weightedOneOf<std::int64_t>(
      {{3, rc::gen::inRange<std::int64_t>(-5, 200)}, {1, arbitrary<std::int64_t>()}});
}
}  // namespace

rc::Gen<api::ContentPart> content_part() {
  return build<api::ContentPart>(
      set(&api::ContentPart::type,
          rc::gen::weightedOneOf<std::string>(
              {{4, rc::gen::element<std::string>("text", "refusal", "image_url", "input_audio",
                                                 "file")},
               {1, text(8)}})),
      set(&api::ContentPart::text, field(text())),
      set(&api::ContentPart::refusal, field(text(), 4, 1, 1)),
      set(&api::ContentPart::payload, json_object(2, {"type", "text", "refusal"})));
}

rc::Gen<api::Message> message() {
  return rc::gen::exec([] {
    api::Message m;
    m.role = *rc::gen::weightedOneOf<std::string>(
        {{5, rc::gen::element<std::string>("system", "developer", "user", "assistant", "tool",
                                           "function")},
         {1, text(8)}});
    // One content form at a time: Message can hold both, but `content` is one JSON key.
    if (*rc::gen::inRange(0, 3) == 0) {
      m.content_parts = *small_vector(content_part(), 3);
    } else {
      m.content_text = *field(text(), 1, 1, 4);
    }
    m.name = *field(text(8));
    m.tool_call_id = *field(text(10));
    m.tool_calls = *field(small_vector(tool_call(), 3));
    m.function_call = *field(function_call(), 3, 1, 1);
    m.refusal = *field(text(), 3, 1, 1);
    return m;
  });
}

rc::Gen<api::FunctionDefinition> function_definition() {
  using F = api::FunctionDefinition;
  return build<F>(set(&F::name, text(12)), set(&F::description, field(text())),
                  set(&F::parameters, field(json_schema_like())),
                  set(&F::strict, field(arbitrary<bool>())));
}

rc::Gen<api::CustomToolDefinition> custom_tool_definition() {
  using C = api::CustomToolDefinition;
  return build<C>(set(&C::name, text(12)), set(&C::description, field(text())),
                  set(&C::format, field(json_value(2, true))));
}

rc::Gen<api::Tool> tool() {
  return build<api::Tool>(
      set(&api::Tool::type,
          rc::gen::weightedOneOf<std::string>(
              {{4, rc::gen::element<std::string>("function", "custom")}, {1, text(8)}})),
      set(&api::Tool::function, field(function_definition())),
      set(&api::Tool::custom, field(custom_tool_definition())));
}

rc::Gen<api::ToolChoice> tool_choice() {
  // A mode other than "named" is written as a bare string, so it carries no name.
  return rc::gen::weightedOneOf<api::ToolChoice>({
      {3, rc::gen::map(rc::gen::element<std::string>("none", "auto", "required"),
                       [](std::string mode) {
                         return api::ToolChoice{std::move(mode), ""};
                       })},
      {1,
       rc::gen::map(rc::gen::suchThat(text(8), [](const std::string& s) { return s != "named"; }),
                    [](std::string mode) {
                      return api::ToolChoice{std::move(mode), ""};
                    })},
      {3, rc::gen::map(text(12),
                       [](std::string name) {
                         return api::ToolChoice{"named", std::move(name)};
                       })},
  });
}

rc::Gen<api::JsonSchemaFormat> json_schema_format() {
  using J = api::JsonSchemaFormat;
  return build<J>(set(&J::name, text(12)), set(&J::description, field(text())),
                  set(&J::schema, field(json_schema_like())),
                  set(&J::strict, field(arbitrary<bool>())));
}

rc::Gen<api::ResponseFormat> response_format() {
  return build<api::ResponseFormat>(
      set(&api::ResponseFormat::type,
          rc::gen::weightedOneOf<std::string>(
              {{4, rc::gen::element<std::string>("text", "json_object", "json_schema")},
               {1, text(8)}})),
      set(&api::ResponseFormat::json_schema, field(json_schema_format())));
}

rc::Gen<api::StreamOptions> stream_options() {
  return build<api::StreamOptions>(
      set(&api::StreamOptions::include_usage, field(arbitrary<bool>())),
      set(&api::StreamOptions::include_obfuscation, field(arbitrary<bool>())));
}

rc::Gen<api::ChatCompletionRequest> chat_completion_request() {
  return rc::gen::exec([] {
    api::ChatCompletionRequest r;
    r.model = *text(16);
    r.messages = *small_vector(message(), 4);
    r.n = *field(any_int());
    r.max_tokens = *field(any_int());
    r.max_completion_tokens = *field(any_int());
    r.stop = *small_vector(text(6), 4);
    r.stream = *arbitrary<bool>();
    r.stream_options = *field(stream_options());
    r.tools = *small_vector(tool(), 3);
    r.tool_choice = *field(tool_choice());
    r.parallel_tool_calls = *field(arbitrary<bool>());
    r.functions = *small_vector(function_definition(), 2);
    // function_call is raw JSON ("none" | "auto" | {"name": …}); never a JSON null value.
    r.function_call = *field(json_value(1, true));
    r.response_format = *field(response_format());
    r.logprobs = *arbitrary<bool>();
    r.top_logprobs = *field(any_int());
    r.seed = *field(arbitrary<std::int64_t>());
    r.service_tier = *field(text(8));
    r.modalities = *field(small_vector(text(6), 2));
    r.extra = *json_object(2, kModelledRequestKeys);
    return r;
  });
}

}  // namespace chatmock::property
