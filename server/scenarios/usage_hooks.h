// The hooks of the usage group (docs/scenarios.md (usage)): where usage travels in a stream, how
// much of it is itemised, and the metadata beside it (service_tier, system_fingerprint, moderation,
// logprobs). Registration lives in catalogue_usages.cpp; this is what the entries call.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "api/chat_completion.h"
#include "scenarios/scenario.h"

namespace chatmock::scenarios {

/// Streams as if the client had sent stream_options.include_usage: true.
void force_include_usage(api::ChatCompletionRequest& request);
/// Moves the final usage chunk's usage onto the last chunk with choices and drops the usage
/// nulls; with `running_totals`, every choice chunk carries the usage counted so far.
void move_usage_into_choice_chunks(std::vector<nlohmann::json>& chunks, bool running_totals);

/// Every detail counter filled and consistent with the totals; X-Chatmock-Variant no_details
/// drops both detail objects, no_usage drops usage altogether.
void fill_usage_details(api::ChatCompletion& completion, ScenarioContext& ctx);

/// The response service_tier: X-Chatmock-Service-Tier, else "fast" → "priority", else a draw
/// among the spec values, null and the future "ultrafast".
void pick_service_tier(api::ChatCompletion& completion, ScenarioContext& ctx);
/// system_fingerprint null or absent (X-Chatmock-Variant: null|absent, else drawn).
void drop_system_fingerprint(api::ChatCompletion& completion, ScenarioContext& ctx);

/// The top-level moderation object: input results plus an output moderation error.
nlohmann::json moderation_object(const ScenarioContext& ctx);

/// Logprobs with every oddity at once (see usage_logprobs.cpp) for each text choice.
void fill_full_logprobs(api::ChatCompletion& completion, ScenarioContext& ctx);
/// The same entries spread over the content chunks, several per chunk where a character was
/// split across tokens.
void stream_full_logprobs(std::vector<nlohmann::json>& chunks, ScenarioContext& ctx);

}  // namespace chatmock::scenarios
