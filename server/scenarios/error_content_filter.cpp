// Shapes from Azure captures quoted in AbanteAI mentat #429, azure-sdk-for-go #21086 and
// mlflow #12767: the first chunk's object is "" and choices is empty, which breaks clients that
// index choices[0] or check the `object` literal (hence breaks_spec).
#include "scenarios/error_content_filter.h"

namespace chatmock::scenarios {

namespace {
nlohmann::json safe_categories() {
  const nlohmann::json safe = {{"filtered", false}, {"severity", "safe"}};
  return {{"hate", safe}, {"self_harm", safe}, {"sexual", safe}, {"violence", safe}};
}

nlohmann::json prompt_filter_results() {
  auto categories = safe_categories();
  categories["jailbreak"] = {{"filtered", false}, {"detected", false}};
  return nlohmann::json::array({{{"prompt_index", 0}, {"content_filter_results", categories}}});
}

bool has_finish_reason(const nlohmann::json& chunk) {
  for (const auto& choice : chunk.value("choices", nlohmann::json::array())) {
    if (choice.contains("finish_reason") && !choice["finish_reason"].is_null()) return true;
  }
  return false;
}
}  // namespace

void add_azure_filter_results(nlohmann::json& body) {
  if (!body.is_object()) return;
  body["prompt_filter_results"] = prompt_filter_results();
  if (!body.contains("choices") || !body["choices"].is_array()) return;
  for (auto& choice : body["choices"]) choice["content_filter_results"] = safe_categories();
}

void add_azure_filter_chunks(std::vector<nlohmann::json>& chunks) {
  if (chunks.empty()) return;
  std::size_t last_finish = chunks.size();
  for (std::size_t i = 0; i < chunks.size(); ++i) {
    if (!chunks[i].contains("choices") || !chunks[i]["choices"].is_array()) continue;
    for (auto& choice : chunks[i]["choices"]) choice["content_filter_results"] = safe_categories();
    if (has_finish_reason(chunks[i])) last_finish = i;
  }
  // Azure's asynchronous filter reports after the text: a choice with results and no delta.
  if (last_finish < chunks.size()) {
    nlohmann::json trailer = chunks[last_finish];
    trailer.erase("usage");
    trailer.erase("obfuscation");
    trailer["choices"] = nlohmann::json::array({{{"index", 0},
                                                 {"finish_reason", nullptr},
                                                 {"content_filter_results", safe_categories()}}});
    chunks.insert(chunks.begin() + static_cast<std::ptrdiff_t>(last_finish) + 1,
                  std::move(trailer));
  }
  const nlohmann::json opener = {{"id", ""},
                                 {"object", ""},
                                 {"created", 0},
                                 {"model", ""},
                                 {"choices", nlohmann::json::array()},
                                 {"prompt_filter_results", prompt_filter_results()}};
  chunks.insert(chunks.begin(), opener);
}

}  // namespace chatmock::scenarios
