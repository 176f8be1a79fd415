// Serialisation of the chunk family, driven by the field lists in the header; every optional key
// is skipped when absent so a chunk carries exactly the keys the planner (or a scenario) put in it.
#include "api/chat_completion_chunk.h"

#include "api/wire_tree.h"

namespace chatmock::api {

CHATMOCK_WIRE_JSON(FunctionDelta)
CHATMOCK_WIRE_JSON(ToolCallDelta)
CHATMOCK_WIRE_JSON(Delta)
CHATMOCK_WIRE_JSON(ChunkChoice)
CHATMOCK_WIRE_JSON(ChatCompletionChunk)

}  // namespace chatmock::api
