// chatmock-conform --chaos SPEC: a client's error handling under seeded faults. Each call runs in
// its own session with X-Chatmock-Chaos: SPEC, so the server draws the same faults for the same
// seed on every run; the journal tells which faults fired and how often the client retried.
#pragma once

#include <ostream>
#include <string>

#include "runner/client_spec.h"

namespace chatmock::conform {

struct ChaosOptions {
  std::string spec;      ///< --chaos, e.g. "error_429=20%,error_500=10%,disconnect=5%"
  int calls = 40;        ///< --chaos-calls: client calls, alternately JSON and streamed
  std::string root_url;  ///< http://HOST:PORT of the server
  std::string api_key;
  int timeout_ms = 30000;  ///< per call; a call past it counts as a hang
  std::uint64_t seed = 1;  ///< X-Chatmock-Seed of every call
};

/// Runs `client` through the schedule and prints, per fault, how its calls ended: recovered by
/// retrying, gave up (reported the error), hung, or crashed. 0 when no call hung, crashed or
/// failed without a fault; 1 otherwise; 2 when the server could not be read.
int run_chaos(const ClientSpec& client, const ChaosOptions& options, std::ostream& out);

}  // namespace chatmock::conform
