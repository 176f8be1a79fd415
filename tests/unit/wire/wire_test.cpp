// The wire value types' helpers: header lookup ignores ASCII case only, a reply's body is its
// writes joined, set_header replaces in place, pacing is needed exactly when a reply is more
// than one immediate write, and the knob grammar takes only whole non-negative integers.
#include <gtest/gtest.h>

#include <algorithm>

#include "wire/http_request.h"
#include "wire/integer_knobs.h"
#include "wire/wire_reply.h"

namespace chatmock::wire {
namespace {

TEST(Wire, LowerAsciiFoldsOnlyAsciiLetters) {
  EXPECT_EQ(lower_ascii("Content-TYPE"), "content-type");
  EXPECT_EQ(lower_ascii("\xC3\x89t\xC3\xA9"), "\xC3\x89t\xC3\xA9");  // UTF-8 bytes untouched
}

TEST(Wire, RequestHeadersAreFoundIgnoringCase) {
  HttpRequest request;
  request.headers = {{"X-Chatmock-Seed", "7"}, {"Authorization", "Bearer sk-x"}};
  EXPECT_EQ(request.header("x-chatmock-seed"), "7");
  EXPECT_TRUE(request.has_header("AUTHORIZATION"));
  EXPECT_FALSE(request.has_header("x-chatmock-see"));
  EXPECT_EQ(request.header("missing"), "");
}

TEST(Wire, ReplyBodyJoinsItsWritesAndSetHeaderReplacesInPlace) {
  WireReply reply = json_reply(200, "{}");
  reply.writes.push_back({"tail", std::chrono::milliseconds(0)});
  EXPECT_EQ(reply.body(), "{}tail");
  reply.set_header("X-One", "1");
  reply.set_header("x-one", "2");
  ASSERT_TRUE(reply.header("X-ONE"));
  EXPECT_EQ(*reply.header("X-ONE"), "2");
  EXPECT_EQ(std::count_if(reply.headers.begin(), reply.headers.end(),
                          [](const auto& h) { return lower_ascii(h.first) == "x-one"; }),
            1);
}

TEST(Wire, OnlyMoreThanOneImmediateWriteNeedsPacing) {
  WireReply single = json_reply(200, "{}");
  EXPECT_FALSE(single.needs_pacing());
  WireReply delayed = json_reply(200, "{}");
  delayed.writes[0].delay = std::chrono::milliseconds(5);
  EXPECT_TRUE(delayed.needs_pacing());
  WireReply two = json_reply(200, "a");
  two.writes.push_back({"b", std::chrono::milliseconds(0)});
  EXPECT_TRUE(two.needs_pacing());
}

TEST(Wire, KnobsAreWholeNonNegativeIntegers) {
  const auto knobs = parse_integer_knobs("ttft=800,itl=20");
  ASSERT_TRUE(knobs);
  ASSERT_EQ(knobs->size(), 2u);
  EXPECT_EQ((*knobs)[0].first, "ttft");
  EXPECT_EQ((*knobs)[1].second, 20);
  for (const char* bad :
       {"ttft", "ttft=", "ttft=-1", "ttft=1.5", "ttft=99999999999999999999", "=5x"})
    EXPECT_FALSE(parse_integer_knobs(bad)) << bad;
  EXPECT_TRUE(parse_integer_knobs("")->empty());
}

}  // namespace
}  // namespace chatmock::wire
