// Requests the validator must accept: every rule of server/validation/ respected by
// construction (roles and their content, tool-call/tool-response pairing, ranges, enums,
// cross-field requirements, reasoning-model restrictions). Strings stay under 100 bytes and
// messages under 30, so tests can validate with tight limits and still expect acceptance.
#pragma once

#include <rapidcheck.h>

#include <string_view>

#include "api/chat_completion_request.h"

namespace chatmock::property {

/// Largest string, message count and tool count valid_request() produces.
inline constexpr std::size_t kValidMaxStringBytes = 100;
inline constexpr std::size_t kValidMaxMessages = 30;
inline constexpr std::size_t kValidMaxTools = 4;

/// True for the o-series and gpt-5 models, which reject max_tokens and temperature != 1.
bool reasoning_model(std::string_view model);

/// A request validate_request accepts; unmodelled fields (temperature, metadata…) in `extra`.
rc::Gen<api::ChatCompletionRequest> valid_request();

}  // namespace chatmock::property
