// assemble_chunks: the inverse of the chunk planner, a typed reference reassembly of a stream
// into the ChatCompletion it carries. Tests use it to prove stream == JSON reply; it is strict
// (indexes required), unlike the tolerant client accumulator in conformance/clients/cpp.
#pragma once

#include <vector>

#include "api/chat_completion.h"
#include "api/chat_completion_chunk.h"

namespace chatmock::streaming {

/// The completion the chunks describe (obfuscation dropped, usage from the usage chunk).
api::ChatCompletion assemble_chunks(const std::vector<api::ChatCompletionChunk>& chunks);

}  // namespace chatmock::streaming
