// Keep-alive comments follow OpenRouter's habit (": OPENROUTER PROCESSING") of filling long
// silences; SSE decoders ignore `:` lines (docs/openai-behaviour.md §2.2), read timeouts do not.
#include "scenarios/transport_edits.h"

#include <nlohmann/json.hpp>

#include "streaming/sse_encoder.h"

namespace chatmock::scenarios {

using std::chrono::milliseconds;

void stall_before(wire::WireReply& reply, std::size_t index, milliseconds silence,
                  std::optional<milliseconds> keepalive_every) {
  if (index >= reply.writes.size()) {
    index = reply.writes.size();
    reply.writes.push_back({"", milliseconds(0)});
  }
  std::vector<wire::WireWrite> keepalives;
  if (keepalive_every && keepalive_every->count() > 0) {
    while (silence > *keepalive_every) {
      keepalives.push_back({streaming::encode_comment("keepalive"), *keepalive_every});
      silence -= *keepalive_every;
    }
  }
  reply.writes[index].delay += silence;
  reply.writes.insert(reply.writes.begin() + static_cast<std::ptrdiff_t>(index), keepalives.begin(),
                      keepalives.end());
}

std::size_t body_size(const wire::WireReply& reply) {
  std::size_t total = 0;
  for (const auto& write : reply.writes) total += write.bytes.size();
  return total;
}

void cut_after(wire::WireReply& reply, std::size_t bytes) {
  const std::size_t total = body_size(reply);
  std::vector<wire::WireWrite> kept;
  std::size_t remaining = bytes;
  for (auto& write : reply.writes) {
    if (remaining == 0) break;
    const std::size_t take = std::min(remaining, write.bytes.size());
    kept.push_back({write.bytes.substr(0, take), write.delay});
    remaining -= take;
  }
  reply.writes = std::move(kept);
  reply.ending = wire::WireEnding::cut;
  if (!reply.chunked && !reply.declared_length) reply.declared_length = total;
}

std::size_t split_in_half(wire::WireReply& reply) {
  const std::string body = reply.body();
  const milliseconds first_delay =
      reply.writes.empty() ? milliseconds(0) : reply.writes.front().delay;
  const std::size_t middle = body.size() / 2;
  reply.writes = {{body.substr(0, middle), first_delay}, {body.substr(middle), milliseconds(0)}};
  return 1;
}

std::size_t content_end(const std::vector<streaming::StreamFrame>& frames) {
  for (std::size_t i = 0; i < frames.size(); ++i) {
    if (frames[i].is_done()) return i;
    if (!frames[i].event) continue;
    const auto chunk = nlohmann::json::parse(frames[i].event->data, nullptr, false);
    if (!chunk.is_object() || !chunk.contains("choices") || !chunk["choices"].is_array()) continue;
    if (chunk["choices"].empty() && chunk.contains("usage") && !chunk["usage"].is_null()) return i;
    for (const auto& choice : chunk["choices"]) {
      if (choice.is_object() && choice.contains("finish_reason") &&
          !choice["finish_reason"].is_null()) {
        return i;
      }
    }
  }
  return frames.size();
}

void drop_done(std::vector<streaming::StreamFrame>& frames) {
  std::erase_if(frames, [](const streaming::StreamFrame& frame) { return frame.is_done(); });
}

}  // namespace chatmock::scenarios
