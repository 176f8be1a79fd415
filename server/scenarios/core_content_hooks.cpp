// Annotations, large content and structured output. Citation indexes count Unicode code points
// (the API is served from Python, whose string indexes are code points), which is the unit a
// client must convert from when it slices UTF-16 (JS) or UTF-8 (Go, Rust) strings.
#include "scenarios/core_content_hooks.h"

#include <algorithm>
#include <array>
#include <map>
#include <string_view>

#include "scenarios/core_reply_edits.h"
#include "synthesis/choice_builder.h"
#include "synthesis/json_schema_generator.h"
#include "synthesis/text_generator.h"
#include "synthesis/token_splitter.h"

namespace chatmock::scenarios {

namespace {
using nlohmann::json;

struct CitedSource {
  std::string_view host;
  std::string_view url;
  std::string_view title;
};
// The real API tags cited URLs with utm_source=openai.
constexpr std::array<CitedSource, 4> kSources = {{
    {"en.wikipedia.org", "https://en.wikipedia.org/wiki/Paris?utm_source=openai",
     "Paris - Wikipedia"},
    {"www.weather.gov", "https://www.weather.gov/forecast?utm_source=openai",
     "National Weather Service"},
    {"www.bbc.com", "https://www.bbc.com/weather/2988507?utm_source=openai", "Paris - BBC Weather"},
    {"developer.mozilla.org",
     "https://developer.mozilla.org/en-US/docs/Web/API/Server-sent_events?utm_source=openai",
     "Server-sent events - Web APIs | MDN"},
}};

std::string markdown_link(const CitedSource& source) {
  return "[" + std::string(source.host) + "](" + std::string(source.url) + ")";
}

std::int64_t code_points(std::string_view bytes) {
  return std::count_if(bytes.begin(), bytes.end(),
                       [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; });
}

/// Every known source link in `content`, as annotations, in order of appearance.
std::vector<api::Annotation> annotations_in(const std::string& content) {
  std::vector<std::pair<std::size_t, api::Annotation>> found;
  for (const auto& source : kSources) {
    const auto link = markdown_link(source);
    for (auto at = content.find(link); at != std::string::npos; at = content.find(link, at + 1)) {
      api::Annotation annotation;
      annotation.url_citation.start_index = code_points(std::string_view(content).substr(0, at));
      annotation.url_citation.end_index = annotation.url_citation.start_index + code_points(link);
      annotation.url_citation.url = source.url;
      annotation.url_citation.title = source.title;
      found.emplace_back(at, std::move(annotation));
    }
  }
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<api::Annotation> out;
  for (auto& [at, annotation] : found) out.push_back(std::move(annotation));
  return out;
}

/// Inserts " ([host](url))" before one or two sentence ends (or at the end of the text).
void insert_links(std::string& content, synthesis::Rng& rng) {
  std::vector<std::size_t> ends;
  for (std::size_t i = 0; i < content.size(); ++i) {
    if (content[i] == '.' || content[i] == '!' || content[i] == '?') ends.push_back(i);
  }
  if (ends.empty()) ends.push_back(content.size());
  std::vector<std::size_t> chosen = {ends.front()};
  if (ends.size() > 1 && rng.chance(0.6)) chosen.push_back(ends.back());
  auto source =
      static_cast<std::size_t>(rng.between(0, static_cast<std::int64_t>(kSources.size()) - 1));
  for (auto it = chosen.rbegin(); it != chosen.rend(); ++it) {
    content.insert(*it, " (" + markdown_link(kSources[source]) + ")");
    source = (source + 1) % kSources.size();
  }
}

// One token each (split_tokens keeps up to 8 letters or digits whole) that can stand in for the
// large content in a stream. Their characters are pairwise disjoint, so each stop sequence is
// inside at most one of them and the request's (at most 4) stops always leave one uncut.
constexpr std::array<std::string_view, 5> kLargePlaceholders = {"chatmock", "bulwry", "fizgens",
                                                                "01234567", "qvxjpd89"};

std::string_view large_placeholder(const api::ChatCompletionRequest& request) {
  for (const auto placeholder : kLargePlaceholders) {
    const bool cut = std::any_of(request.stop.begin(), request.stop.end(), [&](const auto& stop) {
      return !stop.empty() && placeholder.find(stop) != std::string_view::npos;
    });
    if (!cut) return placeholder;
  }
  return kLargePlaceholders.front();
}

constexpr std::size_t kLargeDeltaBytes = 16 * 1024;

/// X-Chatmock-Size bytes of prose (default 1 MiB, capped at 16 MiB to bound server memory),
/// the same text for the JSON and the stream form because it comes from a labelled fork.
std::size_t large_bytes(const ScenarioContext& ctx) {
  constexpr std::int64_t kDefault = 1 << 20;
  constexpr std::int64_t kCap = 16 << 20;
  return static_cast<std::size_t>(
      std::clamp<std::int64_t>(ctx.directives.size.value_or(kDefault), 1, kCap));
}

std::string large_content(const ScenarioContext& ctx) {
  const auto bytes = large_bytes(ctx);
  synthesis::Rng rng = ctx.rng.fork("large/text");
  std::string text;
  text.reserve(bytes + 1024);
  while (text.size() < bytes && !ctx.budget.spent()) {
    if (!text.empty()) text += "\n\n";
    text += synthesis::generate_text(rng, 60, 120);
  }
  text.resize(bytes);
  return text;
}

json string_property(std::string_view description) {
  return {{"type", "string"}, {"description", description}};
}
}  // namespace

std::vector<api::Annotation> insert_cited_links(std::string& text, synthesis::Rng& rng) {
  insert_links(text, rng);
  return annotations_in(text);
}

void cite_sources(api::ChatCompletion& completion, ScenarioContext& ctx) {
  for (auto& choice : completion.choices) {
    if (!choice.message.content.has_value() || choice.message.content->empty()) continue;
    insert_links(*choice.message.content, ctx.rng);
    choice.message.annotations = annotations_in(*choice.message.content);
    refresh_logprobs(choice, ctx.request, ctx.rng);
  }
  recount_usage(completion);
}

void attach_streamed_annotations(std::vector<nlohmann::json>& chunks, ScenarioContext& /*ctx*/) {
  std::map<std::int64_t, std::string> content_by_choice;
  std::map<std::int64_t, std::size_t> last_content_chunk;
  for (std::size_t i = 0; i < chunks.size(); ++i) {
    for (const auto& choice : chunks[i].value("choices", json::array())) {
      const auto& delta = choice.value("delta", json::object());
      if (!delta.contains("content") || !delta["content"].is_string() || delta["content"].empty())
        continue;
      content_by_choice[choice.value("index", 0)] += delta["content"].get<std::string>();
      last_content_chunk[choice.value("index", 0)] = i;
    }
  }
  for (const auto& [index, at] : last_content_chunk) {
    const auto annotations = annotations_in(content_by_choice[index]);
    if (annotations.empty()) continue;
    for (auto& choice : chunks[at]["choices"]) {
      if (choice.value("index", 0) == index) choice["delta"]["annotations"] = annotations;
    }
  }
}

void shape_large(synthesis::ReplyDefinition& definition, ScenarioContext& ctx) {
  definition.kind = synthesis::ReplyKind::text;
  // Every choice carries the content: when n copies cannot fit the reply budget, spend it now
  // and build none of them (the pipeline answers reply_too_large).
  const std::size_t choices = static_cast<std::size_t>(
      std::max<std::int64_t>(1, definition.choice_count.value_or(ctx.request.choice_count())));
  if (const auto total = large_bytes(ctx) * choices; total > ctx.budget.remaining_bytes()) {
    ctx.budget.charge(total);
  }
  const bool build = !ctx.stream && ctx.budget.exhaustion() == budget::Exhaustion::none;
  definition.content = build ? large_content(ctx) : std::string(large_placeholder(ctx.request));
}

void bill_large_content(api::ChatCompletion& completion, ScenarioContext& ctx) {
  if (!ctx.stream || ctx.budget.spent()) return;
  const api::Field<std::string> placeholder{std::string(large_placeholder(ctx.request))};
  // The synthesizer saw one token; the stop sequences and token limit apply to the real content,
  // exactly as they do when the JSON form synthesizes it.
  const auto limited = synthesis::limit_content(ctx.request, large_content(ctx));
  for (auto& choice : completion.choices) {
    if (choice.message.content != placeholder) continue;
    if (limited.stopped) choice.finish_reason = api::FinishReason::stop;
    if (limited.truncated && choice.finish_reason == api::FinishReason::stop) {
      choice.finish_reason = api::FinishReason::length;
    }
    if (!completion.usage.has_value()) continue;
    completion.usage->completion_tokens += limited.tokens - 1;
    completion.usage->total_tokens += limited.tokens - 1;
  }
}

void expand_large_deltas(std::vector<nlohmann::json>& chunks, ScenarioContext& ctx) {
  if (!ctx.stream || ctx.budget.spent()) return;
  const auto placeholder = large_placeholder(ctx.request);
  const std::string content = synthesis::limit_content(ctx.request, large_content(ctx)).text;
  std::vector<json> out;
  out.reserve(chunks.size() + content.size() / kLargeDeltaBytes + 1);
  for (auto& chunk : chunks) {
    const bool is_placeholder =
        chunk.contains("choices") && chunk["choices"].size() == 1 &&
        chunk["choices"][0]["delta"].value("content", json()) == placeholder;
    if (!is_placeholder) {
      out.push_back(std::move(chunk));
      continue;
    }
    // Per-token logprobs of a megabyte are not sent; the deltas carry text only.
    chunk["choices"][0]["logprobs"] = nullptr;
    for (std::size_t at = 0; at < content.size(); at += kLargeDeltaBytes) {
      json piece = chunk;
      piece["choices"][0]["delta"]["content"] = content.substr(at, kLargeDeltaBytes);
      out.push_back(std::move(piece));
    }
  }
  chunks = std::move(out);
}

const nlohmann::json& default_structured_output_schema() {
  // Strict-mode shape (every property required, no extras), as OpenAI structured outputs demand.
  static const json kSchema = {
      {"type", "object"},
      {"properties",
       {{"answer", string_property("The answer in one or two sentences")},
        {"confidence", {{"type", "number"}, {"minimum", 0}, {"maximum", 1}}},
        {"sources",
         {{"type", "array"}, {"items", {{"type", "string"}, {"format", "uri"}}}, {"maxItems", 3}}},
        {"follow_up", {{"type", {"string", "null"}}}}}},
      {"required", {"answer", "confidence", "sources", "follow_up"}},
      {"additionalProperties", false}};
  return kSchema;
}

void shape_structured_output(synthesis::ReplyDefinition& definition, ScenarioContext& ctx) {
  definition.kind = synthesis::ReplyKind::structured;
  const auto& format = ctx.request.response_format;
  const bool has_schema = format.has_value() && format->json_schema.has_value() &&
                          format->json_schema->schema.has_value();
  if (!has_schema) {
    definition.content =
        synthesis::generate_instance(default_structured_output_schema(), ctx.rng, ctx.budget)
            .dump();
  }
}

}  // namespace chatmock::scenarios
