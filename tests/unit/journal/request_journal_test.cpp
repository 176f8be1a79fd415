// The journal is bounded by bytes as well as count: large events push the oldest out, an event
// bigger than the whole bound is not kept, and the admin JSON says what was cut and how long it
// was.
#include "journal/request_journal.h"

#include <gtest/gtest.h>

namespace chatmock::journal {
namespace {

ServeEvent event_with_body(std::size_t bytes, const std::string& id = "req") {
  ServeEvent event;
  event.id = id;
  event.method = "POST";
  event.path = "/v1/chat/completions";
  event.body = std::string(bytes, 'x');
  event.body_bytes = bytes;
  return event;
}

TEST(RequestJournalTest, BytesAreBoundedAndTheOldestGoFirst) {
  RequestJournal journal(10000, 1024 * 1024);
  for (int i = 0; i < 50; ++i) journal.record(event_with_body(100 * 1024, std::to_string(i)));
  const auto usage = journal.usage();
  EXPECT_LE(usage.bytes, usage.max_bytes);
  EXPECT_EQ(usage.count, 10U);  // 10 events of ~100 KiB fit in 1 MiB with their overhead
  EXPECT_EQ(usage.evicted, 40U);
  const auto kept = journal.snapshot();
  EXPECT_EQ(kept.front().id, "40");
  EXPECT_EQ(kept.back().id, "49");
}

TEST(RequestJournalTest, CountIsStillBounded) {
  RequestJournal journal(3);
  for (int i = 0; i < 5; ++i) journal.record(event_with_body(10, std::to_string(i)));
  EXPECT_EQ(journal.count(), 3U);
  EXPECT_EQ(journal.snapshot().front().id, "2");
}

TEST(RequestJournalTest, AnEventBiggerThanTheWholeBoundIsNotKept) {
  RequestJournal journal(10, 4096);
  journal.record(event_with_body(10, "small"));
  journal.record(event_with_body(8192, "huge"));
  ASSERT_EQ(journal.count(), 1U);
  EXPECT_EQ(journal.snapshot().front().id, "small");
  EXPECT_EQ(journal.usage().evicted, 1U);
}

TEST(RequestJournalTest, ResetFreesTheBytes) {
  RequestJournal journal;
  journal.record(event_with_body(1000));
  EXPECT_GT(journal.usage().bytes, 1000U);
  journal.reset();
  EXPECT_EQ(journal.usage().bytes, 0U);
  EXPECT_EQ(journal.count(), 0U);
}

TEST(RequestJournalTest, JsonSaysWhatWasCutAndHowLongItWas) {
  auto event = event_with_body(16);
  event.body_bytes = 300000;
  event.body_truncated = true;
  event.response_body = std::make_shared<const std::string>("{\"partial");
  event.response_truncated = true;
  event.response_bytes = 500000;
  const auto json = to_json_value(event);
  EXPECT_EQ(json["body"], std::string(16, 'x'));
  EXPECT_EQ(json["body_truncated"], true);
  EXPECT_EQ(json["body_bytes"], 300000);
  EXPECT_EQ(json["response"]["truncated"], true);
  EXPECT_EQ(json["response"]["bytes"], 500000);
  EXPECT_EQ(json["response"]["body"], "{\"partial");
}

TEST(RequestJournalTest, AWholeJsonBodyIsShownAsJson) {
  auto event = event_with_body(0);
  event.body = R"({"model":"gpt-4o-mini"})";
  event.body_bytes = event.body.size();
  const auto json = to_json_value(event);
  EXPECT_EQ(json["body"]["model"], "gpt-4o-mini");
  EXPECT_EQ(json["body_truncated"], false);
}

}  // namespace
}  // namespace chatmock::journal
