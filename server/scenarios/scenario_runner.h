// run_composition: the reply pipeline for one request under one composition of scenarios:
// shape → synthesize → edit completion → (JSON body | chunks → frames → framing) → pace → wire.
// Pure: no sockets, no clocks (time comes in), so every scenario is testable as a value.
#pragma once

#include <chrono>
#include <cstdint>

#include "scenarios/scenario_expression.h"
#include "synthesis/reply_synthesizer.h"

namespace chatmock::scenarios {

/// Stream pacing: time to first token, inter-token latency, jitter as a fraction of each.
struct Latency {
  std::chrono::milliseconds ttft{0};
  std::chrono::milliseconds itl{0};
  double jitter = 0;
  bool operator==(const Latency&) const = default;
};

struct RunInput {
  api::ChatCompletionRequest request;
  const wire::HttpRequest* http = nullptr;
  synthesis::ReplyDefinition definition;  ///< from a fixture's `synthesize` overrides, or empty
  synthesis::SynthesisContext synthesis;
  Latency latency;                        ///< server-wide --latency
};

/// The reply `composition` produces for `input`.
wire::WireReply run_composition(const Composition& composition, RunInput input);

/// Adds `latency` to a stream's writes: ttft before the first, itl before each later one.
void apply_latency(wire::WireReply& reply, const Latency& latency, synthesis::Rng& rng);

/// Compact JSON text that never throws on invalid UTF-8 (replaced with U+FFFD).
std::string dump_json(const nlohmann::json& value);

}  // namespace chatmock::scenarios
