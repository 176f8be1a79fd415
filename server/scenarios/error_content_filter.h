// Azure OpenAI's content-filter annotations (docs/scenarios.md): a prompt-filter chunk with
// empty id/object/model before the real stream, filter results on every choice, and a trailing
// choice without `delta`. Kept apart from the HTTP error builders because it edits a success.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

namespace chatmock::scenarios {

/// Adds prompt_filter_results and each choice's content_filter_results to a completion body.
void add_azure_filter_results(nlohmann::json& body);
/// Prepends the prompt-filter chunk, annotates choices, appends a delta-less filter chunk.
void add_azure_filter_chunks(std::vector<nlohmann::json>& chunks);

}  // namespace chatmock::scenarios
