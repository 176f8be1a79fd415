// Plausible sample values keyed by a property name: "city" gets a city, "email" an address,
// "age" a human age. Pure lookups over built-in word lists; the callers enforce the schema's
// actual constraints on whatever comes back.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "synthesis/random.h"

namespace chatmock::synthesis {

/// A plausible string for a property called `name` (a word or two when the name says nothing).
std::string sample_string(std::string_view name, Rng& rng);
/// One word from the built-in word list.
std::string sample_word(Rng& rng);
/// The singular of an array property's name ("cities" → "city") to hint at its items.
std::string singular_name(std::string_view name);

/// The values a number property plausibly takes.
struct SampleRange {
  double lo = 0;     ///< Smallest plausible value.
  double hi = 0;     ///< Largest plausible value.
  int decimals = 0;  ///< Digits after the point when the schema allows non-integers.
};
/// The range a number called `name` plausibly has ("age" → 18..90), if the name says.
std::optional<SampleRange> sample_range(std::string_view name);

}  // namespace chatmock::synthesis
