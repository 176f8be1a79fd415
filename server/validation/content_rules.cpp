// The media content parts of user messages: an image URL the API can fetch or decode, audio
// that is base64 in a format it reads, and a file given by id or by data. One pass over each
// payload, so a megabyte of base64 costs a megabyte of reads.
#include <string>
#include <string_view>

#include "text/base64.h"
#include "validation/rule_context.h"

namespace chatmock::validation::detail {
namespace {

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    const char c =
        text[i] >= 'A' && text[i] <= 'Z' ? static_cast<char>(text[i] - 'A' + 'a') : text[i];
    if (c != prefix[i]) return false;
  }
  return true;
}

// The API fetches http(s) URLs and decodes data:image/{png,jpeg,gif,webp};base64 URLs.
void check_image_url(std::string_view url, const std::string& path, RuleContext& ctx) {
  if (starts_with_ignoring_case(url, "http://") || starts_with_ignoring_case(url, "https://")) {
    return;
  }
  if (!starts_with_ignoring_case(url, "data:")) {
    ctx.report("validation.image_url_invalid", path, "invalid_value",
               "Invalid '" + path +
                   "'. Expected a base64-encoded data URL with an image MIME type (e.g. "
                   "'data:image/png;base64,aW1nIGJ5dGVzIGhlcmU='), but got a value without the "
                   "'data:' prefix.");
    return;
  }
  const std::size_t comma = url.find(',');
  const std::string_view header = url.substr(0, comma);
  bool supported = false;
  for (const char* type : {"data:image/png;base64", "data:image/jpeg;base64",
                           "data:image/gif;base64", "data:image/webp;base64"}) {
    supported = supported || header == type;
  }
  if (comma == std::string_view::npos || !supported) {
    ctx.report("validation.image_format_unsupported", path, "invalid_image_format",
               "You uploaded an unsupported image. Please make sure your image has of one the "
               "following formats: ['png', 'jpeg', 'gif', 'webp'].");
    return;
  }
  if (!text::is_base64(url.substr(comma + 1))) {
    ctx.report("validation.image_data_invalid", path, "invalid_value",
               "Invalid '" + path +
                   "': the data URL does not hold valid base64 image data after 'base64,'.");
  }
}

}  // namespace

void check_media_part(const json& part, const std::string& kind, const std::string& path,
                      RuleContext& ctx) {
  if (kind == "image_url") {
    const json* image = ctx.require(part, "image_url", kObject, path);
    if (image == nullptr) return;
    const std::string image_path = path + ".image_url";
    if (const json* url = ctx.require(*image, "url", kString, image_path)) {
      check_image_url(url->get_ref<const std::string&>(), image_path + ".url", ctx);
    }
    if (const json* detail = member(*image, "detail")) {
      ctx.expect_one_of("validation.invalid_enum_value", *detail, {"auto", "low", "high"},
                        image_path + ".detail");
    }
  } else if (kind == "input_audio") {
    const json* audio = ctx.require(part, "input_audio", kObject, path);
    if (audio == nullptr) return;
    const std::string audio_path = path + ".input_audio";
    if (const json* data = ctx.require(*audio, "data", kString, audio_path);
        data && !text::is_base64(data->get_ref<const std::string&>())) {
      ctx.report("validation.audio_data_invalid", audio_path + ".data", "invalid_value",
                 "Invalid '" + audio_path + ".data': expected base64-encoded audio data.");
    }
    if (const json* format = ctx.require(*audio, "format", kString, audio_path)) {
      ctx.expect_one_of("validation.invalid_enum_value", *format, {"wav", "mp3"},
                        audio_path + ".format");
    }
  } else if (kind == "file") {
    const json* file = ctx.require(part, "file", kObject, path);
    if (file == nullptr) return;
    const std::string file_path = path + ".file";
    for (const char* key : {"file_data", "file_id", "filename"}) {
      ctx.optional_member(*file, key, kString, file_path);
    }
    if (member(*file, "file_data") == nullptr && member(*file, "file_id") == nullptr) {
      ctx.report("validation.file_part_empty", file_path, "missing_required_parameter",
                 "Missing required parameter: '" + file_path +
                     "' must contain either 'file_id' or 'file_data'.");
    }
  }
}

}  // namespace chatmock::validation::detail
