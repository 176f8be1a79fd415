// SSE framing scenarios (docs/scenarios.md (sse_framing), entries 48–60): the same chunks, framed
// the ways real servers, proxies and TCP deliver them. All are stream-only: a JSON reply is
// untouched. Event-level edits live in sse_framing_frames.h, byte-level ones in sse_framing_wire.h.
#include "scenarios/scenario_catalogue.h"
#include "scenarios/sse_framing_frames.h"
#include "scenarios/sse_framing_wire.h"

namespace chatmock::scenarios {

namespace {

namespace sf = sse_framing;

constexpr const char* kSseFramingsGroup = "sse_framing";

// A scenario whose only hook edits the writes of an SSE reply.
Scenario wire_scenario(std::string name, std::string description,
                       std::function<void(wire::WireReply&, ScenarioContext&)> edit) {
  return {.name = std::move(name),
          .description = std::move(description),
          .group = kSseFramingsGroup,
          .edit_wire = [edit = std::move(edit)](wire::WireReply& reply, ScenarioContext& ctx) {
            if (sf::is_sse_reply(reply, ctx)) edit(reply, ctx);
          }};
}

// A scenario whose only hook edits the frames (runs for streams only).
Scenario frames_scenario(std::string name, std::string description, bool breaks_spec,
                         std::function<void(sf::Frames&, ScenarioContext&)> edit) {
  return {.name = std::move(name),
          .description = std::move(description),
          .breaks_spec = breaks_spec,
          .group = kSseFramingsGroup,
          .edit_frames = std::move(edit)};
}

// Framing set at encode time covers events; the wire rewrite also reaches raw frames (comments,
// retry blocks) that other scenarios wrote with "\n", whichever side of `+` they are on.
Scenario line_ending_scenario(std::string name, std::string description, std::string ending) {
  Scenario scenario = wire_scenario(std::move(name), std::move(description),
                                    [ending](wire::WireReply& reply, ScenarioContext&) {
                                      sf::rewrite_line_endings(reply.writes, ending);
                                    });
  scenario.edit_framing = [ending](streaming::SseFraming& framing) {
    framing.line_ending = ending;
  };
  return scenario;
}

void register_write_splits(ScenarioCatalogue& catalogue) {
  catalogue.add(wire_scenario(
      "sse_split_every_byte", "Every byte of the SSE body is its own write (stream only)",
      [](wire::WireReply& reply, ScenarioContext&) { sf::split_every_byte(reply.writes); }));

  Scenario inside_crlf = wire_scenario(
      "sse_split_inside_crlf",
      "CRLF line endings with a write boundary between every \\r and its \\n (stream only)",
      [](wire::WireReply& reply, ScenarioContext&) { sf::split_inside_crlf(reply.writes); });
  // There is no \r\n to split in the default "\n" framing; an explicit sse_cr_only stays.
  inside_crlf.edit_framing = [](streaming::SseFraming& framing) {
    if (framing.line_ending == "\n") framing.line_ending = "\r\n";
  };
  catalogue.add(std::move(inside_crlf));

  Scenario inside_utf8 = wire_scenario(
      "sse_split_inside_utf8",
      "The answer gains a 4-byte emoji and every multi-byte UTF-8 character is cut across two "
      "writes (stream only)",
      [](wire::WireReply& reply, ScenarioContext& ctx) {
        sf::split_inside_utf8(reply.writes, ctx.rng);
      });
  inside_utf8.edit_completion = [](api::ChatCompletion& completion, ScenarioContext& ctx) {
    if (ctx.stream) sf::add_multibyte_character(completion);
  };
  catalogue.add(std::move(inside_utf8));

  catalogue.add(wire_scenario(
      "sse_multiple_events_one_write",
      "About three events per write, each write ending in the middle of the next event "
      "(stream only)",
      [](wire::WireReply& reply, ScenarioContext&) { sf::coalesce_writes(reply.writes, 3); }));
}

void register_line_shapes(ScenarioCatalogue& catalogue) {
  catalogue.add(line_ending_scenario(
      "sse_crlf", "Every SSE line ends in \\r\\n, so events end in \\r\\n\\r\\n (stream only)",
      "\r\n"));
  catalogue.add(line_ending_scenario(
      "sse_cr_only", "Every SSE line ends in a bare \\r, so events end in \\r\\r (stream only)",
      "\r"));
  catalogue.add(
      {.name = "sse_no_space_after_colon",
       .description = "Fields are written data:{...} with no space after the colon "
                      "(stream only)",
       .group = kSseFramingsGroup,
       .edit_framing = [](streaming::SseFraming& framing) { framing.space_after_colon = false; }});
  catalogue.add(frames_scenario(
      "sse_multiline_data",
      "Each chunk's JSON is spread over two data: lines that join with \\n into the same object "
      "(stream only)",
      false, [](sf::Frames& frames, ScenarioContext&) { sf::spread_data_over_two_lines(frames); }));
  catalogue.add(wire_scenario(
      "sse_bom_prefix", "A UTF-8 byte order mark precedes the first data: line (stream only)",
      [](wire::WireReply& reply, ScenarioContext&) { sf::prepend(reply.writes, "\xEF\xBB\xBF"); }));

  Scenario no_blank_line = wire_scenario(
      "sse_no_trailing_blank_line",
      "No [DONE], and the body ends right after the last chunk's data: line with no blank line; "
      "both SDKs drop that chunk (stream only)",
      [](wire::WireReply& reply, ScenarioContext&) { sf::drop_trailing_blank_line(reply.writes); });
  no_blank_line.edit_frames = [](sf::Frames& frames, ScenarioContext&) { sf::drop_done(frames); };
  catalogue.add(std::move(no_blank_line));
}

void register_extra_blocks(ScenarioCatalogue& catalogue) {
  catalogue.add(frames_scenario(
      "sse_comment_keepalive",
      "A ': OPENROUTER PROCESSING' comment before the first event and a bare ':' comment between "
      "events (stream only)",
      false, [](sf::Frames& frames, ScenarioContext&) { sf::insert_keepalive_comments(frames); }));
  catalogue.add(frames_scenario(
      "sse_id_and_retry_fields",
      "A 'retry: 3000' block first, 'id: N' on every event and ': ping' between events; the "
      "python SDK fails on the empty dispatch (stream only)",
      false, [](sf::Frames& frames, ScenarioContext&) { sf::add_id_retry_and_pings(frames); }));
  // The empty data is not a chunk, and both SDKs fail on JSON.parse("") (§5 #55).
  catalogue.add(frames_scenario(
      "sse_empty_data_line",
      "'data: ' keep-alive events with empty data before the first and the middle event "
      "(stream only)",
      true, [](sf::Frames& frames, ScenarioContext&) { sf::insert_empty_data_events(frames); }));
  catalogue.add(frames_scenario(
      "sse_event_error_named",
      "Half the chunks, then 'event: error' with the API's 500 error body and no [DONE]; "
      "X-Chatmock-Variant: unwrapped drops the {\"error\":...} wrapper (stream only)",
      false, [](sf::Frames& frames, ScenarioContext& ctx) {
        const auto variant = sf::pick_variant(ctx, {"wrapped", "unwrapped"}, 1);
        sf::end_with_named_error(frames, variant == "wrapped");
      }));
}

void register_terminations(ScenarioCatalogue& catalogue) {
  catalogue.add(frames_scenario(
      "sse_done_variants",
      "The sentinel as 'data: [DONE] ', 'data:[DONE]' or missing before a clean close, by seed or "
      "X-Chatmock-Variant: trailing_space|no_space|missing (stream only)",
      false, [](sf::Frames& frames, ScenarioContext& ctx) {
        sf::apply_done_variant(frames,
                               sf::pick_variant(ctx, {"trailing_space", "no_space", "missing"}, 3));
      }));
  catalogue.add(wire_scenario(
      "sse_wrong_content_type",
      "The stream is labelled application/json or text/plain, by seed or X-Chatmock-Variant: "
      "application_json|text_plain|json_body (a plain JSON body instead) (stream only)",
      [](wire::WireReply& reply, ScenarioContext& ctx) {
        const auto variant =
            sf::pick_variant(ctx, {"application_json", "text_plain", "json_body"}, 2);
        if (variant == "json_body" && sf::replace_with_json_body(reply)) return;
        reply.content_type =
            variant == "text_plain" ? "text/plain; charset=utf-8" : "application/json";
      }));
}

}  // namespace

void register_sse_framing_scenarios(ScenarioCatalogue& catalogue) {
  register_write_splits(catalogue);
  register_line_shapes(catalogue);
  register_extra_blocks(catalogue);
  register_terminations(catalogue);
}

}  // namespace chatmock::scenarios
