// Unit tests for SseDecoder: every framing case of docs/scenarios.md (sse_framing) (48–59), each
// checked whole, split at every byte and split at every possible single point.
#include "streaming/sse_decoder.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

namespace chatmock::streaming {

// Readable failure messages for EXPECT_EQ on events; static so another test file may define its
// own.
static void PrintTo(const SseEvent& e, std::ostream* os) {
  *os << "{data=\"" << e.data << "\" event=" << e.event.value_or("<none>")
      << " id=" << e.id.value_or("<none>")
      << " retry=" << (e.retry ? std::to_string(*e.retry) : "<none>") << "}";
}

namespace {

SseEvent data_event(std::string data) { return SseEvent{std::move(data), {}, {}, {}}; }

// Feeds `body` in pieces of `step` bytes, then finishes.
std::vector<SseEvent> decode_in_steps(std::string_view body, std::size_t step) {
  SseDecoder decoder;
  std::vector<SseEvent> events;
  for (std::size_t pos = 0; pos < body.size(); pos += step) {
    for (SseEvent& e : decoder.feed(body.substr(pos, step))) events.push_back(std::move(e));
  }
  for (SseEvent& e : decoder.finish()) events.push_back(std::move(e));
  return events;
}

// Feeds `body` as two pieces split at `at`, then finishes.
std::vector<SseEvent> decode_split_at(std::string_view body, std::size_t at) {
  SseDecoder decoder;
  std::vector<SseEvent> events = decoder.feed(body.substr(0, at));
  for (SseEvent& e : decoder.feed(body.substr(at))) events.push_back(std::move(e));
  for (SseEvent& e : decoder.finish()) events.push_back(std::move(e));
  return events;
}

// The decoded events do not depend on how the body is fragmented.
void expect_fragmentation_independent(std::string_view body, const std::vector<SseEvent>& want) {
  EXPECT_EQ(decode_sse(body), want) << "whole body";
  EXPECT_EQ(decode_in_steps(body, 1), want) << "one byte per feed";
  EXPECT_EQ(decode_in_steps(body, 3), want) << "three bytes per feed";
  for (std::size_t at = 0; at <= body.size(); ++at) {
    EXPECT_EQ(decode_split_at(body, at), want) << "split at " << at;
  }
}

TEST(SseDecoderTest, DecodesOneDataEventPerBlankLine) {
  expect_fragmentation_independent("data: {\"a\":1}\n\ndata: [DONE]\n\n",
                                   {data_event("{\"a\":1}"), data_event("[DONE]")});
}

TEST(SseDecoderTest, SplitEveryByteKeepsEvents) {
  std::string body;
  std::vector<SseEvent> want;
  for (int i = 0; i < 20; ++i) {
    body += "data: {\"i\":" + std::to_string(i) + "}\n\n";
    want.push_back(data_event("{\"i\":" + std::to_string(i) + "}"));
  }
  EXPECT_EQ(decode_in_steps(body, 1), want);
}

TEST(SseDecoderTest, CrlfSplitBetweenCrAndLfIsOneLineEnd) {
  SseDecoder decoder;
  EXPECT_TRUE(decoder.feed("data: a\r").empty());
  // The '\n' pairs with the '\r' before it; the next '\r' is the blank line that dispatches.
  EXPECT_EQ(decoder.feed("\n\r"), std::vector<SseEvent>{data_event("a")});
  EXPECT_EQ(decoder.feed("\ndata: b\r\n\r\n"), std::vector<SseEvent>{data_event("b")});
  EXPECT_TRUE(decoder.finish().empty());
}

TEST(SseDecoderTest, EmojiSplitInsideItsFourBytesComesOutIntact) {
  const std::string emoji = "\xF0\x9F\x98\x80";  // U+1F600
  expect_fragmentation_independent("data: {\"c\":\"" + emoji + "\"}\n\n",
                                   {data_event("{\"c\":\"" + emoji + "\"}")});
}

TEST(SseDecoderTest, AcceptsCrlfSeparators) {
  expect_fragmentation_independent("data: a\r\n\r\ndata: b\r\n\r\n",
                                   {data_event("a"), data_event("b")});
}

TEST(SseDecoderTest, AcceptsCrOnlySeparators) {
  expect_fragmentation_independent("data: a\r\rdata: b\r\r", {data_event("a"), data_event("b")});
}

TEST(SseDecoderTest, AcceptsMixedLineEndings) {
  expect_fragmentation_independent("data: a\r\n\ndata: b\n\r\ndata: c\r\r",
                                   {data_event("a"), data_event("b"), data_event("c")});
}

TEST(SseDecoderTest, AcceptsNoSpaceAfterColon) {
  expect_fragmentation_independent("data:{\"a\":1}\n\ndata:[DONE]\n\n",
                                   {data_event("{\"a\":1}"), data_event("[DONE]")});
}

TEST(SseDecoderTest, StripsOnlyOneLeadingSpace) {
  expect_fragmentation_independent("data:  {}\n\n", {data_event(" {}")});
}

TEST(SseDecoderTest, KeepsTrailingSpaces) {
  expect_fragmentation_independent("data: [DONE] \n\n", {data_event("[DONE] ")});
}

TEST(SseDecoderTest, IgnoresCommentsAndBareColons) {
  expect_fragmentation_independent(
      ": OPENROUTER PROCESSING\n\n:\n\ndata: a\n: between\ndata: b\n\n:\n\n", {data_event("a\nb")});
}

TEST(SseDecoderTest, KeepsIdAndRetryOnTheEvent) {
  expect_fragmentation_independent("id: 1\nretry: 3000\ndata: a\n\n",
                                   {SseEvent{"a", std::nullopt, "1", 3000}});
}

TEST(SseDecoderTest, IdOrRetryWithoutDataDispatchesNothing) {
  // openai-python #2722: the python SDK dispatches these as empty data and crashes.
  expect_fragmentation_independent("id: 1\n\nretry: 3000\n\n: ping\n\nid: 2\ndata: a\n\n\n\n",
                                   {SseEvent{"a", std::nullopt, "2", std::nullopt}});
}

TEST(SseDecoderTest, IdDoesNotLeakIntoTheNextEvent) {
  expect_fragmentation_independent(
      "id: 7\ndata: a\n\ndata: b\n\n",
      {SseEvent{"a", std::nullopt, "7", std::nullopt}, data_event("b")});
}

TEST(SseDecoderTest, IgnoresNonDigitRetry) {
  expect_fragmentation_independent(
      "retry: 3s\ndata: a\n\nretry: -1\ndata: b\n\nretry:\ndata: c\n\n",
      {data_event("a"), data_event("b"), data_event("c")});
}

TEST(SseDecoderTest, IgnoresOverflowingRetry) {
  expect_fragmentation_independent("retry: 99999999999999999999\ndata: a\n\n", {data_event("a")});
}

TEST(SseDecoderTest, KeepsEventName) {
  expect_fragmentation_independent(
      "event: error\ndata: {\"error\":{\"message\":\"boom\"}}\n\n",
      {SseEvent{"{\"error\":{\"message\":\"boom\"}}", "error", std::nullopt, std::nullopt}});
}

TEST(SseDecoderTest, EventNameWithoutDataDispatchesNothing) {
  expect_fragmentation_independent("event: ping\n\ndata: a\n\n", {data_event("a")});
}

TEST(SseDecoderTest, JoinsMultilineDataWithNewline) {
  expect_fragmentation_independent("data: {\"a\":\ndata: 1}\n\n", {data_event("{\"a\":\n1}")});
}

TEST(SseDecoderTest, EmptyDataLineDispatchesEmptyData) {
  expect_fragmentation_independent("data: \n\ndata:\n\ndata\n\n",
                                   {data_event(""), data_event(""), data_event("")});
}

TEST(SseDecoderTest, EmptyDataLinesJoinAsNewlines) {
  expect_fragmentation_independent("data:\ndata:\n\n", {data_event("\n")});
}

TEST(SseDecoderTest, IgnoresUnknownFields) {
  expect_fragmentation_independent("foo: bar\nobfuscation: x\ndata: a\nDATA: b\n\n",
                                   {data_event("a")});
}

TEST(SseDecoderTest, FieldNameWithoutColonHasEmptyValue) {
  expect_fragmentation_independent("event\ndata: a\n\n",
                                   {SseEvent{"a", "", std::nullopt, std::nullopt}});
}

TEST(SseDecoderTest, StripsLeadingBom) {
  expect_fragmentation_independent(
      "\xEF\xBB\xBF"
      "data: a\n\n",
      {data_event("a")});
}

TEST(SseDecoderTest, StripsOnlyOneBomAndOnlyAtStart) {
  expect_fragmentation_independent(
      "\xEF\xBB\xBF\xEF\xBB\xBF"
      "data: a\n\ndata: \xEF\xBB\xBF\n\n",
      {data_event("\xEF\xBB\xBF")});
}

TEST(SseDecoderTest, KeepsBytesThatOnlyStartLikeABom) {
  // "\xEF\xBB" then 'd' is not a BOM; the bytes belong to the first field name, which is unknown.
  expect_fragmentation_independent(
      "\xEF\xBB"
      "data: a\n\ndata: b\n\n",
      {data_event("b")});
}

TEST(SseDecoderTest, PartialBomAloneIsNotAnEvent) {
  expect_fragmentation_independent("\xEF\xBB", {});
}

TEST(SseDecoderTest, ReturnsLastEventWithoutBlankLineFromFinish) {
  SseDecoder decoder;
  EXPECT_EQ(decoder.feed("data: a\n\ndata: b\n"), std::vector<SseEvent>{data_event("a")});
  EXPECT_EQ(decoder.finish(), std::vector<SseEvent>{data_event("b")});
  EXPECT_TRUE(decoder.last_event_unterminated());
}

TEST(SseDecoderTest, ReturnsUnterminatedLastLineFromFinish) {
  SseDecoder decoder;
  EXPECT_TRUE(decoder.feed("data: {\"a\":").empty());
  EXPECT_EQ(decoder.finish(), std::vector<SseEvent>{data_event("{\"a\":")});
  EXPECT_TRUE(decoder.last_event_unterminated());
}

TEST(SseDecoderTest, CleanEndIsNotUnterminated) {
  SseDecoder decoder;
  EXPECT_EQ(decoder.feed("data: a\n\n: bye\n"), std::vector<SseEvent>{data_event("a")});
  EXPECT_TRUE(decoder.finish().empty());
  EXPECT_FALSE(decoder.last_event_unterminated());
}

TEST(SseDecoderTest, FinishResetsForANewStream) {
  SseDecoder decoder;
  EXPECT_EQ(decoder.feed("data: a\r").size(), 0U);
  EXPECT_EQ(decoder.finish().size(), 1U);
  EXPECT_EQ(decoder.feed("\xEF\xBB\xBF\ndata: b\n\n"), std::vector<SseEvent>{data_event("b")});
}

TEST(SseDecoderTest, DecodesManyEventsInOneFeedEndingMidEvent) {
  SseDecoder decoder;
  std::string body;
  for (int i = 0; i < 1000; ++i) body += "data: " + std::to_string(i) + "\n\n";
  body += "data: par";
  std::vector<SseEvent> events = decoder.feed(body);
  ASSERT_EQ(events.size(), 1000U);
  EXPECT_EQ(events.front().data, "0");
  EXPECT_EQ(events.back().data, "999");
  EXPECT_EQ(decoder.feed("tial\n\n"), std::vector<SseEvent>{data_event("partial")});
}

TEST(SseDecoderTest, HandlesLargeEventsFedByteByByte) {
  // No size limits (node streaming.ts:338); each byte is scanned once, so this stays fast.
  const std::string payload(1 << 20, 'x');
  std::vector<SseEvent> events = decode_in_steps("data: " + payload + "\n\n", 1);
  ASSERT_EQ(events.size(), 1U);
  EXPECT_EQ(events[0].data.size(), payload.size());
}

TEST(SseDecoderTest, TreatsInputAsBytes) {
  const std::string bytes("data: \x00\xFF\xC3\n\n", 10);
  EXPECT_EQ(decode_sse(bytes), std::vector<SseEvent>{data_event(std::string("\x00\xFF\xC3", 3))});
}

TEST(SseDecoderTest, IgnoresIdContainingNull) {
  constexpr char kBody[] =
      "id: a\x00"
      "b\ndata: x\n\n";
  const std::string body(kBody, sizeof kBody - 1);
  EXPECT_EQ(decode_sse(body), std::vector<SseEvent>{data_event("x")});
}

}  // namespace
}  // namespace chatmock::streaming
