// GET …/input_items paging: default order desc, limit, after, has_more, first/last ids, the
// listed shape of string content, and the 400s for bad query values.
#include "responses/input_item_list.h"

#include <gtest/gtest.h>

namespace chatmock::responses {
namespace {

std::vector<Json> items(int n) {
  std::vector<Json> out;
  for (int i = 1; i <= n; ++i) {
    out.push_back(Json{{"id", "msg_" + std::to_string(i)},
                       {"type", "message"},
                       {"role", "user"},
                       {"content", "text " + std::to_string(i)},
                       {"status", "completed"}});
  }
  return out;
}

std::vector<std::string> ids(const Json& list) {
  std::vector<std::string> out;
  for (const auto& item : list["data"]) out.push_back(item["id"].get<std::string>());
  return out;
}

TEST(InputItemList, DefaultIsNewestFirstWithAllIds) {
  const auto list = list_input_items(items(3), {});
  EXPECT_EQ(list["object"], "list");
  EXPECT_EQ(ids(list), (std::vector<std::string>{"msg_3", "msg_2", "msg_1"}));
  EXPECT_EQ(list["first_id"], "msg_3");
  EXPECT_EQ(list["last_id"], "msg_1");
  EXPECT_EQ(list["has_more"], false);
}

TEST(InputItemList, LimitAfterAndAscendingOrderPage) {
  auto query = parse_item_list_query("2", "asc", std::nullopt);
  ASSERT_TRUE(query.has_value());
  auto list = list_input_items(items(5), *query);
  EXPECT_EQ(ids(list), (std::vector<std::string>{"msg_1", "msg_2"}));
  EXPECT_EQ(list["has_more"], true);
  query = parse_item_list_query("2", "asc", "msg_2");
  list = list_input_items(items(5), *query);
  EXPECT_EQ(ids(list), (std::vector<std::string>{"msg_3", "msg_4"}));
  query = parse_item_list_query("2", "asc", "msg_4");
  list = list_input_items(items(5), *query);
  EXPECT_EQ(ids(list), (std::vector<std::string>{"msg_5"}));
  EXPECT_EQ(list["has_more"], false);
}

TEST(InputItemList, AfterTheLastOrAnUnknownIdIsAnEmptyPage) {
  const auto query = parse_item_list_query(std::nullopt, std::nullopt, "msg_nope");
  const auto list = list_input_items(items(2), *query);
  EXPECT_TRUE(list["data"].empty());
  EXPECT_TRUE(list["first_id"].is_null());
  EXPECT_EQ(list["has_more"], false);
}

TEST(InputItemList, StringContentIsListedAsInputTextParts) {
  const auto list = list_input_items(items(1), {});
  EXPECT_EQ(list["data"][0]["content"],
            Json::array({Json{{"type", "input_text"}, {"text", "text 1"}}}));
}

TEST(InputItemList, BadQueryValuesAre400sNamingThem) {
  auto query = parse_item_list_query("0", std::nullopt, std::nullopt);
  ASSERT_FALSE(query.has_value());
  EXPECT_EQ(query.error().code, "integer_below_min_value");
  query = parse_item_list_query("101", std::nullopt, std::nullopt);
  ASSERT_FALSE(query.has_value());
  EXPECT_EQ(query.error().code, "integer_above_max_value");
  query = parse_item_list_query("ten", std::nullopt, std::nullopt);
  ASSERT_FALSE(query.has_value());
  EXPECT_EQ(query.error().param, "limit");
  query = parse_item_list_query(std::nullopt, "sideways", std::nullopt);
  ASSERT_FALSE(query.has_value());
  EXPECT_EQ(query.error().param, "order");
  EXPECT_EQ(query.error().code, "invalid_value");
}

}  // namespace
}  // namespace chatmock::responses
