// Built-in tool calls are answered as completed at once (chatmock searches nothing): the query is
// the user's last words, a file search finds one seeded passage. Reasoning stays hidden except
// for the summary a request asks for, as the API keeps it.
#include "responses/leading_items.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "api/model_list.h"
#include "responses/response_builder.h"
#include "responses/response_input.h"
#include "synthesis/text_generator.h"
#include "synthesis/token_splitter.h"

namespace chatmock::responses {

namespace {
constexpr std::size_t kMaxQueryBytes = 120;

bool offers(const ResponseRequest& request, std::string_view type_prefix) {
  if (request.tool_choice == "none") return false;
  return std::any_of(request.tools.begin(), request.tools.end(), [type_prefix](const Json& tool) {
    return tool.value("type", std::string()).starts_with(type_prefix);
  });
}

/// The user's last words, cut to a search box's length on a UTF-8 boundary.
std::string search_query(const ResponseRequest& request) {
  std::string query = "latest news";
  for (const auto& item : request.input) {
    if (item.value("role", std::string()) == "user") query = item_text(item);
  }
  if (query.size() <= kMaxQueryBytes) return query;
  std::size_t cut = kMaxQueryBytes;
  while (cut > 0 && (static_cast<unsigned char>(query[cut]) & 0xC0U) == 0x80U) --cut;
  return query.substr(0, cut);
}

Json reasoning_item(const ResponseRequest& request, synthesis::Rng& rng,
                    std::int64_t& reasoning_tokens) {
  Json summary = Json::array();
  if (request.reasoning.value("summary", Json()).is_string()) {
    summary.push_back(
        {{"type", "summary_text"},
         {"text", "**Planning the answer** " + synthesis::generate_text(rng, 8, 16)}});
    // Hidden reasoning costs more than its summary shows.
    reasoning_tokens = 4 * static_cast<std::int64_t>(synthesis::count_tokens(
                               summary[0]["text"].get_ref<const std::string&>()));
  } else {
    reasoning_tokens = rng.between(16, 96);
  }
  if (request.max_output_tokens) {
    reasoning_tokens = std::min(reasoning_tokens, *request.max_output_tokens / 2);
  }
  Json item = object_with_capacity(4);
  append_field(item, "id", hex_id(rng, "rs_"));
  append_field(item, "type", "reasoning");
  append_field(item, "summary", std::move(summary));
  if (request.includes("reasoning.encrypted_content")) {
    append_field(item, "encrypted_content", hex_id(rng, "gAAAAA"));
  }
  return item;
}

Json file_search_call(const ResponseRequest& request, synthesis::Rng& rng,
                      const std::string& query) {
  Json item = object_with_capacity(5);
  append_field(item, "id", hex_id(rng, "fs_"));
  append_field(item, "type", "file_search_call");
  append_field(item, "status", "completed");
  append_field(item, "queries", Json::array({query}));
  Json results = nullptr;
  if (request.includes("file_search_call.results")) {
    results = Json::array({{{"file_id", hex_id(rng, "file-")},
                            {"filename", "notes.md"},
                            {"score", 0.82},
                            {"text", synthesis::generate_text(rng, 12, 24)},
                            {"attributes", Json::object()}}});
  }
  append_field(item, "results", std::move(results));
  return item;
}
}  // namespace

LeadingItems leading_items(const ResponseRequest& request, synthesis::Rng rng) {
  LeadingItems out;
  if (api::is_reasoning_model(request.model)) {
    out.items.push_back(reasoning_item(request, rng, out.reasoning_tokens));
  }
  const bool web = offers(request, "web_search");
  const bool files = offers(request, "file_search");
  if (!web && !files) return out;
  const std::string query = search_query(request);
  if (web) {
    out.items.push_back({{"id", hex_id(rng, "ws_")},
                         {"type", "web_search_call"},
                         {"status", "completed"},
                         {"action", {{"type", "search"}, {"query", query}}}});
  }
  if (files) out.items.push_back(file_search_call(request, rng, query));
  return out;
}

}  // namespace chatmock::responses
