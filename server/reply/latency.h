// Stream pacing (time to first token, inter-token latency, jitter), the grammar that sets it
// (--latency and X-Chatmock-Latency: "ttft=800ms,itl=2s,jitter=20"), its caps, and the one
// function that turns it into write delays. Every value is capped when parsed, so the delay
// arithmetic below cannot overflow.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "reply/expected.h"
#include "synthesis/random.h"
#include "wire/wire_reply.h"

namespace chatmock::reply {

inline constexpr std::chrono::milliseconds kMaxTtft{10 * 60 * 1000};  ///< 10 minutes
inline constexpr std::chrono::milliseconds kMaxItl{60 * 1000};        ///< 60 seconds
inline constexpr int kMaxJitterPercent = 100;

/// Stream pacing: time to first token, inter-token latency, jitter as a fraction of each.
struct Latency {
  std::chrono::milliseconds ttft{0};
  std::chrono::milliseconds itl{0};
  double jitter = 0;
  bool operator==(const Latency&) const = default;
};

/// The keys one latency text names; the others keep whatever they are laid over.
struct LatencyOverride {
  std::optional<std::chrono::milliseconds> ttft;
  std::optional<std::chrono::milliseconds> itl;
  std::optional<int> jitter_percent;
  bool empty() const { return !ttft && !itl && !jitter_percent; }
  /// `base` with the named keys replaced.
  Latency over(const Latency& base) const;
};

/// "ttft=T,itl=T[,jitter=PCT]" (any subset, any order; T is N, Nms or Ns; PCT 0..100). A bad
/// value is a 400 whose param is `param` and whose message gives the accepted form and caps.
Expected<LatencyOverride> parse_latency(std::string_view text, std::string param);

/// Sets every write's delay: ttft before the first, itl before each later one, each spread by
/// ±jitter. Overflow-free for any Latency within the caps above (and clamps beyond them).
void apply_latency(wire::WireReply& reply, const Latency& latency, synthesis::Rng& rng);

}  // namespace chatmock::reply
