// Built on the same calls the chat completions endpoint makes, minus auth, seeds and headers.
#include "support/scenario_harness.h"

#include <stdexcept>

#include "api/chat_completion_chunk.h"
#include "api/chat_completion_request.h"
#include "reply/compose.h"
#include "reply/directives.h"
#include "scenarios/scenario_expression.h"
#include "streaming/chunk_assembler.h"
#include "streaming/sse_decoder.h"
#include "wire/http_request.h"

namespace chatmock::testing {

nlohmann::json ScenarioRun::json() const { return nlohmann::json::parse(body()); }

std::vector<streaming::SseEvent> ScenarioRun::events() const {
  // feed() without finish(): an event no blank line ended is dropped, as WHATWG and the SDKs do.
  streaming::SseDecoder decoder;
  return decoder.feed(body());
}

std::vector<nlohmann::json> ScenarioRun::chunks() const {
  std::vector<nlohmann::json> out;
  for (const auto& event : events()) {
    if (event.data != "[DONE]") out.push_back(nlohmann::json::parse(event.data));
  }
  return out;
}

bool ScenarioRun::ends_with_done() const {
  const auto all = events();
  return !all.empty() && all.back().data == "[DONE]";
}

api::ChatCompletion ScenarioRun::assembled() const {
  std::vector<api::ChatCompletionChunk> typed;
  for (const auto& chunk : chunks()) typed.push_back(chunk.get<api::ChatCompletionChunk>());
  return streaming::assemble_chunks(typed);
}

nlohmann::json chat_request(bool stream) {
  return {{"model", "gpt-4o-mini"},
          {"messages", {{{"role", "user"}, {"content", "What is the weather like in Paris?"}}}},
          {"stream", stream}};
}

nlohmann::json tool_request(bool stream) {
  auto request = chat_request(stream);
  request["tools"] = {{{"type", "function"},
                       {"function",
                        {{"name", "get_weather"},
                         {"description", "Current weather for a city"},
                         {"parameters",
                          {{"type", "object"},
                           {"properties", {{"city", {{"type", "string"}}}}},
                           {"required", {"city"}},
                           {"additionalProperties", false}}}}}}};
  return request;
}

ScenarioRun run_scenario(std::string_view expression, nlohmann::json request,
                         const HeaderList& headers, std::uint64_t seed, std::size_t step) {
  const auto parsed =
      scenarios::parse_scenario_expression(expression, scenarios::builtin_catalogue());
  if (const auto* error = std::get_if<std::string>(&parsed)) throw std::invalid_argument(*error);
  const auto& steps = std::get<scenarios::ScenarioExpression>(parsed).steps;

  wire::HttpRequest http;
  http.method = "POST";
  http.path = "/v1/chat/completions";
  http.body = request.dump();
  for (const auto& [name, value] : headers)
    http.headers.emplace_back(wire::lower_ascii(name), value);

  auto directives = reply::parse_directives(http, "", {});
  if (!directives) throw std::invalid_argument(directives.error().message);
  reply::RunInput input;
  input.request = request.get<api::ChatCompletionRequest>();
  input.directives = std::move(*directives);
  input.synthesis = {seed, true, 1'735'689'600};
  auto reply = reply::run_composition(steps[std::min(step, steps.size() - 1)], std::move(input));
  if (!reply) throw std::runtime_error(reply.error().message);
  return {std::move(*reply)};
}

}  // namespace chatmock::testing
