// Latency distributions: a lognormal delay given by its median and 99th percentile, sampled from
// the reply's seeded Rng through an inverse normal CDF of our own, because std::normal_distribution
// gives different values under different standard libraries and the same seed must give the same
// delays everywhere.
#pragma once

#include <chrono>

#include "synthesis/random.h"

namespace chatmock::reply {

/// The standard normal's 0.99 quantile: p99 = p50 * exp(sigma * kNormalQuantile99).
inline constexpr double kNormalQuantile99 = 2.3263478740408408;

/// A lognormal delay with median p50 and 99th percentile p99: mu = ln(p50),
/// sigma = (ln(p99) - ln(p50)) / kNormalQuantile99. p99 == p50 is a fixed delay.
struct LogNormal {
  std::chrono::milliseconds p50{0};
  std::chrono::milliseconds p99{0};
  bool operator==(const LogNormal&) const = default;

  /// exp(mu + sigma * z), z from one uniform draw of `rng`, rounded to whole ms and clamped to
  /// [0, cap]; always one draw, so a distribution moves later choices exactly as a fixed value.
  std::chrono::milliseconds sample(synthesis::Rng& rng, std::chrono::milliseconds cap) const;
};

/// The standard normal quantile at p in (0, 1) (Acklam's rational approximation, relative error
/// below 1.2e-9): only +, *, /, sqrt and log, so it does not depend on a library's distributions.
double standard_normal_quantile(double p);

}  // namespace chatmock::reply
