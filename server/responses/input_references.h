// What an input refers to outside the request: `item_reference` items name items of responses
// stored in the same session, and each `function_call_output` must answer a `function_call` of
// the input or of the previous_response_id chain (the live API's two 400s for dangling ones).
#pragma once

#include <string_view>
#include <vector>

#include "reply/expected.h"
#include "responses/response_json.h"
#include "responses/response_store.h"

namespace chatmock::responses {

/// `input` with every item_reference replaced by the stored item it names, or the 400 for the
/// first reference or function_call_output that resolves to nothing. `previous` is the response
/// named by previous_response_id (null without one); the chain is walked through the store, at
/// most as many hops as it can hold.
reply::Expected<std::vector<Json>> resolve_input_references(std::vector<Json> input,
                                                            ResponseStore& store,
                                                            std::string_view session,
                                                            const StoredResponse* previous);

}  // namespace chatmock::responses
