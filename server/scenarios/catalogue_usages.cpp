// Usage, metadata and service tier (docs/scenarios.md (usage)): where the token counts travel in a
// stream, how itemised they are, and the top-level metadata values closed enums and strict
// structs trip over. Scenarios about the stream's usage chunk turn include_usage on themselves.
#include "scenarios/scenario_catalogue.h"
#include "scenarios/usage_hooks.h"

namespace chatmock::scenarios {

namespace {
using synthesis::ReplyDefinition;
using synthesis::ReplyKind;

constexpr const char* kUsagesGroup = "usage";

void include_usage(ReplyDefinition&, ScenarioContext& ctx) { force_include_usage(ctx.request); }

void register_usage_placement(ScenarioCatalogue& catalogue) {
  catalogue.add({.name = "stream_usage_chunk_empty_choices",
                 .description =
                     "Every chunk has \"usage\": null and a final chunk with \"choices\": [] "
                     "carries the totals, even unrequested (stream only).",
                 .breaks_spec = false,
                 .group = kUsagesGroup,
                 .shape_reply = include_usage});
  catalogue.add({.name = "stream_usage_in_last_content_chunk",
                 .description =
                     "Usage rides on the finish chunk, no empty-choices chunk; "
                     "X-Chatmock-Variant: running_totals puts running usage on every chunk "
                     "(stream only).",
                 .breaks_spec = false,
                 .group = kUsagesGroup,
                 .shape_reply = include_usage,
                 .edit_chunks = [](std::vector<nlohmann::json>& chunks, ScenarioContext& ctx) {
                   const bool running = ctx.directives.has_variant("running_totals");
                   move_usage_into_choice_chunks(chunks, running);
                 }});
  catalogue.add({.name = "usage_details_full",
                 .description =
                     "Every usage detail counter non-zero and adding up (cached, cache "
                     "write, image, audio, reasoning, predictions); variants no_details, no_usage.",
                 .breaks_spec = false,
                 .group = kUsagesGroup,
                 .shape_reply = include_usage,
                 .edit_completion = fill_usage_details});
}

void register_metadata(ScenarioCatalogue& catalogue) {
  catalogue.add({.name = "service_tier_values",
                 .description =
                     "service_tier drawn from the spec values, null and the future "
                     "\"ultrafast\" (or X-Chatmock-Service-Tier); \"fast\" is answered priority.",
                 .breaks_spec = true,
                 .group = kUsagesGroup,
                 .edit_completion = pick_service_tier});
  catalogue.add({.name = "system_fingerprint_null_or_absent",
                 .description = "The deprecated system_fingerprint is null or left out "
                                "(X-Chatmock-Variant: null|absent, else drawn).",
                 .breaks_spec = true,
                 .group = kUsagesGroup,
                 .edit_completion = drop_system_fingerprint});
  catalogue.add(
      {.name = "moderation_block",
       .description = "The new top-level moderation object: input moderation_results plus "
                      "an output error; on the last chunk when streaming.",
       .breaks_spec = false,
       .group = kUsagesGroup,
       .edit_completion = [](api::ChatCompletion& c,
                             ScenarioContext& ctx) { c.moderation = moderation_object(ctx); },
       .edit_chunks =
           [](std::vector<nlohmann::json>& chunks, ScenarioContext& ctx) {
             if (!chunks.empty()) chunks.back()["moderation"] = moderation_object(ctx);
           }});
  catalogue.add(
      {.name = "logprobs_full",
       .description = "Logprobs with a character split across tokens, a -9999.0 entry, "
                      "short top_logprobs and a null bytes; several entries per chunk.",
       .breaks_spec = false,
       .group = kUsagesGroup,
       .shape_reply =
           [](ReplyDefinition& d, ScenarioContext&) {
             d.kind = ReplyKind::text;
             d.force_logprobs = true;
             if (!d.content) {
               d.content =
                   "Paris: 22 °C, sunny ☀ with a light breeze — perfect for a walk by the Seine.";
             }
           },
       .edit_completion = fill_full_logprobs,
       .edit_chunks = stream_full_logprobs});
}
}  // namespace

void register_usage_scenarios(ScenarioCatalogue& catalogue) {
  register_usage_placement(catalogue);
  register_metadata(catalogue);
}

}  // namespace chatmock::scenarios
