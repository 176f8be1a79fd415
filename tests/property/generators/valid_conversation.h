// The messages of a valid request: every role in its accepted shapes, with each assistant
// tool-call block answered by one tool message per call. Internal to the property generators;
// properties use valid_request.h.
#pragma once

#include <rapidcheck.h>

#include <string>
#include <vector>

#include "api/chat_completion_request.h"

namespace chatmock::property {

/// Text of at most 24 code points (96 bytes), sometimes asking for JSON.
rc::Gen<std::string> prose();
/// 1..5 turns that validate_request accepts as `messages`.
std::vector<api::Message> valid_conversation();

}  // namespace chatmock::property
