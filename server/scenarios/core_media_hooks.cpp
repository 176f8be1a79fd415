// Audio output and hostile Unicode (declared in core_content_hooks.h). The audio is a playable
// 24 kHz PCM16 WAV built with integer arithmetic only, so a seed gives the same bytes on any libm.
// Streamed audio arrives as the SDKs accumulate it (node ChatCompletionStream.ts:1900-1947): id
// and transcript pieces, base64 data slices, then an expires_at-only delta (docs/scenarios.md
// (message_shapes).6).
#include <algorithm>
#include <array>
#include <string_view>

#include "scenarios/core_content_hooks.h"
#include "scenarios/core_reply_edits.h"
#include "scenarios/json_shape.h"
#include "synthesis/id_generator.h"
#include "synthesis/text_generator.h"
#include "synthesis/token_splitter.h"
#include "text/base64.h"

namespace chatmock::scenarios {

namespace {
using nlohmann::json;

constexpr std::uint32_t kSampleRate = 24000;
constexpr std::uint32_t kSamplesPerWord = 2400;  // 0.1 s of speech per word
constexpr std::size_t kDataSliceChars = 4096;    // base64 characters per streamed delta
constexpr std::int64_t kAudioLifetimeSeconds = 3600;

void put_le(std::string& out, std::uint32_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out += static_cast<char>((value >> (8 * i)) & 0xFFU);
}

/// A WAV (or raw PCM16 when the request asked for "pcm16") of one triangle-wave tone per word.
std::string speech_bytes(std::size_t words, bool raw_pcm, synthesis::Rng& rng) {
  const auto samples = static_cast<std::uint32_t>(words) * kSamplesPerWord;
  std::string out;
  if (!raw_pcm) {
    out += "RIFF";
    put_le(out, 36 + samples * 2, 4);
    out += "WAVEfmt ";
    put_le(out, 16, 4);
    put_le(out, 1, 2);  // PCM
    put_le(out, 1, 2);  // mono
    put_le(out, kSampleRate, 4);
    put_le(out, kSampleRate * 2, 4);
    put_le(out, 2, 2);
    put_le(out, 16, 2);
    out += "data";
    put_le(out, samples * 2, 4);
  }
  std::int64_t period = 0;
  for (std::uint32_t i = 0; i < samples; ++i) {
    if (i % kSamplesPerWord == 0) period = rng.between(40, 120);  // 200-600 Hz
    const std::int64_t phase = i % period;
    const std::int64_t wave =
        (phase < period / 2 ? phase : period - phase) * 16000 / (period / 2) - 8000;
    put_le(out, static_cast<std::uint32_t>(static_cast<std::uint16_t>(wave)), 2);
  }
  return out;
}

bool asks_for_raw_pcm(const api::ChatCompletionRequest& request) {
  const auto audio = request.extra.find("audio");
  return audio != request.extra.end() && audio->is_object() &&
         audio->value("format", "") == "pcm16";
}

json audio_delta_chunk(const json& model_chunk, std::int64_t choice_index, json audio) {
  json chunk = model_chunk;
  chunk["choices"] = json::array({{{"index", choice_index},
                                   {"delta", {{"audio", std::move(audio)}}},
                                   {"logprobs", nullptr},
                                   {"finish_reason", nullptr}}});
  return chunk;
}

// Emoji (a ZWJ family, a flag, a skin tone, a variation selector), CJK incl. a 4-byte
// extension-B ideograph, right-to-left scripts, and decomposed accents (base + combining mark).
constexpr std::array<std::string_view, 6> kEmoji = {
    "🙂", "🚀", "👍🏽", "👨‍👩‍👧", "🇫🇷", "🌧️"};
constexpr std::array<std::string_view, 5> kCjk = {"天气很好", "東京は晴れです", "서울 날씨", "𠜎𠜱",
                                                  "巴黎"};
constexpr std::array<std::string_view, 3> kRightToLeft = {"مرحبا بالعالم", "שלום עולם", "پاریس"};
constexpr std::array<std::string_view, 4> kCombining = {"Cafe\xCC\x81",
                                                        "man\xCC\x83"
                                                        "ana",
                                                        "na\xCC\x88ive",
                                                        "Z\xCD\x91\xCC\x90"
                                                        "a\xCD\x92"
                                                        "l\xCD\x93"
                                                        "g\xCD\x94"
                                                        "o"};

template <std::size_t N>
std::string_view pick_one(const std::array<std::string_view, N>& options, synthesis::Rng& rng) {
  return options[static_cast<std::size_t>(rng.between(0, static_cast<std::int64_t>(N) - 1))];
}

std::size_t utf8_length(unsigned char lead) {
  if (lead >= 0xF0U) return 4;
  if (lead >= 0xE0U) return 3;
  if (lead >= 0xC0U) return 2;
  return 1;
}
}  // namespace

void speak_answers(api::ChatCompletion& completion, ScenarioContext& ctx) {
  const bool raw_pcm = asks_for_raw_pcm(ctx.request);
  std::int64_t text_tokens = 0;
  std::int64_t audio_tokens = 0;
  for (auto& choice : completion.choices) {
    const std::string transcript = choice.message.content.value_or("");
    const auto words = std::max<std::size_t>(1, synthesis::count_tokens(transcript));
    api::ChatCompletionAudio audio;
    audio.id = synthesis::random_token(ctx.rng, "audio_", 32);
    audio.expires_at = completion.created + kAudioLifetimeSeconds;
    audio.data = text::encode_base64(speech_bytes(words, raw_pcm, ctx.rng));
    audio.transcript = transcript;
    choice.message.audio = audio;
    choice.message.content.set_null();
    choice.logprobs.set_null();
    text_tokens += static_cast<std::int64_t>(synthesis::count_tokens(transcript));
    audio_tokens += static_cast<std::int64_t>(words) * 10;
  }
  if (completion.usage.has_value()) {
    // Audio replies bill audio tokens next to the transcript's text tokens.
    api::CompletionTokensDetails details;
    details.audio_tokens = audio_tokens;
    details.text_tokens = text_tokens;
    details.reasoning_tokens = 0;
    completion.usage->completion_tokens_details = details;
    completion.usage->completion_tokens = audio_tokens + text_tokens;
    completion.usage->total_tokens = completion.usage->prompt_tokens + audio_tokens + text_tokens;
  }
}

namespace {
/// The streamed audio of a chunk's only choice, when it carries data to slice; composed
/// scenarios (fuzz, minimal) may have reshaped the chunk, which is then passed on as it is.
const json* audio_to_fragment(json& chunk) {
  auto* choices = array_member(chunk, "choices");
  if (choices == nullptr || choices->size() != 1) return nullptr;
  auto* delta = object_member((*choices)[0], "delta");
  auto* audio = delta != nullptr ? object_member(*delta, "audio") : nullptr;
  const auto* data = audio != nullptr ? member(*audio, "data") : nullptr;
  return data != nullptr && data->is_string() ? audio : nullptr;
}
}  // namespace

void fragment_audio_deltas(std::vector<nlohmann::json>& chunks, ScenarioContext& /*ctx*/) {
  std::vector<json> out;
  out.reserve(chunks.size());
  for (auto& chunk : chunks) {
    const json* streamed_audio = audio_to_fragment(chunk);
    if (streamed_audio == nullptr) {
      out.push_back(std::move(chunk));
      continue;
    }
    const json audio = *streamed_audio;
    json& choice = chunk["choices"][0];
    const auto index = integer_member(choice, "index");
    const auto pieces = synthesis::split_tokens(string_member(audio, "transcript"));
    json first = {{"transcript", pieces.empty() ? "" : pieces.front()}};
    if (audio.contains("id")) first["id"] = audio.at("id");
    choice["delta"]["audio"] = std::move(first);
    const json model_chunk = chunk;
    out.push_back(std::move(chunk));
    for (std::size_t i = 1; i < pieces.size(); ++i) {
      out.push_back(audio_delta_chunk(model_chunk, index, {{"transcript", pieces[i]}}));
    }
    const auto& data = audio.at("data").get_ref<const std::string&>();
    for (std::size_t at = 0; at < data.size(); at += kDataSliceChars) {
      out.push_back(
          audio_delta_chunk(model_chunk, index, {{"data", data.substr(at, kDataSliceChars)}}));
    }
    if (audio.contains("expires_at")) {
      out.push_back(
          audio_delta_chunk(model_chunk, index, {{"expires_at", audio.at("expires_at")}}));
    }
  }
  chunks = std::move(out);
}

std::string hostile_unicode_text(synthesis::Rng& rng) {
  std::vector<std::string> parts = {
      std::string(pick_one(kEmoji, rng)), std::string(pick_one(kCjk, rng)),
      std::string(pick_one(kRightToLeft, rng)), std::string(pick_one(kCombining, rng))};
  const auto extra = rng.between(4, 8);
  for (std::int64_t i = 0; i < extra; ++i) {
    switch (rng.between(0, 4)) {
      case 0:
        parts.emplace_back(pick_one(kEmoji, rng));
        break;
      case 1:
        parts.emplace_back(pick_one(kCjk, rng));
        break;
      case 2:
        parts.emplace_back(pick_one(kRightToLeft, rng));
        break;
      case 3:
        parts.emplace_back(pick_one(kCombining, rng));
        break;
      default:
        parts.push_back(synthesis::generate_word(rng));
        break;
    }
    parts.push_back(synthesis::generate_word(rng));
  }
  for (std::size_t i = parts.size() - 1; i > 0; --i) {
    std::swap(parts[i],
              parts[static_cast<std::size_t>(rng.between(0, static_cast<std::int64_t>(i)))]);
  }
  std::string text = "Weather";
  for (const auto& part : parts) text += " " + part;
  return text + ".";
}

void split_writes_inside_characters(wire::WireReply& reply, ScenarioContext& ctx) {
  if (!reply.content_type.starts_with("text/event-stream")) return;
  std::vector<wire::WireWrite> out;
  for (auto& write : reply.writes) {
    std::vector<std::size_t> cuts;
    const auto& bytes = write.bytes;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
      const auto length = utf8_length(static_cast<unsigned char>(bytes[i]));
      // Cut every multi-byte character at a random inner byte: one TCP read ends mid-character.
      if (length > 1 && i + length <= bytes.size()) {
        cuts.push_back(i + static_cast<std::size_t>(
                               ctx.rng.between(1, static_cast<std::int64_t>(length) - 1)));
        i += length - 1;
      }
    }
    std::size_t from = 0;
    auto delay = write.delay;
    for (const auto cut : cuts) {
      out.push_back({bytes.substr(from, cut - from), delay});
      delay = std::chrono::milliseconds(0);
      from = cut;
    }
    out.push_back({bytes.substr(from), delay});
  }
  reply.writes = std::move(out);
}

}  // namespace chatmock::scenarios
