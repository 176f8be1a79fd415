// Fuzz target: the scenario-expression parser (`a+b`, `x,y,z`) that reads the X-Chatmock-Scenario
// header, the /scenarios/{name} path and fixtures. It must return an expression with at least one
// step or a 400 message, never throw.
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <variant>

#include "scenarios/scenario_catalogue.h"
#include "scenarios/scenario_expression.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto parsed = chatmock::scenarios::parse_scenario_expression(
      text, chatmock::scenarios::builtin_catalogue());
  if (const auto* expression = std::get_if<chatmock::scenarios::ScenarioExpression>(&parsed)) {
    if (expression->steps.empty()) std::abort();
    for (const auto& step : expression->steps) {
      for (const auto* scenario : step) {
        if (scenario == nullptr) std::abort();
      }
    }
  } else if (std::get<std::string>(parsed).empty()) {
    std::abort();
  }
  return 0;
}
