// logprobs_full (docs/scenarios.md (usage).47): every logprob oddity in one reply. A non-ASCII
// character is split across two tokens whose `bytes` must be joined (the token text is then the
// API's "bytes:\xNN" spelling), the chosen token of one entry sits outside the top 20
// (logprob -9999.0), some entries list fewer alternatives than requested, the last has bytes null.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>

#include "scenarios/usage_hooks.h"
#include "synthesis/logprob_generator.h"
#include "synthesis/text_generator.h"
#include "synthesis/token_splitter.h"

namespace chatmock::scenarios {

namespace {
using nlohmann::json;

constexpr double kOutsideTop20 = -9999.0;  // API ref, ChatCompletionTokenLogprob.logprob

struct RawToken {
  std::string bytes;
  bool partial = false;  ///< not valid UTF-8 on its own
};

/// Token pieces, with each multi-byte character cut after its second byte (first for 2-byte).
std::vector<RawToken> raw_tokens(const std::string& content) {
  std::vector<RawToken> tokens;
  for (auto& piece : synthesis::split_tokens(content)) {
    std::size_t lead = 0;
    while (lead < piece.size() && static_cast<unsigned char>(piece[lead]) < 0x80) ++lead;
    if (lead == piece.size()) {
      tokens.push_back({std::move(piece), false});
      continue;
    }
    const std::size_t cut = lead + (static_cast<unsigned char>(piece[lead]) >= 0xE0 ? 2 : 1);
    tokens.push_back({piece.substr(0, cut), true});
    tokens.push_back({piece.substr(cut), true});
  }
  return tokens;
}

std::string bytes_spelling(const std::string& bytes) {
  std::string out = "bytes:";
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte < 0x7F) {
      out += c;
    } else {
      std::array<char, 5> escaped{};
      std::snprintf(escaped.data(), escaped.size(), "\\x%02x", byte);
      out += escaped.data();
    }
  }
  return out;
}

double draw_logprob(synthesis::Rng& rng, double ceiling) {
  const double u = rng.unit();
  return std::round((ceiling - u * u * u * 4.0) * 1e6) / 1e6;
}

struct FullLogprobs {
  std::vector<api::TokenLogprob> entries;
  std::vector<std::size_t> byte_lengths;  ///< of each entry, also when `bytes` is null
};

FullLogprobs full_logprobs(const std::string& content, std::int64_t requested, synthesis::Rng rng) {
  const auto tokens = raw_tokens(content);
  std::size_t sentinel = tokens.size();
  for (std::size_t i = tokens.size() / 2; i + 1 < tokens.size(); ++i) {
    if (!tokens[i].partial) {
      sentinel = i;
      break;
    }
  }
  FullLogprobs out;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const auto& raw = tokens[i];
    api::TokenLogprob entry;
    entry.token = raw.partial ? bytes_spelling(raw.bytes) : raw.bytes;
    entry.bytes = synthesis::utf8_bytes(raw.bytes);
    entry.logprob = i == sentinel ? kOutsideTop20 : draw_logprob(rng, 0.0);
    std::int64_t alternatives = raw.partial ? std::min<std::int64_t>(1, requested) : requested;
    if (i % 4 == 3) alternatives = std::max<std::int64_t>(0, requested - 1);
    double previous = i == sentinel ? -0.2 : entry.logprob;
    for (std::int64_t k = 0; k < alternatives; ++k) {
      api::TopLogprob top;
      if (k == 0 && i != sentinel) {
        top.token = entry.token;
        top.logprob = entry.logprob;
      } else {
        top.token = (raw.bytes.starts_with(' ') ? " " : "") + synthesis::generate_word(rng);
        previous = draw_logprob(rng, previous - 0.3);
        top.logprob = previous;
      }
      top.bytes = synthesis::utf8_bytes(k == 0 && i != sentinel ? raw.bytes : top.token);
      entry.top_logprobs.push_back(std::move(top));
    }
    if (i + 1 == tokens.size()) entry.bytes.set_null();
    out.entries.push_back(std::move(entry));
    out.byte_lengths.push_back(raw.bytes.size());
  }
  return out;
}

std::int64_t requested_alternatives(const ScenarioContext& ctx) {
  // A client that did not ask for top_logprobs still sees "fewer than requested" against 3.
  const auto asked = ctx.request.top_logprobs.value_or(0);
  return std::clamp<std::int64_t>(asked > 0 ? asked : 3, 1, 20);
}

synthesis::Rng rng_for_choice(const ScenarioContext& ctx, std::int64_t index) {
  return ctx.rng.fork("logprobs/" + std::to_string(index));
}

struct ContentPiece {
  json* choice;
  std::size_t length;
};
}  // namespace

void fill_full_logprobs(api::ChatCompletion& completion, ScenarioContext& ctx) {
  for (auto& choice : completion.choices) {
    if (!choice.message.content || choice.message.content->empty()) continue;
    auto full = full_logprobs(*choice.message.content, requested_alternatives(ctx),
                              rng_for_choice(ctx, choice.index));
    api::ChoiceLogprobs logprobs;
    logprobs.content = std::move(full.entries);
    choice.logprobs = logprobs;
  }
}

void stream_full_logprobs(std::vector<json>& chunks, ScenarioContext& ctx) {
  std::map<std::int64_t, std::string> content;
  std::map<std::int64_t, std::vector<ContentPiece>> pieces;
  for (auto& chunk : chunks) {
    for (auto& choice : chunk["choices"]) {
      const auto& delta = choice["delta"];
      if (!delta.contains("content") || !delta["content"].is_string()) continue;
      const auto& piece = delta["content"].get_ref<const std::string&>();
      if (piece.empty()) continue;
      const auto index = choice.value("index", std::int64_t{0});
      content[index] += piece;
      pieces[index].push_back({&choice, piece.size()});
    }
  }
  for (auto& [index, text] : content) {
    const auto full = full_logprobs(text, requested_alternatives(ctx), rng_for_choice(ctx, index));
    std::size_t next = 0;
    // The API sends a content delta only once a character is complete, so the chunk that
    // carries it lists every token that contributed bytes to it.
    for (const auto& piece : pieces[index]) {
      json entries = json::array();
      for (std::size_t covered = 0; covered < piece.length && next < full.entries.size(); ++next) {
        covered += full.byte_lengths[next];
        entries.push_back(json(full.entries[next]));
      }
      (*piece.choice)["logprobs"] = {{"content", entries}, {"refusal", nullptr}};
    }
  }
}

}  // namespace chatmock::scenarios
