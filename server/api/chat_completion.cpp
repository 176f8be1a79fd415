// Serialisation of the ChatCompletion family, driven by the field lists in the header. Absent
// fields are skipped and explicit nulls kept (Field<T>). Keys come out sorted (nlohmann::json's
// std::map); JSON object order carries no meaning and sorted keys keep bodies byte-stable.
#include "api/chat_completion.h"

#include "api/wire_tree.h"

namespace chatmock::api {

CHATMOCK_WIRE_JSON(Function)
CHATMOCK_WIRE_JSON(CustomToolCall)
CHATMOCK_WIRE_JSON(ToolCall)
CHATMOCK_WIRE_JSON(UrlCitation)
CHATMOCK_WIRE_JSON(Annotation)
CHATMOCK_WIRE_JSON(ChatCompletionAudio)
CHATMOCK_WIRE_JSON(TopLogprob)
CHATMOCK_WIRE_JSON(TokenLogprob)
CHATMOCK_WIRE_JSON(ChoiceLogprobs)
CHATMOCK_WIRE_JSON(CompletionTokensDetails)
CHATMOCK_WIRE_JSON(PromptTokensDetails)
CHATMOCK_WIRE_JSON(CompletionUsage)
CHATMOCK_WIRE_JSON(ChatCompletionMessage)
CHATMOCK_WIRE_JSON(Choice)
CHATMOCK_WIRE_JSON(ChatCompletion)

}  // namespace chatmock::api
