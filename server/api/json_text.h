// JSON text for the two response types, written straight from the typed values. Byte for byte
// what nlohmann::json(value).dump() gives (keys sorted, no spaces, invalid UTF-8 replaced), but
// without building the node-per-value tree first: on the request path that tree was a third of
// a request's instructions (docs/performance.md). A property test holds the two equal.
#pragma once

#include <string>

#include "api/chat_completion.h"
#include "api/chat_completion_chunk.h"

namespace chatmock::api {

std::string to_json_text(const ChatCompletion& completion);
std::string to_json_text(const ChatCompletionChunk& chunk);

}  // namespace chatmock::api
