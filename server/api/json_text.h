// JSON text for any wire type with a field list, written straight from the typed values. Byte
// for byte what nlohmann::json(value).dump() gives (keys sorted, no spaces, invalid UTF-8
// replaced), but without building the node-per-value tree first: on the request path that tree
// was a third of a request's instructions (docs/performance.md). A property test holds the two
// equal for every wire type.
#pragma once

#include <string>

#include "api/api_error.h"
#include "api/chat_completion.h"
#include "api/chat_completion_chunk.h"
#include "api/chat_completion_request.h"
#include "api/model_list.h"

namespace chatmock::api {

/// The JSON text of `value` (a ChatCompletion, a ChatCompletionChunk, or any other wire type:
/// each is instantiated in json_text.cpp).
template <class T>
std::string to_json_text(const T& value);

}  // namespace chatmock::api
