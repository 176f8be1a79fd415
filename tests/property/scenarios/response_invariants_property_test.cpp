// Every Responses scenario that does not break the spec keeps the invariants clients rely on
// (docs/interface.md, Responses streaming): sequence numbers 0..n-1, output and content indexes
// appended in order, item_id equal to the added item's id, `.done` equal to the joined deltas,
// output_item.done equal to the terminal Response's item, and the terminal Response equal to the
// JSON form and to what the store keeps. And every scenario gives the same bytes for one seed.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <map>

#include "scenarios/scenario_catalogue.h"
#include "support/response_harness.h"

namespace chatmock::testing {
namespace {

using responses::Json;

std::vector<std::string> spec_keeping_response_scenarios() {
  std::vector<std::string> names;
  for (const auto& s : scenarios::builtin_catalogue().all()) {
    if (s.breaks_spec || !scenarios::serves(s, scenarios::ScenarioApi::responses)) continue;
    if (!s.expands_to.empty()) continue;
    names.push_back(s.name);
  }
  return names;
}

std::vector<std::string> all_response_scenarios() {
  std::vector<std::string> names;
  for (const auto& s : scenarios::builtin_catalogue().all()) {
    if (scenarios::serves(s, scenarios::ScenarioApi::responses)) names.push_back(s.name);
  }
  return names;
}

nlohmann::json request_variant(int variant, bool stream) {
  auto body = variant == 1 ? response_tool_request(stream) : response_request(stream);
  if (variant == 2) body["max_output_tokens"] = 16;
  if (variant == 3) body["instructions"] = "Answer briefly.";
  return body;
}

/// The text a `.done` event reports, under the key its type uses.
std::string done_text(const Json& event) {
  for (const char* key : {"text", "refusal", "arguments"}) {
    if (event.contains(key)) return event[key].get<std::string>();
  }
  return {};
}

/// The key of the part or item an event belongs to, so deltas join per part.
std::string part_key(const Json& event) {
  std::string key = std::to_string(event.value("output_index", -1));
  for (const char* index : {"content_index", "summary_index"}) {
    if (event.contains(index))
      key += std::string("/") + index + std::to_string(event[index].get<int>());
  }
  return key;
}

void check_stream(const std::vector<Json>& events, const Json& json_form, const Json& stored) {
  RC_ASSERT(!events.empty());
  RC_ASSERT(events.front()["type"] == "response.created");
  std::vector<std::string> item_ids;
  std::map<int, int> next_content;
  std::map<std::string, std::string> joined;
  std::vector<Json> done_items;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const auto& e = events[i];
    const auto type = e["type"].get<std::string>();
    RC_ASSERT(e["sequence_number"] == i);
    if (type == "response.output_item.added") {
      RC_ASSERT(e["output_index"] == item_ids.size());
      item_ids.push_back(e["item"].value("id", std::string()));
      continue;
    }
    if (type == "response.output_item.done") done_items.push_back(e["item"]);
    if (e.contains("item_id")) {
      const auto index = e["output_index"].get<std::size_t>();
      RC_ASSERT(index < item_ids.size());
      RC_ASSERT(e["item_id"] == item_ids[index]);
    }
    if (type == "response.content_part.added") {
      const int index = e["output_index"].get<int>();
      RC_ASSERT(e["content_index"] == next_content[index]);
      ++next_content[index];
    }
    if (type.ends_with(".delta")) joined[part_key(e)] += e["delta"].get<std::string>();
    if (type.ends_with(".done") && type != "response.output_item.done" &&
        type != "response.content_part.done" && type != "response.reasoning_summary_part.done") {
      RC_ASSERT(done_text(e) == joined[part_key(e)]);
    }
    if (type == "error") {
      RC_ASSERT(e["code"].is_string());
      RC_ASSERT(e["message"].is_string());
      RC_ASSERT(e.contains("param"));
    }
  }
  const auto& last = events.back();
  const auto last_type = last["type"].get<std::string>();
  if (last_type == "response.completed" || last_type == "response.incomplete" ||
      last_type == "response.failed") {
    RC_ASSERT(last["response"] == json_form);
    RC_ASSERT(last["response"] == stored);
    RC_ASSERT(last["response"]["id"] == events.front()["response"]["id"]);
    const auto& output = last["response"]["output"];
    RC_ASSERT(done_items.size() == output.size());
    for (std::size_t i = 0; i < done_items.size(); ++i) RC_ASSERT(done_items[i] == output[i]);
  }
}

/// One scenario's JSON and stream forms for one seed and request variant.
void check_scenario(const std::string& name, std::uint64_t seed, int variant) {
  const auto json_run = run_response_scenario(name, request_variant(variant, false), {}, seed);
  const auto stream_run = run_response_scenario(name, request_variant(variant, true), {}, seed);
  if (json_run.reply.ending != wire::WireEnding::complete ||
      stream_run.reply.ending != wire::WireEnding::complete) {
    return;  // disconnect knobs: the bytes end early on purpose
  }
  if (json_run.reply.status != 200) {
    RC_ASSERT(json_run.reply.status >= 400);
    RC_ASSERT(stream_run.reply.status == json_run.reply.status || stream_run.reply.status == 200);
    if (stream_run.reply.status != 200) return;
    check_stream(stream_run.event_json(), *stream_run.stored, *stream_run.stored);
    return;
  }
  const auto body = json_run.json();
  RC_ASSERT(body["object"] == "response");
  RC_ASSERT(body == *json_run.stored);
  if (body.contains("usage")) {
    const auto& usage = body["usage"];
    RC_ASSERT(usage["total_tokens"].get<std::int64_t>() ==
              usage["input_tokens"].get<std::int64_t>() +
                  usage["output_tokens"].get<std::int64_t>());
  }
  check_stream(stream_run.event_json(), body, *stream_run.stored);
}

// Each case draws a seed, a request shape and 16 of the spec-keeping scenarios (each scenario is
// drawn ~30 times in a run of 100 cases; all of them in every case made this one test a minute
// of the suite under ASan).
RC_GTEST_PROP(ResponseInvariantsPropertyTest, SpecKeepingScenariosKeepTheStreamInvariants, ()) {
  static const auto names = spec_keeping_response_scenarios();
  const auto seed = *rc::gen::inRange<std::uint64_t>(1, 1'000'000);
  const int variant = *rc::gen::inRange(0, 4);
  const auto picked = *rc::gen::container<std::vector<std::string>>(16, rc::gen::elementOf(names));
  for (const auto& name : picked) {
    RC_LOG() << name << "\n";
    check_scenario(name, seed, variant);
  }
}

TEST(ResponseInvariantsPropertyTest, EveryScenarioIsDeterministicForOneSeed) {
  for (const auto& name : all_response_scenarios()) {
    for (const bool stream : {false, true}) {
      const auto body = request_variant(1, stream);
      const auto first = run_response_scenario(name, body, {}, 42);
      const auto second = run_response_scenario(name, body, {}, 42);
      EXPECT_EQ(first.body(), second.body()) << name << (stream ? " stream" : " json");
      EXPECT_EQ(first.reply.status, second.reply.status) << name;
    }
  }
}

}  // namespace
}  // namespace chatmock::testing
