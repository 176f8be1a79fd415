// Stream pacing (time to first token, inter-token latency, jitter, or a lognormal distribution
// for either), the grammar that sets it (--latency and X-Chatmock-Latency, e.g.
// "ttft=800ms,itl=2s,jitter=20" or "ttft=lognormal:p50=300,p99=2000;itl=20"), its caps, and the
// one function that turns it into write delays. Every value is capped when parsed and every drawn
// delay clamped, so the delay arithmetic below cannot overflow.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "reply/expected.h"
#include "reply/latency_distribution.h"
#include "synthesis/random.h"
#include "wire/wire_reply.h"

namespace chatmock::reply {

inline constexpr std::chrono::milliseconds kMaxTtft{10 * 60 * 1000};  ///< 10 minutes
inline constexpr std::chrono::milliseconds kMaxItl{60 * 1000};        ///< 60 seconds
inline constexpr int kMaxJitterPercent = 100;

/// Stream pacing: time to first token, inter-token latency, jitter as a fraction of each. A key
/// with a distribution draws its delays from it instead (jitter does not apply to them: the
/// distribution is the spread); LatencyOverride::over keeps the fixed value at the distribution's
/// median for callers that need one number (a JSON reply's wait, a stall's length).
struct Latency {
  std::chrono::milliseconds ttft{0};
  std::chrono::milliseconds itl{0};
  double jitter = 0;
  std::optional<LogNormal> ttft_distribution;
  std::optional<LogNormal> itl_distribution;
  bool operator==(const Latency&) const = default;
};

/// The keys one latency text names; the others keep whatever they are laid over. For ttft and
/// itl the parser sets either the fixed value or the distribution, whichever was given last.
struct LatencyOverride {
  std::optional<std::chrono::milliseconds> ttft;
  std::optional<std::chrono::milliseconds> itl;
  std::optional<int> jitter_percent;
  std::optional<LogNormal> ttft_distribution;
  std::optional<LogNormal> itl_distribution;
  bool empty() const {
    return !ttft && !itl && !jitter_percent && !ttft_distribution && !itl_distribution;
  }
  /// `base` with the named keys replaced: a fixed value drops the base's distribution for its
  /// key, a distribution replaces the base's fixed value (by its median) and distribution.
  Latency over(const Latency& base) const;
};

/// Keys separated by ',' or ';', any subset, any order, the last of a key winning:
///   ttft=T | ttft=lognormal:p50=T,p99=T     (T is N, Nms or Ns; 0 < p50 <= p99 <= kMaxTtft)
///   itl=T  | itl=lognormal:p50=T,p99=T      (p99 <= kMaxItl)
///   jitter=PCT                              (0..100, fixed values only)
/// A distribution's comma-separated parameters run to the next ';' or the end, so a key after
/// one must follow a ';'. A bad value is a 400 whose param is `param` and whose message gives the
/// accepted form and caps.
Expected<LatencyOverride> parse_latency(std::string_view text, std::string param);

/// Sets every write's delay: ttft before the first, itl before each later one, each fixed value
/// spread by ±jitter and each distribution's draw clamped to its cap; one Rng draw per write
/// either way. Overflow-free for any Latency within the caps above (and clamps beyond them).
void apply_latency(wire::WireReply& reply, const Latency& latency, synthesis::Rng& rng);

}  // namespace chatmock::reply
