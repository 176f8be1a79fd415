// The request goes through the same parse_create_response and build_response as the endpoint,
// seeded, so a run is reproducible and its Response is the one a server would store.
#include "support/response_harness.h"

#include <stdexcept>

#include "reply/compose_response.h"
#include "reply/directives.h"
#include "responses/response_builder.h"
#include "scenarios/scenario_expression.h"
#include "streaming/sse_decoder.h"

namespace chatmock::testing {

responses::Json ResponseScenarioRun::json() const { return responses::Json::parse(body()); }

std::vector<streaming::SseEvent> ResponseScenarioRun::events() const {
  streaming::SseDecoder decoder;
  auto events = decoder.feed(body());
  auto tail = decoder.finish();
  if (!decoder.last_event_unterminated()) events.insert(events.end(), tail.begin(), tail.end());
  return events;
}

std::vector<responses::Json> ResponseScenarioRun::event_json() const {
  std::vector<responses::Json> out;
  for (const auto& event : events()) out.push_back(responses::Json::parse(event.data));
  return out;
}

nlohmann::json response_request(bool stream) {
  return {{"model", "gpt-4o-mini"}, {"input", "What is the weather in Paris?"}, {"stream", stream}};
}

nlohmann::json response_tool_request(bool stream) {
  auto body = response_request(stream);
  body["tools"] = nlohmann::json::array({{{"type", "function"},
                                          {"name", "get_stock_price"},
                                          {"description", "Latest price of a stock"},
                                          {"parameters",
                                           {{"type", "object"},
                                            {"properties", {{"ticker", {{"type", "string"}}}}},
                                            {"required", {"ticker"}},
                                            {"additionalProperties", false}}}}});
  return body;
}

ResponseScenarioRun run_response_scenario(std::string_view expression, nlohmann::json body,
                                          const HeaderList& headers, std::uint64_t seed,
                                          std::size_t step) {
  const auto selected = scenarios::select_scenario_expression(
      expression, scenarios::builtin_catalogue(), scenarios::ScenarioApi::responses);
  if (const auto* rejection = std::get_if<scenarios::ScenarioRejection>(&selected)) {
    throw std::invalid_argument(rejection->message);
  }
  const auto& steps = std::get<scenarios::ScenarioExpression>(selected).steps;
  wire::HttpRequest http;
  http.method = "POST";
  http.path = "/v1/responses";
  http.body = body.dump();
  for (const auto& [name, value] : headers)
    http.headers.emplace_back(wire::lower_ascii(name), value);
  auto directives = reply::parse_directives(http, "", {});
  if (!directives) throw std::invalid_argument(directives.error().message);
  auto request = responses::parse_create_response(body);
  if (!request) throw std::invalid_argument(request.error().message);
  auto built = responses::build_response(*request, {.seed = seed, .seeded = true});
  auto rendered = reply::render_response(
      steps[std::min(step, steps.size() - 1)],
      {*request, *directives, std::move(built.response), seed, reply::Latency{}});
  return {std::move(rendered.reply), std::move(rendered.response)};
}

}  // namespace chatmock::testing
