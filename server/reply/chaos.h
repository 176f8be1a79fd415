// Seeded chaos: faults (any scenario expression) at given rates, from --chaos or
// X-Chatmock-Chaos: "error_429=5%,error_500=2%,disconnect=1%". The k-th request of a session
// draws u = hash(seed, session, spec, k) in [0, 1) and gets the first fault whose cumulative
// rate exceeds u, so the same seed, spec and order give the same faults on every run.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "reply/expected.h"
#include "scenarios/scenario_catalogue.h"
#include "scenarios/scenario_expression.h"

namespace chatmock::reply {

inline constexpr std::size_t kMaxChaosBytes = 1024;  ///< X-Chatmock-Chaos, --chaos
inline constexpr std::size_t kMaxChaosFaults = 32;

struct ChaosFault {
  std::string name;                    ///< as written, for the journal
  scenarios::Composition composition;  ///< what answers when it fires
  double rate = 0;                     ///< a fraction, (0, 1]
};

struct ChaosSpec {
  std::string text;  ///< as written: part of the draw, so two specs never share a schedule
  std::vector<ChaosFault> faults;
  bool empty() const { return faults.empty(); }
};

/// "NAME=P%[,NAME=P%…]" (P in (0, 100], "%" optional, the rates summing to at most 100 %).
/// Errors are 400s whose param is `param` and whose message names the bad entry.
Expected<ChaosSpec> parse_chaos(std::string_view text,
                                const scenarios::ScenarioCatalogue& catalogue,
                                const std::string& param);

/// The fault for draw number `k` of `session` under `seed`, or nullptr when none fires.
const ChaosFault* pick_fault(const ChaosSpec& spec, std::uint64_t seed, std::string_view session,
                             std::uint64_t k);

}  // namespace chatmock::reply
