// The stages chat completions and the Responses API share, so both endpoints choose scenarios,
// draw chaos faults and pick stubs (or the recorder, or --strict's 404) the same way:
// reply/pipeline.cpp and reply/response_pipeline.cpp call these in the same order.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "reply/chaos.h"
#include "reply/directives.h"
#include "reply/expected.h"
#include "reply/pipeline.h"
#include "scenarios/scenario_expression.h"
#include "stubbing/stub_registry.h"

namespace chatmock::reply {

/// The gate before a request's body is read: the rate-limit figures every reply carries, then
/// --record's forward-everything and the API key check. True when `out` is already the answer.
bool settled_at_the_door(const ReplyServices& services, const RequestEnvelope& request,
                         Outcome& out);

/// The request's scenario expression for `endpoint`: the header or path prefix, else
/// --scenario. A --scenario `endpoint` does not serve gives way to `default` there (it was
/// chosen for the other API); a name the request itself gives is a 400 unsupported_scenario.
Expected<scenarios::ScenarioExpression> select_expression(const ReplyServices& services,
                                                          const Directives& directives,
                                                          scenarios::ScenarioApi endpoint);

/// X-Chatmock-Chaos parsed (nullopt when not sent); a bad spec is a 400 naming the header.
Expected<std::optional<ChaosSpec>> request_chaos(const ReplyServices& services,
                                                 const Directives& directives);

/// A seeded chaos fault for this request of its session (the request's spec, else --chaos), or
/// nullptr. The draw counts per (session, spec) in the bounded sequence store.
const ChaosFault* draw_chaos(ReplyServices& services, const Directives& directives,
                             const std::optional<ChaosSpec>& request_spec);

/// What stage 7's first half decided.
struct StubStage {
  std::optional<stubbing::Selection> selection;  ///< the stub that answers
  bool settled = false;  ///< `out` already holds the answer: a forward or --strict's 404
};

/// The stub for `body` on the request's endpoint; else --record forwards, --strict refuses
/// (unless the request chose a scenario), and otherwise the scenario composition answers.
/// Records near misses and `out.unmatched` as chat always has.
StubStage select_stub(ReplyServices& services, const RequestEnvelope& request,
                      const nlohmann::json& body, bool chosen, Outcome& out);

}  // namespace chatmock::reply
