// Ground truth from the request journal: what the server actually sent for one attempt, parsed
// by the reference client's own projections (conformance/clients/cpp), and how long it asked a
// client to wait before retrying. Never hand-written expectations.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "chatmock/client/chat_client.h"

namespace chatmock::conform {

/// The observation a correct client makes of journal entry `entry` (its `status` and
/// `response.body`): an SSE body when the request streamed and the status is 2xx, else a JSON
/// body or error, read as `api` replies. nullopt when the journal truncated the body.
std::optional<nlohmann::json> served_observation(
    const nlohmann::json& entry, bool stream,
    client::ClientApi api = client::ClientApi::chat_completions);

/// The delay entry's response asked for — `retry-after-ms`, else `retry-after` in seconds — when
/// it is one the official SDKs honour (0 ≤ delay ≤ 60 s, docs/openai-behaviour.md §3.3); else
/// nullopt.
std::optional<double> requested_retry_delay_ms(const nlohmann::json& entry);

}  // namespace chatmock::conform
