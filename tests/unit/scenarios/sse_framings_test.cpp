// SSE framing scenarios (docs/scenarios.md (sse_framing)): each test asserts the framing property
// on the bytes and write boundaries, and that the spec-following decoder (harness events(), or the
// decoder fed write by write as a socket reader would) still recovers the default reply's chunks.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "api/chat_completion_chunk.h"
#include "scenarios/scenario_catalogue.h"
#include "streaming/sse_decoder.h"
#include "support/scenario_harness.h"

namespace chatmock::testing {
namespace {

using streaming::SseEvent;

const std::vector<std::string> kNames = {"sse_split_every_byte",
                                         "sse_split_inside_crlf",
                                         "sse_split_inside_utf8",
                                         "sse_crlf",
                                         "sse_cr_only",
                                         "sse_no_space_after_colon",
                                         "sse_comment_keepalive",
                                         "sse_id_and_retry_fields",
                                         "sse_event_error_named",
                                         "sse_multiline_data",
                                         "sse_empty_data_line",
                                         "sse_done_variants",
                                         "sse_no_trailing_blank_line",
                                         "sse_multiple_events_one_write",
                                         "sse_bom_prefix",
                                         "sse_wrong_content_type"};

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kEmoji = "\xF0\x9F\x8C\x8D";

ScenarioRun stream(std::string_view expression, const HeaderList& headers = {},
                   std::uint64_t seed = 7) {
  return run_scenario(expression, chat_request(true), headers, seed);
}

std::vector<nlohmann::json> default_chunks(std::uint64_t seed = 7) {
  return stream("default", {}, seed).chunks();
}

// The decoder fed each write separately, as a client reading a socket would see the body.
std::vector<SseEvent> decode_write_by_write(const wire::WireReply& reply) {
  streaming::SseDecoder decoder;
  std::vector<SseEvent> events;
  for (const auto& write : reply.writes) {
    auto fed = decoder.feed(write.bytes);
    events.insert(events.end(), fed.begin(), fed.end());
  }
  auto tail = decoder.finish();
  events.insert(events.end(), tail.begin(), tail.end());
  return events;
}

// Offsets in the body where one write ends and the next begins.
std::set<std::size_t> write_boundaries(const wire::WireReply& reply) {
  std::set<std::size_t> boundaries;
  std::size_t offset = 0;
  for (std::size_t i = 0; i + 1 < reply.writes.size(); ++i) {
    offset += reply.writes[i].bytes.size();
    boundaries.insert(offset);
  }
  return boundaries;
}

std::size_t count_of(std::string_view haystack, std::string_view needle) {
  std::size_t count = 0;
  for (auto pos = haystack.find(needle); pos != std::string_view::npos;
       pos = haystack.find(needle, pos + 1)) {
    ++count;
  }
  return count;
}

// Every "\n" in `body` is the second half of a "\r\n".
bool only_crlf_line_endings(std::string_view body) {
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\n' && (i == 0 || body[i - 1] != '\r')) return false;
    if (body[i] == '\r' && (i + 1 == body.size() || body[i + 1] != '\n')) return false;
  }
  return true;
}

// The number of writes whose last byte is '\r' while the next write starts with '\n'.
std::size_t crlf_split_count(const wire::WireReply& reply) {
  std::size_t count = 0;
  for (std::size_t i = 0; i + 1 < reply.writes.size(); ++i) {
    if (reply.writes[i].bytes.ends_with('\r') && reply.writes[i + 1].bytes.starts_with('\n'))
      ++count;
  }
  return count;
}

TEST(SseFramingCatalogue, RegistersEveryEntryAsStreamOnlyInItsGroup) {
  const auto& catalogue = scenarios::builtin_catalogue();
  for (const auto& name : kNames) {
    const auto* scenario = catalogue.find(name);
    ASSERT_NE(scenario, nullptr) << name;
    EXPECT_EQ(scenario->group, "sse_framing") << name;
    EXPECT_TRUE(scenario->description.ends_with("(stream only)")) << name;
    EXPECT_EQ(scenario->description.find('\n'), std::string::npos) << name;
    EXPECT_EQ(scenario->breaks_spec, name == "sse_empty_data_line") << name;
  }
}

TEST(SseFramingCatalogue, LeavesJsonRepliesByteIdentical) {
  const auto expected = run_scenario("default", chat_request(false)).body();
  const auto expected_tool = run_scenario("default", tool_request(false)).body();
  for (const auto& name : kNames) {
    const auto run = run_scenario(name, chat_request(false));
    EXPECT_EQ(run.body(), expected) << name;
    EXPECT_EQ(run.reply.content_type, "application/json") << name;
    EXPECT_NO_THROW((void)run.json().get<api::ChatCompletion>()) << name;
    EXPECT_EQ(run_scenario(name, tool_request(false)).body(), expected_tool) << name;
  }
}

TEST(SseFramingCatalogue, EveryChunkEventStillParsesAsAChunk) {
  for (const auto& name : kNames) {
    for (const auto& event : stream(name).events()) {
      if (event.data.empty() || event.data.starts_with("[DONE]") || event.event == "error")
        continue;
      EXPECT_NO_THROW((void)nlohmann::json::parse(event.data).get<api::ChatCompletionChunk>())
          << name;
    }
  }
}

TEST(SseSplitEveryByte, WritesOneByteAtATimeAndDecodesToTheSameChunks) {
  const auto run = stream("sse_split_every_byte");
  ASSERT_GT(run.reply.writes.size(), 100U);
  for (const auto& write : run.reply.writes) ASSERT_EQ(write.bytes.size(), 1U);
  EXPECT_EQ(run.body(), stream("default").body());
  EXPECT_EQ(run.chunks(), default_chunks());
  EXPECT_EQ(decode_write_by_write(run.reply), run.events());
  EXPECT_TRUE(run.ends_with_done());
}

TEST(SseSplitInsideCrlf, PutsAWriteBoundaryBetweenEveryCrAndItsLf) {
  const auto run = stream("sse_split_inside_crlf");
  const auto body = run.body();
  EXPECT_TRUE(only_crlf_line_endings(body));
  EXPECT_NE(body.find("\r\n\r\n"), std::string::npos);
  for (const auto& write : run.reply.writes) EXPECT_EQ(write.bytes.find("\r\n"), std::string::npos);
  EXPECT_EQ(crlf_split_count(run.reply), count_of(body, "\r\n"));
  EXPECT_EQ(run.chunks(), default_chunks());
  EXPECT_EQ(decode_write_by_write(run.reply), run.events());
  EXPECT_TRUE(run.ends_with_done());
}

TEST(SseSplitInsideCrlf, ComposedAfterSseCrlfStillSplitsEveryCrlf) {
  const auto run = stream("sse_crlf+sse_split_inside_crlf");
  const auto body = run.body();
  ASSERT_TRUE(only_crlf_line_endings(body));
  ASSERT_GT(count_of(body, "\r\n"), 0U);
  EXPECT_EQ(crlf_split_count(run.reply), count_of(body, "\r\n"));
  EXPECT_EQ(body, stream("sse_split_inside_crlf").body());
  EXPECT_EQ(decode_write_by_write(run.reply), run.events());
  EXPECT_EQ(run.chunks(), default_chunks());
}

TEST(SseSplitInsideCrlf, ComposedBeforeSseCrlfKeepsItsBoundaries) {
  const auto run = stream("sse_split_inside_crlf+sse_crlf");
  EXPECT_EQ(crlf_split_count(run.reply), count_of(run.body(), "\r\n"));
  EXPECT_EQ(run.reply.writes, stream("sse_split_inside_crlf").reply.writes);
}

TEST(SseSplitInsideUtf8, CutsTheAddedEmojiAcrossWrites) {
  const auto run = stream("sse_split_inside_utf8");
  const auto body = run.body();
  const auto emoji = body.find(kEmoji);
  ASSERT_NE(emoji, std::string::npos);
  const auto boundaries = write_boundaries(run.reply);
  const auto inside = boundaries.upper_bound(emoji);
  ASSERT_NE(inside, boundaries.end());
  EXPECT_LT(*inside, emoji + kEmoji.size());
  // The decoder buffers the partial character; the content is whole after reassembly.
  EXPECT_EQ(decode_write_by_write(run.reply), run.events());
  const auto plain = stream("default").assembled();
  EXPECT_EQ(*run.assembled().choices[0].message.content,
            *plain.choices[0].message.content + " " + std::string(kEmoji));
  EXPECT_TRUE(run.ends_with_done());
}

TEST(SseSplitInsideUtf8, PutsTheEmojiIntoToolArgumentsWhenThereIsNoText) {
  const auto run = run_scenario("sse_split_inside_utf8", tool_request(true));
  const auto assembled = run.assembled();
  const auto& calls = *assembled.choices[0].message.tool_calls;
  ASSERT_EQ(calls.size(), 1U);
  const auto arguments = nlohmann::json::parse(calls[0].function->arguments);
  EXPECT_TRUE(arguments["city"].get<std::string>().ends_with(kEmoji));
  EXPECT_EQ(decode_write_by_write(run.reply), run.events());
}

TEST(SseSplitInsideUtf8, SameSeedGivesTheSameWrites) {
  EXPECT_EQ(stream("sse_split_inside_utf8", {}, 3).reply.writes,
            stream("sse_split_inside_utf8", {}, 3).reply.writes);
}

TEST(SseCrlf, EndsEveryLineInCrlf) {
  const auto run = stream("sse_crlf");
  const auto body = run.body();
  EXPECT_TRUE(only_crlf_line_endings(body));
  EXPECT_TRUE(body.ends_with("data: [DONE]\r\n\r\n"));
  EXPECT_EQ(run.chunks(), default_chunks());
  EXPECT_TRUE(run.ends_with_done());
}

TEST(SseCrOnly, EndsEveryLineInABareCr) {
  const auto run = stream("sse_cr_only");
  const auto body = run.body();
  EXPECT_EQ(body.find('\n'), std::string::npos);
  EXPECT_TRUE(body.ends_with("data: [DONE]\r\r"));
  EXPECT_EQ(run.chunks(), default_chunks());
  EXPECT_TRUE(run.ends_with_done());
}

TEST(SseCrOnly, WithEveryByteSplitDropsNoByteAndStillDecodes) {
  const auto run = stream("sse_split_every_byte+sse_cr_only");
  EXPECT_EQ(run.body(), stream("sse_cr_only").body());
  EXPECT_EQ(decode_write_by_write(run.reply), run.events());
}

TEST(SseNoSpaceAfterColon, WritesDataFieldsWithoutTheSpace) {
  const auto run = stream("sse_no_space_after_colon");
  const auto body = run.body();
  EXPECT_TRUE(body.starts_with("data:{"));
  EXPECT_EQ(body.find("data: "), std::string::npos);
  EXPECT_TRUE(body.ends_with("data:[DONE]\n\n"));
  EXPECT_EQ(run.chunks(), default_chunks());
}

TEST(SseCommentKeepalive, SendsCommentsBeforeAndBetweenEvents) {
  const auto run = stream("sse_comment_keepalive");
  const auto body = run.body();
  EXPECT_TRUE(body.starts_with(": OPENROUTER PROCESSING\n\ndata: {"));
  const auto events = run.events();
  EXPECT_EQ(count_of(body, "\n\n:\n\n"), events.size() - 1);
  EXPECT_EQ(run.chunks(), default_chunks());
  EXPECT_TRUE(run.ends_with_done());
}

TEST(SseCommentKeepalive, TakesTheLineEndingOfSseCrlfOnEitherSide) {
  for (const auto* expression :
       {"sse_crlf+sse_comment_keepalive", "sse_comment_keepalive+sse_crlf"}) {
    const auto body = stream(expression).body();
    EXPECT_TRUE(body.starts_with(": OPENROUTER PROCESSING\r\n\r\n")) << expression;
    EXPECT_TRUE(only_crlf_line_endings(body)) << expression;
  }
}

TEST(SseIdAndRetryFields, SendsRetryBlockIdsAndPings) {
  const auto run = stream("sse_id_and_retry_fields");
  const auto body = run.body();
  EXPECT_TRUE(body.starts_with("retry: 3000\n\nid: 1\ndata: {"));
  EXPECT_NE(body.find("\n\n: ping\n\nid: 2\ndata: "), std::string::npos);
  const auto events = run.events();
  for (std::size_t i = 0; i < events.size(); ++i) EXPECT_EQ(events[i].id, std::to_string(i + 1));
  // WHATWG dispatches only blocks with data, so the decoder sees no empty event (py does).
  EXPECT_EQ(run.chunks(), default_chunks());
  EXPECT_TRUE(run.ends_with_done());
}

TEST(SseEventErrorNamed, EndsWithAnErrorEventCarryingTheApiErrorBody) {
  const auto run = stream("sse_event_error_named");
  const auto events = run.events();
  ASSERT_GE(events.size(), 2U);
  EXPECT_EQ(events.back().event, "error");
  EXPECT_NE(run.body().find("event: error\ndata: {\"error\":{"), std::string::npos);
  const auto error = nlohmann::json::parse(events.back().data);
  EXPECT_EQ(error["error"]["type"], "server_error");
  EXPECT_TRUE(error["error"]["message"].is_string());
  EXPECT_FALSE(run.ends_with_done());
  const auto expected = default_chunks();
  std::vector<nlohmann::json> before;
  for (std::size_t i = 0; i + 1 < events.size(); ++i)
    before.push_back(nlohmann::json::parse(events[i].data));
  EXPECT_EQ(before.size(), std::max<std::size_t>(1, expected.size() / 2));
  EXPECT_TRUE(std::equal(before.begin(), before.end(), expected.begin()));
}

TEST(SseEventErrorNamed, UnwrappedVariantSendsTheBareErrorObject) {
  const auto events =
      stream("sse_event_error_named", {{"X-Chatmock-Variant", "unwrapped"}}).events();
  const auto error = nlohmann::json::parse(events.back().data);
  EXPECT_EQ(events.back().event, "error");
  EXPECT_FALSE(error.contains("error"));
  EXPECT_EQ(error["type"], "server_error");
}

TEST(SseMultilineData, SpreadsEachChunkOverTwoDataLinesThatJoinBack) {
  const auto run = stream("sse_multiline_data");
  const auto events = run.events();
  const auto expected = default_chunks();
  EXPECT_EQ(count_of(run.body(), "data: "), 2 * expected.size() + 1);
  for (const auto& event : events) {
    if (event.data == "[DONE]") continue;
    EXPECT_EQ(count_of(event.data, "\n"), 1U);
  }
  EXPECT_EQ(run.chunks(), expected);
  EXPECT_TRUE(run.ends_with_done());
}

TEST(SseEmptyDataLine, SendsEmptyDataEventsBetweenTheChunks) {
  const auto run = stream("sse_empty_data_line");
  const auto body = run.body();
  EXPECT_TRUE(body.starts_with("data: \n\ndata: {"));
  EXPECT_EQ(count_of(body, "data: \n\n"), 2U);
  std::vector<nlohmann::json> chunks;
  std::size_t empty = 0;
  for (const auto& event : run.events()) {
    if (event.data.empty()) {
      ++empty;
    } else if (event.data != "[DONE]") {
      chunks.push_back(nlohmann::json::parse(event.data));
    }
  }
  EXPECT_EQ(empty, 2U);
  EXPECT_EQ(chunks, default_chunks());
  EXPECT_THROW((void)run.chunks(), nlohmann::json::parse_error);  // what JSON.parse("") does too
}

TEST(SseDoneVariants, EachVariantShapesTheSentinelAsNamed) {
  const auto expected = default_chunks();
  const auto trailing = stream("sse_done_variants", {{"X-Chatmock-Variant", "trailing_space"}});
  EXPECT_TRUE(trailing.body().ends_with("\n\ndata: [DONE] \n\n"));
  EXPECT_EQ(trailing.events().back().data, "[DONE] ");
  EXPECT_FALSE(trailing.ends_with_done());  // node matches exactly; py's startswith accepts it

  const auto no_space = stream("sse_done_variants", {{"X-Chatmock-Variant", "no_space"}});
  EXPECT_TRUE(no_space.body().ends_with("\n\ndata:[DONE]\n\n"));
  EXPECT_TRUE(no_space.ends_with_done());
  EXPECT_EQ(no_space.chunks(), expected);

  const auto missing = stream("sse_done_variants", {{"X-Chatmock-Variant", "missing"}});
  EXPECT_EQ(missing.body().find("[DONE]"), std::string::npos);
  EXPECT_TRUE(missing.body().ends_with("}\n\n"));
  EXPECT_EQ(missing.reply.ending, wire::WireEnding::complete);
  EXPECT_EQ(missing.chunks(), expected);
}

TEST(SseDoneVariants, SeedPicksAVariantDeterministically) {
  std::set<std::string> tails;
  for (std::uint64_t seed = 1; seed <= 24; ++seed) {
    const auto body = stream("sse_done_variants", {}, seed).body();
    EXPECT_EQ(body, stream("sse_done_variants", {}, seed).body());
    tails.insert(body.substr(body.size() - 8));
  }
  EXPECT_EQ(tails.size(), 3U);
}

TEST(SseNoTrailingBlankLine, EndsAfterTheLastChunkLineWithoutABlankLine) {
  const auto run = stream("sse_no_trailing_blank_line");
  const auto body = run.body();
  EXPECT_TRUE(body.ends_with("}\n"));
  EXPECT_FALSE(body.ends_with("\n\n"));
  EXPECT_EQ(body.find("[DONE]"), std::string::npos);
  // What the SDKs see: only blank lines dispatch, so the last chunk never arrives.
  streaming::SseDecoder decoder;
  const auto dispatched = decoder.feed(body);
  const auto expected = default_chunks();
  EXPECT_EQ(dispatched.size(), expected.size() - 1);
  EXPECT_EQ(decoder.finish().size(), 1U);
  EXPECT_TRUE(decoder.last_event_unterminated());
  // The harness decodes like the SDKs: every chunk but the unterminated last one.
  EXPECT_EQ(run.chunks(), std::vector<nlohmann::json>(expected.begin(), expected.end() - 1));
}

TEST(SseNoTrailingBlankLine, ComposedWithCrlfAndByteSplitsDropsOnlyTheBlankLine) {
  const auto run = stream("sse_crlf+sse_split_every_byte+sse_no_trailing_blank_line");
  EXPECT_TRUE(run.body().ends_with("}\r\n"));
  EXPECT_FALSE(run.body().ends_with("\r\n\r\n"));
  const auto expected = default_chunks();
  EXPECT_EQ(run.chunks(), std::vector<nlohmann::json>(expected.begin(), expected.end() - 1));
}

TEST(SseMultipleEventsOneWrite, PacksSeveralEventsPerWriteEndingMidEvent) {
  const auto run = stream("sse_multiple_events_one_write");
  const auto& writes = run.reply.writes;
  ASSERT_GE(writes.size(), 2U);
  EXPECT_LT(writes.size(), stream("default").reply.writes.size());
  EXPECT_GE(count_of(writes.front().bytes, "\n\n"), 3U);
  for (std::size_t i = 0; i + 1 < writes.size(); ++i)
    EXPECT_FALSE(writes[i].bytes.ends_with("\n\n")) << i;
  EXPECT_EQ(run.body(), stream("default").body());
  EXPECT_EQ(decode_write_by_write(run.reply), run.events());
  EXPECT_EQ(run.chunks(), default_chunks());
}

TEST(SseBomPrefix, StartsTheBodyWithAByteOrderMark) {
  const auto run = stream("sse_bom_prefix");
  EXPECT_TRUE(run.body().starts_with(std::string(kBom) + "data: {"));
  EXPECT_EQ(run.body().substr(kBom.size()), stream("default").body());
  EXPECT_EQ(run.chunks(), default_chunks());  // WHATWG (and node's TextDecoder) drop the BOM
}

TEST(SseBomPrefix, StaysFirstWhenComposedAfterAByteSplit) {
  const auto run = stream("sse_split_every_byte+sse_bom_prefix");
  EXPECT_EQ(run.reply.writes.front().bytes, std::string(kBom) + "d");
  EXPECT_EQ(decode_write_by_write(run.reply), stream("default").events());
}

TEST(SseWrongContentType, LabelsTheStreamAsVariantNamesKeepingTheSseBody) {
  const auto json_label =
      stream("sse_wrong_content_type", {{"X-Chatmock-Variant", "application_json"}});
  EXPECT_EQ(json_label.reply.content_type, "application/json");
  EXPECT_EQ(json_label.body(), stream("default").body());
  const auto text_label = stream("sse_wrong_content_type", {{"X-Chatmock-Variant", "text_plain"}});
  EXPECT_EQ(text_label.reply.content_type, "text/plain; charset=utf-8");
  EXPECT_EQ(text_label.chunks(), default_chunks());
  EXPECT_TRUE(text_label.ends_with_done());
}

TEST(SseWrongContentType, JsonBodyVariantAnswersTheStreamRequestWithACompletion) {
  const auto run = stream("sse_wrong_content_type", {{"X-Chatmock-Variant", "json_body"}});
  EXPECT_EQ(run.reply.content_type, "application/json");
  EXPECT_FALSE(run.reply.chunked);
  const auto completion = run.json().get<api::ChatCompletion>();
  const auto expected = stream("default").assembled();
  EXPECT_EQ(completion.id, expected.id);
  EXPECT_EQ(completion.choices[0].message.content, expected.choices[0].message.content);
  EXPECT_TRUE(run.events().empty());  // an SSE reader finds no event in it
}

TEST(SseWrongContentType, SeedPicksOnlyTheRelabellingVariants) {
  std::set<std::string> types;
  for (std::uint64_t seed = 1; seed <= 16; ++seed) {
    const auto run = stream("sse_wrong_content_type", {}, seed);
    EXPECT_TRUE(run.reply.chunked);
    types.insert(run.reply.content_type);
  }
  EXPECT_EQ(types, (std::set<std::string>{"application/json", "text/plain; charset=utf-8"}));
}

TEST(SseFramingComposition, VariantHeaderListServesEachScenarioItsOwnValue) {
  const auto run = stream("sse_done_variants+sse_wrong_content_type",
                          {{"X-Chatmock-Variant", "text_plain, no_space"}});
  EXPECT_EQ(run.reply.content_type, "text/plain; charset=utf-8");
  EXPECT_TRUE(run.body().ends_with("data:[DONE]\n\n"));
}

TEST(SseFramingComposition, DefaultWithCrOnlyAndByteSplitsDecodesWriteByWrite) {
  const auto run = run_scenario("default+sse_cr_only+sse_split_every_byte", chat_request(true));
  EXPECT_EQ(run.body().find('\n'), std::string::npos);
  EXPECT_EQ(decode_write_by_write(run.reply), stream("default").events());
}

}  // namespace
}  // namespace chatmock::testing
