// The admin token itself is never printed (it may be a CI secret); only whether one is set.
#include "app/startup_summary.h"

#include <nlohmann/json.hpp>
#include <variant>

#include "scenarios/scenario_catalogue.h"
#include "scenarios/scenario_expression.h"

namespace chatmock::app {
namespace {

std::string stub_source(const Config& config) {
  if (config.fixture_dirs.empty() && !config.record.enabled()) return "shipped";
  std::string source;
  for (const auto& dir : config.fixture_dirs) source += (source.empty() ? "" : ", ") + dir;
  if (config.record.enabled()) source += (source.empty() ? "" : ", ") + config.record.dir;
  return source;
}

std::string record_mode(const Config& config) {
  if (!config.record.enabled()) return "off";
  return config.record.mode == recording::RecordMode::all ? "all" : "new";
}

/// Which APIs --scenario applies to: "both", "chat" or "responses" (the other API serves
/// `default`, docs/interface.md); "none" for an expression neither accepts.
std::string scenario_reach(const std::string& expression) {
  const auto accepts = [&](scenarios::ScenarioApi endpoint) {
    return std::holds_alternative<scenarios::ScenarioExpression>(
        scenarios::select_scenario_expression(expression, scenarios::builtin_catalogue(),
                                              endpoint));
  };
  const bool chat = accepts(scenarios::ScenarioApi::chat);
  const bool responses = accepts(scenarios::ScenarioApi::responses);
  if (chat && responses) return "both";
  return chat ? "chat" : responses ? "responses" : "none";
}

}  // namespace

std::string startup_summary(const Config& config, const std::string& base_url, std::size_t stubs) {
  const std::string api = base_url + "/v1";
  const bool token = !config.admin_token.empty();
  if (config.log == LogFormat::json) {
    nlohmann::json line = {{"event", "ready"},
                           {"base_url", api},
                           {"stubs", stubs},
                           {"stub_source", stub_source(config)},
                           {"strict", config.strict},
                           {"record", record_mode(config)},
                           {"scenario", config.default_scenario},
                           {"seed", config.seed ? nlohmann::json(*config.seed) : nlohmann::json()},
                           {"admin_token", token}};
    if (config.record.enabled()) line["upstream"] = config.record.upstream;
    line["scenario_applies_to"] = scenario_reach(config.default_scenario);
    return line.dump();
  }
  std::string line = "chatmock: base URL " + api + ", " + std::to_string(stubs) + " stub" +
                     (stubs == 1 ? "" : "s") + " (" + stub_source(config) + "), unmatched → " +
                     (config.strict ? "404 (--strict)" : "synthesised reply") + ", record " +
                     record_mode(config);
  if (config.record.enabled()) line += " from " + config.record.upstream;
  if (config.default_scenario != "default") {
    line += ", scenario " + config.default_scenario;
    const auto reach = scenario_reach(config.default_scenario);
    if (reach == "chat") line += " (chat only: /v1/responses serves default)";
    if (reach == "responses") line += " (Responses only: chat completions serve default)";
  }
  line += ", seed " + (config.seed ? std::to_string(*config.seed) : std::string("per request"));
  line += token ? ", admin token set (send it as Bearer on /_chatmock/*)"
                : ", admin API open (no --admin-token)";
  return line;
}

}  // namespace chatmock::app
