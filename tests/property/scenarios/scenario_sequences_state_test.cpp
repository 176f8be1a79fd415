// A stateful model test of ScenarioSequences: under any interleaving of next_step calls for
// several sessions and expressions and of resets, the step served is the number of earlier calls
// for that (session, expression) since the last reset, capped at the last step.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>
#include <rapidcheck/state.h>

#include <map>

#include "scenarios/scenario_expression.h"
#include "scenarios/scenario_sequences.h"

namespace chatmock::scenarios {
namespace {

struct SequenceModel {
  std::map<std::pair<std::string, std::string>, std::size_t> calls;  ///< since the last reset
};

/// Real expressions from the selection language, with their parsed step counts.
const std::vector<std::pair<std::string, std::size_t>>& expressions() {
  static const auto parsed = [] {
    std::vector<std::pair<std::string, std::size_t>> out;
    for (const char* text :
         {"default", "refusal+sse_crlf", "error_500,default", "error_500,error_503,default",
          "http_500_503_then_success", "error_429,error_429,error_429,tool_calls"}) {
      const auto result = parse_scenario_expression(text, builtin_catalogue());
      out.emplace_back(text, std::get<ScenarioExpression>(result).steps.size());
    }
    return out;
  }();
  return parsed;
}

struct NextStep : rc::state::Command<SequenceModel, ScenarioSequences> {
  std::string session = *rc::gen::element<std::string>("", "test-a", "test-b");
  std::pair<std::string, std::size_t> expression = *rc::gen::elementOf(expressions());

  void apply(SequenceModel& model) const override { ++model.calls[{session, expression.first}]; }
  void run(const SequenceModel& model, ScenarioSequences& sequences) const override {
    const auto it = model.calls.find({session, expression.first});
    const std::size_t earlier = it == model.calls.end() ? 0 : it->second;
    const std::size_t expected = std::min(earlier, expression.second - 1);  // the last step repeats
    RC_ASSERT(sequences.next_step(session, expression.first, expression.second) == expected);
  }
  void show(std::ostream& os) const override {
    os << "next_step(\"" << session << "\", \"" << expression.first << "\", " << expression.second
       << ")";
  }
};

struct Reset : rc::state::Command<SequenceModel, ScenarioSequences> {
  void apply(SequenceModel& model) const override { model.calls.clear(); }
  void run(const SequenceModel&, ScenarioSequences& sequences) const override { sequences.reset(); }
  void show(std::ostream& os) const override { os << "reset()"; }
};

RC_GTEST_PROP(ScenarioSequencesState, ServesStepsInOrderPerSessionAndExpression, ()) {
  ScenarioSequences sequences;
  rc::state::check(SequenceModel{}, sequences,
                   rc::state::gen::execOneOfWithArgs<NextStep, NextStep, NextStep, Reset>());
}

}  // namespace
}  // namespace chatmock::scenarios
