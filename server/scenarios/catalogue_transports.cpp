// The "transport" group: pacing, stalls, cuts and streams that end badly (docs/openai-behaviour.md
// §2.1, §5 G #61, #62, #70). Defaults stay short (slow ≤ 2 s, stalls ≤ 5 s) so suites that use them
// stay fast; X-Chatmock-Latency and X-Chatmock-Disconnect-After stretch or move them.
#include <algorithm>

#include "api/api_error.h"
#include "reply/error_reply.h"
#include "scenarios/scenario_catalogue.h"
#include "scenarios/transport_edits.h"
#include "scenarios/transport_knobs.h"

namespace chatmock::scenarios {

namespace {
using std::chrono::milliseconds;

constexpr Latency kSlowDefaults{milliseconds(400), milliseconds(40), 0};
constexpr milliseconds kSlowBudget{2000};
constexpr milliseconds kLongSilence{3000};
// One keep-alive per second: with ttft capped at 10 min, at most 600 comment writes.
constexpr milliseconds kKeepaliveEvery{1000};
constexpr std::int64_t kMaxPacedTokens = 1'000'000;

std::int64_t completion_tokens(const wire::WireReply& reply) {
  const auto body = nlohmann::json::parse(reply.body(), nullptr, false);
  if (!body.is_object() || !body.contains("usage") || !body["usage"].is_object()) return 0;
  // A Response (POST /v1/responses) counts its generated tokens as output_tokens.
  const auto& usage = body["usage"];
  const auto& tokens = usage.contains("completion_tokens")
                           ? usage["completion_tokens"]
                           : usage.value("output_tokens", nlohmann::json());
  return tokens.is_number_integer() ? tokens.get<std::int64_t>() : 0;
}

void make_slow(wire::WireReply& reply, ScenarioContext& ctx) {
  const auto requested = requested_latency(ctx.directives, kSlowDefaults);
  Latency latency = requested.value_or(kSlowDefaults);
  if (!reply.chunked) {
    // A JSON reply arrives when generation is done: every token's time comes before byte one.
    // Tokens come from the body (a stub's may claim anything): capped so the product stays a
    // sane wait, never a signed overflow.
    const auto tokens = std::clamp<std::int64_t>(completion_tokens(reply), 0, kMaxPacedTokens);
    auto total = std::min(latency.ttft + latency.itl * tokens, reply::kMaxTtft);
    if (!requested) total = std::min(total, kSlowBudget);
    stall_before(reply, 0, total);
    return;
  }
  if (!requested && reply.writes.size() > 1) {
    const auto per_write =
        (kSlowBudget - latency.ttft) / static_cast<std::int64_t>(reply.writes.size() - 1);
    latency.itl = std::min(latency.itl, per_write);
  }
  // apply_latency replaces delays; keep what earlier scenarios or --latency put there.
  std::vector<milliseconds> earlier;
  for (auto& write : reply.writes) earlier.push_back(std::exchange(write.delay, milliseconds(0)));
  apply_latency(reply, latency, ctx.rng);
  for (std::size_t i = 0; i < reply.writes.size(); ++i) reply.writes[i].delay += earlier[i];
}

void disconnect_midway(wire::WireReply& reply, ScenarioContext& ctx) {
  const std::size_t total = body_size(reply);
  auto after = static_cast<std::size_t>(
      ctx.directives.disconnect_after.value_or(static_cast<std::int64_t>(total / 2)));
  if (total > 0) after = std::min(after, total - 1);
  cut_after(reply, after);
}

std::optional<milliseconds> keepalive_for(const wire::WireReply& reply,
                                          const ScenarioContext& ctx) {
  if (!reply.chunked || !ctx.directives.has_variant("keepalive")) return std::nullopt;
  return kKeepaliveEvery;
}

void stall_mid_body(wire::WireReply& reply, ScenarioContext& ctx) {
  const auto silence = requested_latency(ctx.directives, {milliseconds(0), kLongSilence, 0})
                           .value_or(Latency{milliseconds(0), kLongSilence, 0})
                           .itl;
  const auto keepalive = keepalive_for(reply, ctx);
  const std::size_t index =
      reply.chunked ? std::max<std::size_t>(1, reply.writes.size() / 2) : split_in_half(reply);
  stall_before(reply, index, silence, keepalive);
}

streaming::StreamFrame server_error_event() {
  return streaming::StreamFrame::of_event({api::server_error().body().dump()});
}

/// Keeps the first `keep` frames, then a mid-stream error event and no [DONE].
void end_with_error(std::vector<streaming::StreamFrame>& frames, std::size_t keep) {
  frames.resize(std::min(keep, frames.size()));
  frames.push_back(server_error_event());
}

std::optional<wire::WireReply> server_error_for_json(ScenarioContext& ctx) {
  // A non-stream request has no "after the 200": the same error arrives as a 500 instead.
  if (ctx.stream) return std::nullopt;
  return reply::error_reply(api::server_error());
}

void cut_mid_chunk(std::vector<streaming::StreamFrame>& frames, ScenarioContext& ctx) {
  const std::size_t end = content_end(frames);
  if (ctx.directives.has_variant("after_chunk")) {
    frames.resize(end);
    return;
  }
  const std::size_t broken = end / 2;
  if (broken >= frames.size() || !frames[broken].event) {
    frames.resize(std::min(end, frames.size()));
    return;
  }
  const std::string& data = frames[broken].event->data;
  std::string partial = "data: " + data.substr(0, data.size() / 2);
  frames.resize(broken);
  frames.push_back(streaming::StreamFrame::of_raw(std::move(partial)));
}

void add_pacing(ScenarioCatalogue& catalogue) {
  catalogue.add({.name = "slow",
                 .description =
                     "Paced reply: stream waits ttft then itl per chunk, JSON waits before "
                     "its first byte (default 400/40 ms, ≤ 2 s); X-Chatmock-Latency: "
                     "ttft=MS,itl=MS tunes.",
                 .group = "transport",
                 .edit_wire = make_slow,
                 .paces_itself = true});
  catalogue.add({.name = "slow_first_byte",
                 .description = "Headers, then silence before the first body byte (default 3 s; "
                                "X-Chatmock-Latency ttft=MS); X-Chatmock-Variant: keepalive sends "
                                "SSE comments each second.",
                 .group = "transport",
                 .edit_wire =
                     [](wire::WireReply& reply, ScenarioContext& ctx) {
                       const Latency defaults{kLongSilence, milliseconds(0), 0};
                       const auto silence =
                           requested_latency(ctx.directives, defaults).value_or(defaults).ttft;
                       stall_before(reply, 0, silence, keepalive_for(reply, ctx));
                     },
                 .paces_itself = true});
  catalogue.add({.name = "stall_between_chunks",
                 .description = "One silence mid-body, between two stream chunks or two halves of "
                                "the JSON (default 3 s; X-Chatmock-Latency itl=MS); variant "
                                "keepalive as slow_first_byte.",
                 .group = "transport",
                 .edit_wire = stall_mid_body,
                 .paces_itself = true});
}

void add_endings(ScenarioCatalogue& catalogue) {
  catalogue.add({.name = "disconnect",
                 .description = "The socket closes mid-body after about half the bytes "
                                "(X-Chatmock-Disconnect-After: N); JSON still declares its full "
                                "Content-Length.",
                 .group = "transport",
                 .edit_wire = disconnect_midway});
  catalogue.add({.name = "stream_error",
                 .description =
                     "Half the content chunks, then data: {\"error\":{…server_error…}} and "
                     "a clean end without [DONE]; JSON gets the same error as a 500.",
                 .group = "transport",
                 .edit_frames =
                     [](std::vector<streaming::StreamFrame>& frames, ScenarioContext&) {
                       const std::size_t end = content_end(frames);
                       end_with_error(frames, std::max(std::min<std::size_t>(2, end), end / 2));
                     },
                 .replace_reply = server_error_for_json});
  catalogue.add(
      {.name = "error_midstream_after_content",
       .description = "Every content chunk, no finish, then data: {\"error\":{…"
                      "server_error…}} and no [DONE]; JSON gets the same error as a 500.",
       .group = "transport",
       .edit_frames = [](std::vector<streaming::StreamFrame>& frames,
                         ScenarioContext&) { end_with_error(frames, content_end(frames)); },
       .replace_reply = server_error_for_json});
  catalogue.add({.name = "truncated_stream",
                 .description = "Every chunk including finish and usage, then a clean end without "
                                "data: [DONE] (stream only)",
                 .group = "transport",
                 .edit_frames = [](std::vector<streaming::StreamFrame>& frames, ScenarioContext&) {
                   drop_done(frames);
                 }});
  catalogue.add({.name = "stream_cut_no_done",
                 .description = "The connection drops inside a chunk's JSON midway through the "
                                "content; X-Chatmock-Variant: after_chunk drops it after a whole "
                                "chunk (stream only)",
                 .group = "transport",
                 .edit_frames = cut_mid_chunk,
                 .edit_wire = [](wire::WireReply& reply, ScenarioContext& ctx) {
                   if (ctx.stream && reply.chunked) reply.ending = wire::WireEnding::cut;
                 }});
}
}  // namespace

void register_transport_scenarios(ScenarioCatalogue& catalogue) {
  add_pacing(catalogue);
  add_endings(catalogue);
}

}  // namespace chatmock::scenarios
