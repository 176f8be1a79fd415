// What proxies and other providers put between Chat Completions events, and the shapes the
// official decoders treat differently (docs/openai-behaviour.md §2.2): each edit adds or reshapes
// frames but leaves every chunk's JSON as the planner made it, so a WHATWG decoder recovers the
// chunks.
#include "scenarios/sse_framing_frames.h"

#include <string>

#include "api/api_error.h"
#include "reply/error_reply.h"
#include "streaming/sse_encoder.h"

namespace chatmock::scenarios::sse_framing {
namespace {

using streaming::StreamFrame;

// U+1F30D EARTH GLOBE EUROPE-AFRICA: four bytes in UTF-8 and needs no variation selector.
constexpr std::string_view kGlobeEmoji = "\xF0\x9F\x8C\x8D";

bool is_chunk_event(const StreamFrame& frame) { return frame.event && !frame.is_done(); }

std::size_t count_events(const Frames& frames) {
  std::size_t count = 0;
  for (const auto& frame : frames) count += frame.event ? 1 : 0;
  return count;
}

// Inserts `between` after every event that another event follows.
void insert_between_events(Frames& frames, const StreamFrame& between) {
  Frames out;
  out.reserve(frames.size() * 2);
  std::size_t remaining = count_events(frames);
  for (auto& frame : frames) {
    const bool is_event = frame.event.has_value();
    out.push_back(std::move(frame));
    if (is_event && --remaining > 0) out.push_back(between);
  }
  frames = std::move(out);
}

bool append_to_first_string_member(std::string& arguments) {
  auto parsed = nlohmann::json::parse(arguments, nullptr, false);
  if (!parsed.is_object()) return false;
  for (auto& [key, value] : parsed.items()) {
    if (!value.is_string()) continue;
    value = value.get<std::string>() + " " + std::string(kGlobeEmoji);
    arguments = reply::dump_json(parsed);
    return true;
  }
  return false;
}

}  // namespace

void insert_keepalive_comments(Frames& frames) {
  insert_between_events(frames, StreamFrame::of_raw(streaming::encode_comment("")));
  frames.insert(frames.begin(),
                StreamFrame::of_raw(streaming::encode_comment("OPENROUTER PROCESSING")));
}

void add_id_retry_and_pings(Frames& frames) {
  std::size_t next_id = 1;
  for (auto& frame : frames) {
    if (frame.event) frame.event->id = std::to_string(next_id++);
  }
  insert_between_events(frames, StreamFrame::of_raw(streaming::encode_comment("ping")));
  frames.insert(frames.begin(), StreamFrame::of_raw("retry: 3000\n\n"));
}

void spread_data_over_two_lines(Frames& frames) {
  for (auto& frame : frames) {
    if (!is_chunk_event(frame)) continue;
    const auto parsed = nlohmann::json::parse(frame.event->data, nullptr, false);
    if (!parsed.is_object() || parsed.size() < 2) continue;
    // JSON allows a newline between members, and decoders join data lines with "\n", so the
    // joined text parses to the same object (docs/scenarios.md).
    std::string data = "{";
    bool first = true;
    for (const auto& [key, value] : parsed.items()) {
      if (!first) data += data.find('\n') == std::string::npos ? ",\n" : ",";
      first = false;
      data += reply::dump_json(key) + ":" + reply::dump_json(value);
    }
    frame.event->data = data + "}";
  }
}

void insert_empty_data_events(Frames& frames) {
  const std::size_t events = count_events(frames);
  const std::size_t middle = events / 2;
  Frames out;
  out.reserve(frames.size() + 2);
  std::size_t seen = 0;
  for (auto& frame : frames) {
    if (frame.event) {
      if (seen == 0 || (seen == middle && middle > 0)) out.push_back(StreamFrame::of_event({""}));
      ++seen;
    }
    out.push_back(std::move(frame));
  }
  frames = std::move(out);
}

void end_with_named_error(Frames& frames, bool wrapped) {
  std::size_t chunks = 0;
  for (const auto& frame : frames) chunks += is_chunk_event(frame) ? 1 : 0;
  const std::size_t keep = std::max<std::size_t>(1, chunks / 2);
  Frames out;
  std::size_t kept = 0;
  for (auto& frame : frames) {
    if (kept == keep) break;
    if (frame.is_done()) break;
    kept += is_chunk_event(frame) ? 1 : 0;
    out.push_back(std::move(frame));
  }
  const auto body = api::server_error().body();
  streaming::SseEvent error{reply::dump_json(wrapped ? body : body["error"])};
  error.event = "error";
  out.push_back(StreamFrame::of_event(std::move(error)));
  frames = std::move(out);
}

void apply_done_variant(Frames& frames, std::string_view variant) {
  for (auto it = frames.begin(); it != frames.end(); ++it) {
    if (!it->is_done()) continue;
    if (variant == "trailing_space") {
      it->event->data += ' ';
    } else if (variant == "no_space") {
      *it = StreamFrame::of_raw("data:" + std::string(streaming::kDoneSentinel) + "\n\n");
    } else {
      frames.erase(it);
    }
    return;
  }
}

void drop_done(Frames& frames) {
  std::erase_if(frames, [](const StreamFrame& frame) { return frame.is_done(); });
}

void add_multibyte_character(api::ChatCompletion& completion) {
  const std::string suffix = " " + std::string(kGlobeEmoji);
  for (auto& choice : completion.choices) {
    auto& message = choice.message;
    if (message.content) {
      *message.content += suffix;
    } else if (message.refusal) {
      *message.refusal += suffix;
    } else if (message.tool_calls) {
      for (auto& call : *message.tool_calls) {
        if (call.function) append_to_first_string_member(call.function->arguments);
      }
    }
  }
}

}  // namespace chatmock::scenarios::sse_framing
