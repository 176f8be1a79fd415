// Rng: the one source of randomness in synthesis and scenarios. A splitmix64 generator with
// its own integer/real mapping, because std:: distributions differ between standard libraries
// and the same seed must give the same bytes everywhere.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace chatmock::synthesis {

/// A small deterministic PRNG (splitmix64); copyable, so a fork replays identically.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}

  /// The next raw 64-bit value.
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31U);
  }
  /// A uniform integer in [lo, hi] (inclusive); lo when hi < lo.
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    if (hi <= lo) return lo;
    const auto span = static_cast<std::uint64_t>(hi - lo) + 1U;
    return lo + static_cast<std::int64_t>(span == 0 ? next() : next() % span);
  }
  /// A uniform real in [0, 1).
  double unit() { return static_cast<double>(next() >> 11U) * (1.0 / 9007199254740992.0); }
  /// True with probability p.
  bool chance(double p) { return unit() < p; }
  /// An independent generator derived from this one and a label, so adding a draw in one
  /// place does not shift every later choice.
  Rng fork(std::string_view label) const {
    std::uint64_t h = state_ ^ 0xCBF29CE484222325ULL;
    for (const char c : label) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ULL;
    return Rng(h);
  }

 private:
  std::uint64_t state_;
};

}  // namespace chatmock::synthesis
