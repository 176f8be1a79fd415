// The lognormal sample is computed in double and clamped before the cast to milliseconds, so a
// LogNormal built by hand (p50 of 0, p99 below p50, values past the caps) still yields a delay
// in [0, cap] rather than NaN or an out-of-range conversion.
#include "reply/latency_distribution.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace chatmock::reply {

namespace {
// Acklam's coefficients: the central region's rational function, then the tails'.
constexpr std::array<double, 6> kCentralNumerator = {-3.969683028665376e+01, 2.209460984245205e+02,
                                                     -2.759285104469687e+02, 1.383577518672690e+02,
                                                     -3.066479806614716e+01, 2.506628277459239e+00};
constexpr std::array<double, 5> kCentralDenominator = {
    -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
    -1.328068155288572e+01};
constexpr std::array<double, 6> kTailNumerator = {-7.784894002430293e-03, -3.223964580411365e-01,
                                                  -2.400758277161838e+00, -2.549732539343734e+00,
                                                  4.374664141464968e+00,  2.938163982698783e+00};
constexpr std::array<double, 4> kTailDenominator = {7.784695709041462e-03, 3.224671290700398e-01,
                                                    2.445134137142996e+00, 3.754408661907416e+00};
constexpr double kTailBelow = 0.02425;

/// Horner's rule with an implicit trailing 1 when `monic_tail` (the denominators' last term).
template <std::size_t N>
double polynomial(const std::array<double, N>& coefficients, double x, bool monic_tail) {
  double sum = 0;
  for (const double c : coefficients) sum = sum * x + c;
  return monic_tail ? sum * x + 1.0 : sum;
}

/// The lower tail, p in (0, kTailBelow); the upper one is its mirror image.
double lower_tail_quantile(double p) {
  const double q = std::sqrt(-2.0 * std::log(p));
  return polynomial(kTailNumerator, q, false) / polynomial(kTailDenominator, q, true);
}
}  // namespace

double standard_normal_quantile(double p) {
  if (p < kTailBelow) return lower_tail_quantile(p);
  if (p > 1.0 - kTailBelow) return -lower_tail_quantile(1.0 - p);
  const double q = p - 0.5;
  const double r = q * q;
  return q * polynomial(kCentralNumerator, r, false) / polynomial(kCentralDenominator, r, true);
}

std::chrono::milliseconds LogNormal::sample(synthesis::Rng& rng,
                                            std::chrono::milliseconds cap) const {
  // Rng::unit() is in [0, 1): lifting 0 to 2^-53 keeps both ends finite (|z| < 8.3), symmetric
  // with the largest draw, 1 - 2^-53.
  const double uniform = std::max(rng.unit(), 0x1p-53);
  if (p50.count() <= 0 || cap.count() <= 0) return std::chrono::milliseconds(0);
  const double mu = std::log(static_cast<double>(p50.count()));
  const double spread = std::log(static_cast<double>(std::max(p99, p50).count())) - mu;
  const double sigma = spread / kNormalQuantile99;
  const double delay = std::exp(mu + sigma * standard_normal_quantile(uniform));
  const auto longest = static_cast<double>(cap.count());
  if (!(delay < longest)) return cap;  // also catches NaN and infinity
  return std::chrono::milliseconds(std::llround(delay));
}

}  // namespace chatmock::reply
