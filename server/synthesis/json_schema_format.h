// The JSON Schema "format" values chatmock understands (date-time, date, time, email, uri, uuid,
// ipv4, hostname): a simple regex check per format and a plausible generated value. Formats
// outside this set are neither checked nor generated.
#pragma once

#include <string>
#include <string_view>

#include "synthesis/random.h"

namespace chatmock::synthesis {

/// Whether `format` is one of the supported format names.
bool is_known_format(std::string_view format);
/// Whether `value` is well-formed for `format`; true for unknown formats.
bool matches_format(std::string_view format, const std::string& value);
/// A plausible value for a supported `format`, "" for any other.
std::string generate_format_value(std::string_view format, Rng& rng);

}  // namespace chatmock::synthesis
