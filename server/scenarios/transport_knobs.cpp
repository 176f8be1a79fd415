// Absent and empty are the same here: a request that names no key keeps the scenario's
// defaults and the caps that go with them (slow's 2 s budget).
#include "scenarios/transport_knobs.h"

namespace chatmock::scenarios {

std::optional<Latency> requested_latency(const reply::Directives& directives,
                                         const Latency& defaults) {
  if (directives.latency.empty()) return std::nullopt;
  return directives.latency.over(defaults);
}

}  // namespace chatmock::scenarios
