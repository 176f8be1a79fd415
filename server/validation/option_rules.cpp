// Enumerations and small shapes of the non-sampling options, from the official request schema:
// service_tier, verbosity, reasoning_effort, prompt caching, modalities, metadata, audio,
// prediction, moderation, web_search_options, safety_identifier and stream_options.
#include <string>

#include "validation/rule_context.h"

namespace chatmock::validation::detail {
namespace {

constexpr std::size_t kMaxSafetyIdentifierLength = 64;  // schema: ModelResponseProperties
constexpr std::size_t kMaxMetadataPairs = 16;           // schema: Metadata description
constexpr std::size_t kMaxMetadataKeyLength = 64;
constexpr std::size_t kMaxMetadataValueLength = 512;

void string_too_long(const std::string& path, std::size_t max, std::size_t got, RuleContext& ctx) {
  ctx.report("validation.string_too_long", path, "string_above_max_length",
             "Invalid '" + path + "': string too long. Expected a string with maximum length " +
                 std::to_string(max) + ", but got a string with length " + std::to_string(got) +
                 " instead.");
}

void check_metadata(const json& metadata, RuleContext& ctx) {
  if (metadata.size() > kMaxMetadataPairs) {
    ctx.report("validation.metadata_too_many_pairs", "metadata", "object_above_max_properties",
               "Invalid 'metadata': too many properties. Expected an object with at most " +
                   std::to_string(kMaxMetadataPairs) + " properties, but got an object with " +
                   std::to_string(metadata.size()) + " properties instead.");
  }
  for (const auto& [key, value] : metadata.items()) {
    const std::string path = "metadata." + quote(key);
    if (key.size() > kMaxMetadataKeyLength) {
      ctx.report("validation.metadata_key_too_long", "metadata", "string_above_max_length",
                 "Invalid 'metadata': key too long. Expected a key with maximum length " +
                     std::to_string(kMaxMetadataKeyLength) + ", but got a key with length " +
                     std::to_string(key.size()) + " instead.");
    }
    if (!ctx.expect(value, kString, path)) continue;
    const std::size_t length = value.get_ref<const std::string&>().size();
    if (length > kMaxMetadataValueLength) {
      string_too_long(path, kMaxMetadataValueLength, length, ctx);
    }
  }
}

void check_audio(const json& audio, RuleContext& ctx) {
  if (const json* voice = ctx.require(audio, "voice", kString | kObject, "audio");
      voice && voice->is_object()) {
    ctx.require(*voice, "id", kString, "audio.voice");
  }
  if (const json* format = ctx.require(audio, "format", kString, "audio")) {
    ctx.expect_one_of("validation.invalid_enum_value", *format,
                      {"wav", "aac", "mp3", "flac", "opus", "pcm16"}, "audio.format");
  }
}

void check_prediction(const json& prediction, RuleContext& ctx) {
  if (const json* type = ctx.require(prediction, "type", kString, "prediction")) {
    ctx.expect_one_of("validation.invalid_enum_value", *type, {"content"}, "prediction.type");
  }
  const json* content = ctx.require(prediction, "content", kString | kArray, "prediction");
  if (content == nullptr || !content->is_array()) return;
  if (content->empty()) ctx.empty_array("validation.content_empty", "prediction.content");
  for (std::size_t i = 0; i < content->size(); ++i) {
    const std::string path = ctx.index("prediction.content", i);
    if (!ctx.expect((*content)[i], kObject, path)) continue;
    if (const json* type = ctx.require((*content)[i], "type", kString, path)) {
      ctx.expect_one_of("validation.content_part_type_invalid", *type, {"text"}, path + ".type");
    }
    ctx.require((*content)[i], "text", kString, path);
  }
}

void check_moderation(const json& moderation, RuleContext& ctx) {
  ctx.require(moderation, "model", kString, "moderation");
  const json* policy = ctx.optional_member(moderation, "policy", kObject | kNull, "moderation");
  if (policy == nullptr || !policy->is_object()) return;
  for (const char* side : {"input", "output"}) {
    const json* config = ctx.optional_member(*policy, side, kObject | kNull, "moderation.policy");
    if (config == nullptr || !config->is_object()) continue;
    const std::string path = std::string("moderation.policy.") + side;
    if (const json* mode = ctx.require(*config, "mode", kString, path)) {
      ctx.expect_one_of("validation.invalid_enum_value", *mode, {"score", "block"}, path + ".mode");
    }
  }
}

void check_web_search_options(const json& options, RuleContext& ctx) {
  if (const json* size = member(options, "search_context_size")) {
    ctx.expect_one_of("validation.invalid_enum_value", *size, {"low", "medium", "high"},
                      "web_search_options.search_context_size");
  }
  const json* location =
      ctx.optional_member(options, "user_location", kObject | kNull, "web_search_options");
  if (location == nullptr || !location->is_object()) return;
  const std::string path = "web_search_options.user_location";
  if (const json* type = ctx.require(*location, "type", kString, path)) {
    ctx.expect_one_of("validation.invalid_enum_value", *type, {"approximate"}, path + ".type");
  }
  if (const json* approximate = ctx.require(*location, "approximate", kObject, path)) {
    for (const char* key : {"country", "region", "city", "timezone"}) {
      ctx.optional_member(*approximate, key, kString, path + ".approximate");
    }
  }
}

void check_prompt_cache_options(const json& options, RuleContext& ctx) {
  if (const json* ttl = member(options, "ttl")) {
    ctx.expect_one_of("validation.invalid_enum_value", *ttl, {"30m"}, "prompt_cache_options.ttl");
  }
  if (const json* mode = member(options, "mode")) {
    ctx.expect_one_of("validation.invalid_enum_value", *mode, {"implicit", "explicit"},
                      "prompt_cache_options.mode");
  }
}

void check_stream_options(const json& body, const json& options, RuleContext& ctx) {
  for (const char* flag : {"include_usage", "include_obfuscation"}) {
    if (const json* value = member(options, flag)) {
      ctx.expect(*value, kBoolean | kNull, std::string("stream_options.") + flag);
    }
  }
  // OpenAI API ref, chat create, stream_options: "Only set this when you set stream: true."
  const json* stream = member(body, "stream");
  if (!(stream && stream->is_boolean() && stream->get<bool>())) {
    ctx.report("validation.stream_options_requires_stream", "stream_options", "invalid_value",
               "The 'stream_options' parameter is only allowed when 'stream' is enabled.");
  }
}

// The string enums of CreateChatCompletionRequest, ServiceTier, Verbosity and ReasoningEffort.
void check_enums(const json& body, RuleContext& ctx) {
  if (const json* tier = member(body, "service_tier"); tier && tier->is_string()) {
    ctx.expect_one_of("validation.service_tier_invalid", *tier,
                      {"auto", "default", "flex", "scale", "priority", "fast"}, "service_tier");
  }
  const auto check = [&](const char* name, std::initializer_list<std::string_view> allowed) {
    if (const json* value = member(body, name); value && value->is_string()) {
      ctx.expect_one_of("validation.invalid_enum_value", *value, allowed, name);
    }
  };
  check("verbosity", {"low", "medium", "high"});
  check("reasoning_effort", {"none", "minimal", "low", "medium", "high", "xhigh", "max"});
  check("prompt_cache_retention", {"in_memory", "24h"});
  if (const json* modalities = member(body, "modalities"); modalities && modalities->is_array()) {
    for (std::size_t i = 0; i < modalities->size(); ++i) {
      ctx.expect_one_of("validation.invalid_enum_value", (*modalities)[i], {"text", "audio"},
                        ctx.index("modalities", i));
    }
  }
}

}  // namespace

void check_options(const json& body, RuleContext& ctx) {
  check_enums(body, ctx);
  const auto object = [&](const char* name) {
    const json* value = member(body, name);
    return value != nullptr && value->is_object() ? value : nullptr;
  };
  if (const json* metadata = object("metadata")) check_metadata(*metadata, ctx);
  if (const json* audio = object("audio")) check_audio(*audio, ctx);
  if (const json* prediction = object("prediction")) check_prediction(*prediction, ctx);
  if (const json* moderation = object("moderation")) check_moderation(*moderation, ctx);
  if (const json* search = object("web_search_options")) check_web_search_options(*search, ctx);
  if (const json* cache = object("prompt_cache_options")) check_prompt_cache_options(*cache, ctx);
  if (const json* id = member(body, "safety_identifier"); id && id->is_string()) {
    const std::size_t length = id->get_ref<const std::string&>().size();
    if (length > kMaxSafetyIdentifierLength) {
      string_too_long("safety_identifier", kMaxSafetyIdentifierLength, length, ctx);
    }
  }
  if (const json* options = object("stream_options")) check_stream_options(body, *options, ctx);
}

}  // namespace chatmock::validation::detail
