// Media content parts: image URLs the API can fetch or decode, base64 audio, and file parts
// that name a file. Accept and refuse for each, and a megabyte of base64 checked in one pass.
#include <gtest/gtest.h>

#include <string>

#include "unit/validation/request_builders.h"
#include "validation/rule_context.h"

namespace chatmock::validation {
namespace {

using testing::is_valid;
using testing::json;
using testing::violates;

json user_part(json part) {
  return testing::with_messages(
      {{{"role", "user"}, {"content", testing::list({{{"type", "text"}, {"text", "hi"}}, part})}}});
}

json image(const std::string& url) {
  return user_part({{"type", "image_url"}, {"image_url", {{"url", url}}}});
}

json audio(const std::string& data, const std::string& format = "wav") {
  return user_part(
      {{"type", "input_audio"}, {"input_audio", {{"data", data}, {"format", format}}}});
}

const char* const kUrlPath = "messages[0].content[1].image_url.url";

TEST(ContentRulesTest, ImageUrlsAreHttpOrImageDataUrls) {
  EXPECT_TRUE(is_valid(image("https://example.com/cat.png")));
  EXPECT_TRUE(is_valid(image("HTTP://example.com/cat")));
  for (const char* type : {"png", "jpeg", "gif", "webp"}) {
    EXPECT_TRUE(is_valid(image(std::string("data:image/") + type + ";base64,iVBORw0KGgo=")));
  }
  EXPECT_TRUE(violates(image("ftp://example.com/cat.png"), "validation.image_url_invalid", kUrlPath,
                       "invalid_value"));
  EXPECT_TRUE(
      violates(image("cat.png"), "validation.image_url_invalid", kUrlPath, "invalid_value"));
  EXPECT_TRUE(violates(image("data:image/bmp;base64,AAAA"), "validation.image_format_unsupported",
                       kUrlPath, "invalid_image_format"));
  EXPECT_TRUE(violates(image("data:image/png,AAAA"), "validation.image_format_unsupported",
                       kUrlPath, "invalid_image_format"));
  EXPECT_TRUE(violates(image("data:image/png;base64,not base64!"), "validation.image_data_invalid",
                       kUrlPath, "invalid_value"));
}

TEST(ContentRulesTest, InputAudioIsBase64WavOrMp3) {
  EXPECT_TRUE(is_valid(audio("UklGRg==")));
  EXPECT_TRUE(is_valid(audio("SUQz", "mp3")));
  EXPECT_TRUE(violates(audio("not audio"), "validation.audio_data_invalid",
                       "messages[0].content[1].input_audio.data", "invalid_value"));
  EXPECT_TRUE(violates(audio("UklGRg==", "ogg"), "validation.invalid_enum_value",
                       "messages[0].content[1].input_audio.format", "invalid_value"));
}

TEST(ContentRulesTest, FilePartsNeedAnIdOrData) {
  EXPECT_TRUE(is_valid(user_part({{"type", "file"}, {"file", {{"file_id", "file-1"}}}})));
  EXPECT_TRUE(is_valid(user_part(
      {{"type", "file"},
       {"file", {{"file_data", "data:application/pdf;base64,AAAA"}, {"filename", "a.pdf"}}}})));
  EXPECT_TRUE(violates(user_part({{"type", "file"}, {"file", {{"filename", "a.pdf"}}}}),
                       "validation.file_part_empty", "messages[0].content[1].file",
                       "missing_required_parameter"));
}

TEST(ContentRulesTest, AMegabyteOfBase64IsCheckedInOnePass) {
  std::string data(std::size_t{1} << 20U, 'A');
  EXPECT_TRUE(is_valid(image("data:image/png;base64," + data)));
  data.back() = '*';
  EXPECT_TRUE(violates(image("data:image/png;base64," + data), "validation.image_data_invalid",
                       kUrlPath, "invalid_value"));
}

}  // namespace
}  // namespace chatmock::validation
