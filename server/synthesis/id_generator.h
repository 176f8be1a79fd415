// IdGenerator: the identifiers the real API mints (chatcmpl-…, call_…, fp_…, req_…), drawn from
// an Rng so that a seeded request gets the same ids every time.
#pragma once

#include <string>
#include <string_view>

#include "synthesis/random.h"

namespace chatmock::synthesis {

/// `prefix` followed by `length` characters from [A-Za-z0-9].
std::string random_token(Rng& rng, std::string_view prefix, std::size_t length);
/// "chatcmpl-" + 29 alphanumerics, the shape of real completion ids.
std::string completion_id(Rng& rng);
/// "call_" + 24 alphanumerics, the shape of real tool-call ids.
std::string tool_call_id(Rng& rng);
/// "req_" + 32 hex digits, the shape of real x-request-id values.
std::string request_id(Rng& rng);
/// "fp_" + 10 hex digits, stable per model (a real fingerprint identifies a backend config).
std::string system_fingerprint(std::string_view model);

}  // namespace chatmock::synthesis
