// ResponseStore: per-session isolation, delete, replacement, and the LRU bounds by count and
// by bytes (a lookup refreshes an entry).
#include "responses/response_store.h"

#include <gtest/gtest.h>

namespace chatmock::responses {
namespace {

StoredResponse stored(const std::string& id, std::int64_t carried = 0) {
  return {dump(Json{{"id", id}}), {Json{{"id", "msg_" + id}}}, carried};
}

/// Puts `stored`, whose response is its own JSON text (no output items to index).
void put(ResponseStore& store, std::string_view session, std::string_view id,
         StoredResponse stored) {
  const Json response = stored.response();
  store.put(session, id, response, std::move(stored));
}

TEST(ResponseStore, FindsWhatWasPutInTheSameSessionOnly) {
  ResponseStore store;
  put(store, "a", "resp_1", stored("resp_1", 7));
  const auto found = store.find("a", "resp_1");
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->response_json, R"({"id":"resp_1"})");
  EXPECT_EQ(found->response()["id"], "resp_1");
  EXPECT_EQ(found->carried_tokens, 7);
  EXPECT_EQ(store.find("b", "resp_1"), nullptr);
  EXPECT_EQ(store.find("", "resp_1"), nullptr);
}

TEST(ResponseStore, SessionAndIdDoNotCollideWhenConcatenated) {
  ResponseStore store;
  put(store, "ab", "c", stored("x"));
  EXPECT_EQ(store.find("a", "bc"), nullptr);
}

TEST(ResponseStore, EraseRemovesOnlyThatSessionsEntry) {
  ResponseStore store;
  put(store, "a", "resp_1", stored("resp_1"));
  put(store, "b", "resp_1", stored("resp_1"));
  EXPECT_FALSE(store.erase("c", "resp_1"));
  EXPECT_TRUE(store.erase("a", "resp_1"));
  EXPECT_FALSE(store.erase("a", "resp_1"));
  EXPECT_EQ(store.find("a", "resp_1"), nullptr);
  EXPECT_NE(store.find("b", "resp_1"), nullptr);
  EXPECT_EQ(store.size(), 1U);
}

TEST(ResponseStore, DropsTheLeastRecentlyUsedPastTheCount) {
  ResponseStore store(3);
  put(store, "", "r1", stored("r1"));
  put(store, "", "r2", stored("r2"));
  put(store, "", "r3", stored("r3"));
  ASSERT_NE(store.find("", "r1"), nullptr);  // r1 is now the most recently used
  put(store, "", "r4", stored("r4"));
  EXPECT_EQ(store.size(), 3U);
  EXPECT_EQ(store.evictions(), 1U);
  EXPECT_EQ(store.find("", "r2"), nullptr);
  EXPECT_NE(store.find("", "r1"), nullptr);
  EXPECT_NE(store.find("", "r4"), nullptr);
}

TEST(ResponseStore, ReplacingAnIdDoesNotGrowTheStore) {
  ResponseStore store(2);
  put(store, "", "r1", stored("r1", 1));
  put(store, "", "r1", stored("r1", 2));
  EXPECT_EQ(store.size(), 1U);
  EXPECT_EQ(store.find("", "r1")->carried_tokens, 2);
}

TEST(ResponseStore, DropsOldEntriesPastTheByteBoundButKeepsTheNewest) {
  ResponseStore store(100, 600);  // an entry here costs ~260 bytes with its item index
  for (int i = 0; i < 10; ++i)
    put(store, "", "r" + std::to_string(i), stored(std::string(40, 'x')));
  EXPECT_LE(store.bytes(), 600U);
  EXPECT_LT(store.size(), 10U);
  EXPECT_NE(store.find("", "r9"), nullptr);
  ResponseStore tiny(100, 1);
  put(tiny, "", "big", stored("big"));
  EXPECT_NE(tiny.find("", "big"), nullptr);
}

}  // namespace
}  // namespace chatmock::responses
