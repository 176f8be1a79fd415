// Citations, audio and non-function tool calls: the message shapes whose stream form is not what
// the chunk planner derives by itself (annotations and audio pieces are not in the delta schema,
// custom/unknown call types are not in the chunk schema), so each gets a matching chunk edit.
#include "scenarios/message_shape_hooks.h"

#include <algorithm>
#include <map>
#include <string_view>

#include "scenarios/json_shape.h"
#include "synthesis/id_generator.h"
#include "synthesis/text_generator.h"
#include "synthesis/token_splitter.h"
#include "text/base64.h"

namespace chatmock::scenarios {

namespace {
using nlohmann::json;

struct CitationSource {
  const char* text;
  const char* cited;  ///< the span the annotation covers; must occur in `text`
  const char* url;
  const char* title;
};

// The non-ASCII text puts an emoji with a variation selector before the span and another
// inside it, so UTF-16, code-point and byte offsets all disagree (docs/scenarios.md
// (message_shapes).5).
constexpr CitationSource kAsciiSource{
    "Paris is mild today. According to Meteo-France, the afternoon will reach 22 degrees under "
    "a mostly sunny sky, with a light westerly breeze. Showers are possible after 9 pm, so keep "
    "an umbrella nearby if you head out late.",
    "the afternoon will reach 22 degrees under a mostly sunny sky",
    "https://meteofrance.com/previsions-meteo-france/paris/75000",
    "Paris weather forecast - Meteo-France"};
// clang-format 14 measures these multi-byte lines differently on each pass.
// clang-format off
constexpr CitationSource kNonAsciiSource{
    "Paris 🌤️ aujourd’hui : d’après Météo‑France, l’après‑midi atteindra 22 °C sous un ciel "
    "😎 "
    "plutôt ensoleillé, avec une légère brise d’ouest. Averses possibles après 21 h — prenez un "
    "parapluie ☂️ si vous sortez tard.",
    "l’après‑midi atteindra 22 °C sous un ciel 😎 plutôt ensoleillé",
    "https://meteofrance.com/previsions-meteo-france/paris/75000",
    "Prévisions météo Paris – Météo‑France"};
// clang-format on

std::int64_t utf8_code_points(std::string_view text) {
  return std::count_if(text.begin(), text.end(),
                       [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; });
}

std::vector<api::Annotation> citations_for(const std::string& content, bool non_ascii) {
  const CitationSource& source = non_ascii ? kNonAsciiSource : kAsciiSource;
  api::Annotation annotation;
  annotation.url_citation.url = source.url;
  annotation.url_citation.title = source.title;
  // API ref, url_citation: start_index/end_index locate the cited span in the content; counted
  // here in code points (Python str indexing), the unit the official SDKs' users index with.
  const auto at = content.find(source.cited);
  if (at == std::string::npos) {
    annotation.url_citation.end_index = utf8_code_points(content);
  } else {
    annotation.url_citation.start_index = utf8_code_points(std::string_view(content).substr(0, at));
    annotation.url_citation.end_index =
        annotation.url_citation.start_index + utf8_code_points(source.cited);
  }
  return {annotation};
}

void put_le_bytes(std::string& out, std::uint32_t value, int bytes) {
  for (int i = 0; i < bytes; ++i)
    out += static_cast<char>((value >> (8U * static_cast<unsigned>(i))) & 0xFFU);
}

/// A WAV file (PCM16, 24 kHz mono: the API's wav output) of `pcm_bytes` bytes of soft noise.
std::string wav_file(std::size_t pcm_bytes, synthesis::Rng& rng) {
  pcm_bytes -= pcm_bytes % 2;
  std::string out = "RIFF";
  put_le_bytes(out, static_cast<std::uint32_t>(36 + pcm_bytes), 4);
  out += "WAVEfmt ";
  put_le_bytes(out, 16, 4);
  put_le_bytes(out, 1, 2);
  put_le_bytes(out, 1, 2);
  put_le_bytes(out, 24000, 4);
  put_le_bytes(out, 48000, 4);
  put_le_bytes(out, 2, 2);
  put_le_bytes(out, 16, 2);
  out += "data";
  put_le_bytes(out, static_cast<std::uint32_t>(pcm_bytes), 4);
  for (std::size_t i = 0; i < pcm_bytes; i += 2) {
    put_le_bytes(out, static_cast<std::uint32_t>(rng.between(-600, 600)) & 0xFFFFU, 2);
  }
  return out;
}

constexpr std::int64_t kDefaultAudioBytes = 48000;  // one second of speech
constexpr std::int64_t kMaxAudioBytes = 8 << 20;
constexpr std::size_t kAudioDataSlice = 8192;  // base64 characters per data delta
constexpr const char* kCustomInput =
    "SELECT city, temperature_c FROM weather WHERE city = 'Paris' ORDER BY observed_at DESC LIMIT "
    "1;";

json piece_chunk(const json& envelope, const json& choice, json audio, ScenarioContext& ctx) {
  json chunk = envelope;
  json piece = choice;
  piece["delta"] = {{"audio", std::move(audio)}};
  chunk["choices"] = json::array({piece});
  refresh_obfuscation(chunk, ctx);
  return chunk;
}
}  // namespace

void refresh_obfuscation(json& chunk, ScenarioContext& ctx) {
  if (!chunk.contains("obfuscation")) return;
  chunk["obfuscation"] =
      synthesis::random_token(ctx.rng, "", static_cast<std::size_t>(ctx.rng.between(1, 15)));
}

std::string citation_text(bool non_ascii) {
  return non_ascii ? kNonAsciiSource.text : kAsciiSource.text;
}

void add_url_citations(api::ChatCompletion& completion, bool non_ascii) {
  for (auto& choice : completion.choices) {
    if (choice.message.content)
      choice.message.annotations = citations_for(*choice.message.content, non_ascii);
  }
}

void add_url_citations_to_chunks(std::vector<json>& chunks, bool non_ascii) {
  std::map<std::int64_t, std::string> content;
  std::map<std::int64_t, json*> last_delta;
  for (auto& chunk : chunks) {
    if (!chunk.contains("choices")) continue;
    for (auto& choice : chunk["choices"]) {
      auto& delta = choice["delta"];
      if (!delta.contains("content") || !delta["content"].is_string()) continue;
      const auto piece = delta["content"].get<std::string>();
      if (piece.empty()) continue;
      const auto index = choice.value("index", std::int64_t{0});
      content[index] += piece;
      last_delta[index] = &delta;
    }
  }
  // Search-model streams carry the annotations once, in a late delta (not in the delta schema).
  for (auto& [index, delta] : last_delta)
    (*delta)["annotations"] = citations_for(content[index], non_ascii);
}

void attach_audio(api::ChatCompletion& completion, ScenarioContext& ctx) {
  const auto pcm_bytes =
      std::clamp<std::int64_t>(ctx.directives.size.value_or(kDefaultAudioBytes), 2, kMaxAudioBytes);
  for (auto& choice : completion.choices) {
    api::ChatCompletionAudio audio;
    audio.id = synthesis::random_token(ctx.rng, "audio_", 32);
    audio.expires_at = completion.created + 3600;
    audio.transcript = choice.message.content.value_or(synthesis::generate_text(ctx.rng));
    audio.data = text::encode_base64(wav_file(static_cast<std::size_t>(pcm_bytes), ctx.rng));
    choice.message.content.set_null();
    choice.message.audio = audio;
  }
}

void stream_audio_pieces(std::vector<json>& chunks, ScenarioContext& ctx) {
  const bool drop_finish = ctx.directives.has_variant("no_finish_reason");
  std::vector<json> out;
  std::vector<std::int64_t> audio_choices;
  for (auto& chunk : chunks) {
    std::vector<json> pieces;
    auto* choices = array_member(chunk, "choices");
    if (choices == nullptr) {
      out.push_back(std::move(chunk));
      continue;
    }
    for (auto& choice : *choices) {
      auto* delta = object_member(choice, "delta");
      if (delta == nullptr || !delta->contains("audio")) continue;
      const json audio = std::move((*delta)["audio"]);
      delta->erase("audio");
      if (!audio.is_object()) continue;
      audio_choices.push_back(integer_member(choice, "index"));
      const auto transcript = synthesis::split_tokens(string_member(audio, "transcript"));
      const auto data = string_member(audio, "data");
      for (std::size_t i = 0; i < transcript.size(); ++i) {
        json part = {{"transcript", transcript[i]}};
        if (i == 0) part["id"] = member_or_null(audio, "id");
        pieces.push_back(piece_chunk(chunk, choice, std::move(part), ctx));
      }
      for (std::size_t at = 0; at < data.size(); at += kAudioDataSlice) {
        pieces.push_back(
            piece_chunk(chunk, choice, {{"data", data.substr(at, kAudioDataSlice)}}, ctx));
      }
      // node ChatCompletionStream special-cases a delta holding only expires_at as the end.
      pieces.push_back(
          piece_chunk(chunk, choice, {{"expires_at", member_or_null(audio, "expires_at")}}, ctx));
    }
    out.push_back(std::move(chunk));
    for (auto& piece : pieces) out.push_back(std::move(piece));
  }
  if (drop_finish) {
    std::erase_if(out, [&](json& chunk) {
      auto* choices = array_member(chunk, "choices");
      if (choices == nullptr || choices->empty()) return false;
      std::erase_if(*choices->get_ptr<json::array_t*>(), [&](const json& c) {
        const auto* finish = member(c, "finish_reason");
        return finish != nullptr && !finish->is_null() &&
               std::ranges::find(audio_choices, integer_member(c, "index")) != audio_choices.end();
      });
      return choices->empty();
    });
  }
  chunks = std::move(out);
}

void make_tool_calls_custom(api::ChatCompletion& completion,
                            const api::ChatCompletionRequest& request) {
  std::string name = "sql";
  for (const auto& tool : request.tools) {
    if (tool.type == "custom") {
      name = tool.name();
      break;
    }
  }
  for (auto& choice : completion.choices) {
    if (!choice.message.tool_calls) continue;
    for (auto& call : *choice.message.tool_calls) {
      call.type = "custom";
      call.function.set_absent();
      call.custom = api::CustomToolCall{name, kCustomInput};
    }
  }
}

void retype_tool_calls_in_body(json& body) {
  for (auto& choice : body["choices"]) {
    auto& message = choice["message"];
    if (!message.contains("tool_calls") || !message["tool_calls"].is_array()) continue;
    for (auto& call : message["tool_calls"]) {
      const auto query = call.value("function", json::object()).value("arguments", "");
      call.erase("function");
      call["type"] = "web_search";
      call["web_search"] = {{"query", query}};
    }
  }
}

void retype_tool_calls_in_chunks(std::vector<json>& chunks) {
  for (auto& chunk : chunks) {
    for (auto& choice : chunk["choices"]) {
      auto& delta = choice["delta"];
      if (!delta.contains("tool_calls") || !delta["tool_calls"].is_array()) continue;
      for (auto& call : delta["tool_calls"]) {
        if (call.contains("type")) call["type"] = "web_search";
        if (!call.contains("function")) continue;
        const auto query = call["function"].value("arguments", "");
        call.erase("function");
        call["web_search"] = {{"query", query}};
      }
    }
  }
}

}  // namespace chatmock::scenarios
