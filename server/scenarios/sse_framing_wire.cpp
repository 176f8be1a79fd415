// TCP and proxies may cut an event anywhere, including inside `\r\n` or a UTF-8 character
// (docs/openai-behaviour.md §2.1, ruby-openai PR #338); these edits put the cuts there on purpose.
// Earlier wire scenarios may already have moved boundaries, so nothing assumes one event per write.
#include "scenarios/sse_framing_wire.h"

#include <algorithm>
#include <functional>
#include <string>

#include "api/chat_completion_chunk.h"
#include "reply/error_reply.h"
#include "streaming/chunk_assembler.h"
#include "streaming/sse_decoder.h"

namespace chatmock::scenarios::sse_framing {
namespace {

// Splits each write before the positions `cuts` returns for it (ascending, inside the write).
void split_writes(Writes& writes,
                  const std::function<std::vector<std::size_t>(const std::string&)>& cuts) {
  Writes out;
  out.reserve(writes.size());
  for (auto& write : writes) {
    std::size_t start = 0;
    auto delay = write.delay;
    for (std::size_t cut : cuts(write.bytes)) {
      if (cut <= start || cut >= write.bytes.size()) continue;
      out.push_back({write.bytes.substr(start, cut - start), delay});
      delay = std::chrono::milliseconds(0);
      start = cut;
    }
    out.push_back({write.bytes.substr(start), delay});
  }
  writes = std::move(out);
}

// An emptied write has nothing to send; its wait moves to the next write so pacing survives.
void drop_empty_writes(Writes& writes) {
  Writes out;
  std::chrono::milliseconds carried{0};
  for (auto& write : writes) {
    if (write.bytes.empty()) {
      carried += write.delay;
      continue;
    }
    write.delay += carried;
    carried = std::chrono::milliseconds(0);
    out.push_back(std::move(write));
  }
  writes = std::move(out);
}

std::size_t utf8_sequence_length(unsigned char lead) {
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  if (lead >= 0xE0) return lead <= 0xEF ? 3 : 0;
  if (lead >= 0xC2) return 2;
  return 0;
}

}  // namespace

bool is_sse_reply(const wire::WireReply& reply, const ScenarioContext& ctx) {
  return ctx.stream && reply.chunked;
}

void split_every_byte(Writes& writes) {
  split_writes(writes, [](const std::string& bytes) {
    std::vector<std::size_t> cuts(bytes.size() > 0 ? bytes.size() - 1 : 0);
    for (std::size_t i = 0; i < cuts.size(); ++i) cuts[i] = i + 1;
    return cuts;
  });
}

void split_inside_crlf(Writes& writes) {
  split_writes(writes, [](const std::string& bytes) {
    std::vector<std::size_t> cuts;
    for (std::size_t i = 0; i + 1 < bytes.size(); ++i) {
      if (bytes[i] == '\r' && bytes[i + 1] == '\n') cuts.push_back(i + 1);
    }
    return cuts;
  });
}

void split_inside_utf8(Writes& writes, synthesis::Rng& rng) {
  split_writes(writes, [&rng](const std::string& bytes) {
    std::vector<std::size_t> cuts;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
      const std::size_t length = utf8_sequence_length(static_cast<unsigned char>(bytes[i]));
      if (length == 0 || i + length > bytes.size()) continue;
      cuts.push_back(
          i + static_cast<std::size_t>(rng.between(1, static_cast<std::int64_t>(length) - 1)));
      i += length - 1;
    }
    return cuts;
  });
}

void rewrite_line_endings(Writes& writes, std::string_view ending) {
  // A '\r' is written as ending's first byte at once; whether a '\n' pairs with it is only known
  // at the next byte, maybe in the next write, so the rest of `ending` goes where that '\n' was.
  // This keeps a boundary between '\r' and '\n' where sse_split_inside_crlf put it.
  const std::string_view after_cr = ending.substr(1);
  bool pending_cr = false;
  for (auto& write : writes) {
    std::string out;
    out.reserve(write.bytes.size() + 8);
    for (const char c : write.bytes) {
      if (pending_cr) {
        pending_cr = false;
        out += after_cr;
        if (c == '\n') continue;
      }
      if (c == '\r') {
        out += ending.front();
        pending_cr = true;
      } else if (c == '\n') {
        out += ending;
      } else {
        out += c;
      }
    }
    write.bytes = std::move(out);
  }
  if (pending_cr && !writes.empty()) writes.back().bytes += after_cr;
  drop_empty_writes(writes);
}

void drop_trailing_blank_line(Writes& writes) {
  std::string tail;
  for (auto it = writes.rbegin(); it != writes.rend() && tail.size() < 2; ++it)
    tail.insert(0, it->bytes);
  std::size_t excess = 0;
  if (tail.ends_with("\r\n")) {
    excess = 2;
  } else if (tail.ends_with('\n') || tail.ends_with('\r')) {
    excess = 1;
  }
  while (excess > 0 && !writes.empty()) {
    auto& bytes = writes.back().bytes;
    const std::size_t taken = std::min(excess, bytes.size());
    bytes.resize(bytes.size() - taken);
    excess -= taken;
    if (bytes.empty()) writes.pop_back();
  }
}

void coalesce_writes(Writes& writes, std::size_t per_write) {
  if (writes.size() <= 1 || per_write == 0) return;
  std::string body;
  std::vector<std::size_t> starts;
  for (const auto& write : writes) {
    starts.push_back(body.size());
    body += write.bytes;
  }
  Writes out;
  std::size_t from = 0;
  auto delay = writes.front().delay;
  for (std::size_t k = per_write; k < writes.size(); k += per_write) {
    const std::size_t cut = starts[k] + writes[k].bytes.size() / 2;
    if (cut <= from) continue;
    out.push_back({body.substr(from, cut - from), delay});
    delay = writes[k].delay;
    from = cut;
  }
  out.push_back({body.substr(from), delay});
  writes = std::move(out);
  drop_empty_writes(writes);
}

void prepend(Writes& writes, std::string_view bytes) {
  if (writes.empty()) writes.push_back({});
  writes.front().bytes.insert(0, bytes);
}

bool replace_with_json_body(wire::WireReply& reply) {
  std::vector<api::ChatCompletionChunk> chunks;
  try {
    for (const auto& event : streaming::decode_sse(reply.body())) {
      if (event.data == streaming::kDoneSentinel) continue;
      chunks.push_back(nlohmann::json::parse(event.data).get<api::ChatCompletionChunk>());
    }
    if (chunks.empty()) return false;
    const nlohmann::json completion = streaming::assemble_chunks(chunks);
    const auto delay =
        reply.writes.empty() ? std::chrono::milliseconds(0) : reply.writes.front().delay;
    reply.writes = {{reply::dump_json(completion), delay}};
  } catch (const std::exception&) {
    // Chunks another scenario broke on purpose have no completion to show; keep the stream.
    return false;
  }
  reply.content_type = "application/json";
  reply.chunked = false;
  return true;
}

std::string_view pick_variant(ScenarioContext& ctx, const std::vector<std::string_view>& variants,
                              std::size_t random_pool) {
  if (const auto chosen = ctx.directives.first_variant_of(variants); !chosen.empty()) return chosen;
  const auto last = static_cast<std::int64_t>(std::min(random_pool, variants.size())) - 1;
  return variants[static_cast<std::size_t>(ctx.rng.between(0, last))];
}

}  // namespace chatmock::scenarios::sse_framing
