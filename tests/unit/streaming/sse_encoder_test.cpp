// The encoder writes what the real API writes, and every framing knob still decodes to the
// same events with the project's spec-following decoder.
#include "streaming/sse_encoder.h"

#include <gtest/gtest.h>

#include "streaming/sse_decoder.h"

namespace chatmock::streaming {
namespace {

TEST(SseEncoder, DefaultFramingIsDataSpaceJsonAndABlankLine) {
  EXPECT_EQ(encode_event({"{\"a\":1}"}), "data: {\"a\":1}\n\n");
  EXPECT_EQ(encode_event({std::string(kDoneSentinel)}), "data: [DONE]\n\n");
}

TEST(SseEncoder, MultiLineDataBecomesOneDataLinePerLine) {
  EXPECT_EQ(encode_event({"{\"a\":\n1}"}), "data: {\"a\":\ndata: 1}\n\n");
}

TEST(SseEncoder, FieldsAndCommentsFollowTheFraming) {
  SseEvent event{"x", "error", "7", 3000};
  const SseFraming crlf{"\r\n", false};
  const auto bytes = encode_event(event, crlf);
  EXPECT_NE(bytes.find("event:error\r\n"), std::string::npos);
  EXPECT_NE(bytes.find("id:7\r\n"), std::string::npos);
  EXPECT_NE(bytes.find("retry:3000\r\n"), std::string::npos);
  EXPECT_TRUE(bytes.ends_with("data:x\r\n\r\n"));
  EXPECT_EQ(encode_comment("ping"), ": ping\n\n");
}

TEST(SseEncoder, NoSpaceFramingKeepsALeadingSpaceOfTheValue) {
  const SseFraming tight{"\n", false};
  EXPECT_EQ(encode_event({"x"}, tight), "data:x\n\n");
  EXPECT_EQ(decode_sse(encode_event({" x"}, tight)).at(0).data, " x");
}

TEST(SseEncoder, EveryFramingDecodesBackToTheSameEvents) {
  const std::vector<SseEvent> events{{"{\"n\":1}"}, {"two\nlines"}, {"[DONE]"}};
  for (const std::string ending : {"\n", "\r\n", "\r"}) {
    for (const bool space : {true, false}) {
      std::string body = encode_comment("keepalive", {ending, space});
      for (const auto& event : events) body += encode_event(event, {ending, space});
      const auto decoded = decode_sse(body);
      ASSERT_EQ(decoded.size(), events.size())
          << "ending size " << ending.size() << " space " << space;
      for (std::size_t i = 0; i < events.size(); ++i) EXPECT_EQ(decoded[i].data, events[i].data);
    }
  }
}

}  // namespace
}  // namespace chatmock::streaming
