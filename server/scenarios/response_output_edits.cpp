// Function calls reuse Chat's synthesis: arguments are a schema-valid instance of the offered
// tool's parameters (synthesis::generate_instance), the invented tool is Chat's get_weather, and
// citations come from the same link inserter as Chat's annotations scenario.
#include "scenarios/response_output_edits.h"

#include <algorithm>

#include "responses/function_calls.h"
#include "responses/response_builder.h"
#include "scenarios/core_content_hooks.h"
#include "synthesis/id_generator.h"
#include "synthesis/json_schema_generator.h"
#include "synthesis/text_generator.h"
#include "synthesis/token_splitter.h"

namespace chatmock::scenarios {

namespace {
std::int64_t tokens_of(std::string_view text) {
  return static_cast<std::int64_t>(synthesis::count_tokens(text));
}

const Json& weather_tool() {
  static const Json kTool = {
      {"type", "function"},
      {"name", "get_weather"},
      {"parameters",
       {{"type", "object"},
        {"properties",
         {{"city", {{"type", "string"}, {"description", "City name"}}},
          {"unit", {{"type", "string"}, {"enum", {"celsius", "fahrenheit"}}}}}},
        {"required", {"city"}},
        {"additionalProperties", false}}}};
  return kTool;
}

/// The function tools a call may name: the one a named tool_choice forces, else every offered
/// function tool, else get_weather.
std::vector<Json> callable_tools(const responses::ResponseRequest& request) {
  std::vector<Json> tools;
  const auto& choice = request.tool_choice;
  const std::string forced = choice.is_object() ? choice.value("name", std::string()) : "";
  for (const auto& tool : request.tools) {
    if (tool.value("type", std::string()) != "function") continue;
    if (forced.empty() || tool.value("name", std::string()) == forced) tools.push_back(tool);
  }
  if (tools.empty()) tools.push_back(weather_tool());
  return tools;
}
}  // namespace

Json* first_message(Json& response) {
  for (auto& item : response["output"]) {
    if (item.value("type", std::string()) == "message") return &item;
  }
  return nullptr;
}

std::string item_id(synthesis::Rng& rng, std::string_view prefix) {
  return responses::hex_id(rng, prefix);
}

void refuse(Json& response, ResponseScenarioContext& /*ctx*/) {
  Json* message = first_message(response);
  if (message == nullptr) return;
  (*message)["content"] = Json::array(
      {{{"type", "refusal"}, {"refusal", "I'm sorry, but I can't help with that request."}}});
  recount_usage(response);
}

void end_incomplete(Json& response, ResponseScenarioContext& ctx, std::string_view reason) {
  Json* message = first_message(response);
  if (message != nullptr && !(*message)["content"].empty()) {
    auto& part = (*message)["content"][0];
    const std::string key = part["type"] == "refusal" ? "refusal" : "text";
    auto pieces = synthesis::split_tokens(part.value(key, std::string()));
    const auto limit = static_cast<std::size_t>(ctx.request.max_output_tokens.value_or(0));
    if (limit > 0 && pieces.size() < 2 * limit) {
      // Long enough to be cut at the limit, as reaching it means.
      auto more = synthesis::generate_text(ctx.rng, 20, 40);
      for (auto& piece : synthesis::split_tokens(" " + more)) pieces.push_back(std::move(piece));
    }
    std::size_t keep = std::max<std::size_t>(1, pieces.size() / 2);
    if (limit > 0) keep = std::min(pieces.size(), limit);
    std::string text;
    for (std::size_t i = 0; i < keep && i < pieces.size(); ++i) text += pieces[i];
    part[key] = text;
    (*message)["status"] = "incomplete";
  }
  response["status"] = "incomplete";
  response["incomplete_details"] = {{"reason", reason}};
  recount_usage(response);
}

void end_failed(Json& response, std::string_view code, std::string_view message) {
  response["status"] = "failed";
  response["incomplete_details"] = nullptr;
  response["error"] = {{"code", code}, {"message", message}};
}

void call_functions(Json& response, ResponseScenarioContext& ctx, int count,
                    const DamageFunctionArguments& damage) {
  if (!ctx.request.parallel_tool_calls) count = 1;
  const auto tools = callable_tools(ctx.request);
  budget::WorkBudget budget;  // the synthesis caps bound it; scenarios run after the budgeted build
  Json output = Json::array();
  for (int i = 0; i < count; ++i) {
    const Json& tool = tools[static_cast<std::size_t>(i) % tools.size()];
    Json item = responses::function_call_item(tool, ctx.rng, budget);
    if (damage) {
      const Json valid = Json::parse(item["arguments"].get<std::string>());
      item["arguments"] = damage(valid, responses::parameters_of(tool), ctx.rng);
    }
    output.push_back(std::move(item));
  }
  response["output"] = std::move(output);
  recount_usage(response);
}

void cite_links(Json& response, ResponseScenarioContext& ctx) {
  Json* message = first_message(response);
  if (message == nullptr || (*message)["content"].empty()) return;
  auto& part = (*message)["content"][0];
  if (part["type"] != "output_text") return;
  std::string text = part["text"].get<std::string>();
  if (tokens_of(text) < 30) text += " " + synthesis::generate_text(ctx.rng, 20, 30);
  Json annotations = Json::array();
  for (const auto& cited : insert_cited_links(text, ctx.rng)) {
    annotations.push_back({{"type", "url_citation"},
                           {"start_index", cited.url_citation.start_index},
                           {"end_index", cited.url_citation.end_index},
                           {"url", cited.url_citation.url},
                           {"title", cited.url_citation.title}});
  }
  part["text"] = std::move(text);
  part["annotations"] = std::move(annotations);
  recount_usage(response);
}

void add_reasoning(Json& response, ResponseScenarioContext& ctx, bool alone) {
  Json item = {
      {"id", item_id(ctx.rng, "rs_")},
      {"type", "reasoning"},
      {"summary", Json::array({{{"type", "summary_text"},
                                {"text", "**Planning the answer** " +
                                             synthesis::generate_text(ctx.rng, 8, 16)}}})}};
  auto& output = response["output"];
  if (alone) output = Json::array();
  output.insert(output.begin(), std::move(item));
  recount_usage(response);
}

void recount_usage(Json& response) {
  if (!response.contains("usage") || !response["usage"].is_object()) return;
  std::int64_t output = 0;
  std::int64_t reasoning = 0;
  for (const auto& item : response["output"]) {
    const auto type = item.value("type", std::string());
    if (type == "message") {
      for (const auto& part : item["content"]) {
        output += tokens_of(part.value(part["type"] == "refusal" ? "refusal" : "text", ""));
      }
    } else if (type == "function_call") {
      output += tokens_of(item.value("arguments", std::string())) + 3;
    } else if (type == "reasoning") {
      // Hidden reasoning costs more than its summary shows.
      for (const auto& part : item["summary"]) reasoning += 4 * tokens_of(part.value("text", ""));
    }
  }
  auto& usage = response["usage"];
  usage["output_tokens"] = output + reasoning;
  usage["output_tokens_details"]["reasoning_tokens"] = reasoning;
  usage["total_tokens"] = usage["input_tokens"].get<std::int64_t>() + output + reasoning;
}

}  // namespace chatmock::scenarios
