// Items are listed as stored: string message content becomes input_text parts (output_text
// parts for assistant history), the shape the ItemResource schema gives input messages.
#include "responses/input_item_list.h"

#include <algorithm>
#include <charconv>

#include "responses/response_errors.h"

namespace chatmock::responses {

namespace {
Json listed(const Json& item) {
  const auto content = item.find("content");
  if (item["type"] != "message" || content == item.end() || !content->is_string()) return item;
  Json copy = item;
  if (item["role"] == "assistant") {
    copy["content"] = Json::array({Json{{"type", "output_text"},
                                        {"text", *content},
                                        {"annotations", Json::array()},
                                        {"logprobs", Json::array()}}});
  } else {
    copy["content"] = Json::array({Json{{"type", "input_text"}, {"text", *content}}});
  }
  return copy;
}
}  // namespace

reply::Expected<ItemListQuery> parse_item_list_query(std::optional<std::string_view> limit,
                                                     std::optional<std::string_view> order,
                                                     std::optional<std::string_view> after) {
  ItemListQuery query;
  if (limit) {
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(limit->data(), limit->data() + limit->size(), value);
    if (error != std::errc() || end != limit->data() + limit->size()) {
      return wrong_type("limit", "an integer", "a string");
    }
    if (value < 1) return integer_out_of_range("limit", value, 1, true);
    if (value > 100) return integer_out_of_range("limit", value, 100, false);
    query.limit = value;
  }
  if (order) {
    if (*order != "asc" && *order != "desc") {
      return invalid_value("order", *order, "'asc' and 'desc'");
    }
    query.ascending = *order == "asc";
  }
  if (after) query.after = std::string(*after);
  return query;
}

Json list_input_items(const std::vector<Json>& items, const ItemListQuery& query) {
  std::vector<const Json*> ordered;
  ordered.reserve(items.size());
  for (const auto& item : items) ordered.push_back(&item);
  if (!query.ascending) std::reverse(ordered.begin(), ordered.end());
  std::size_t start = 0;
  if (query.after) {
    start = ordered.size();  // an unknown cursor gives an empty page
    for (std::size_t i = 0; i < ordered.size(); ++i) {
      if ((*ordered[i])["id"] == *query.after) {
        start = i + 1;
        break;
      }
    }
  }
  const std::size_t end = std::min(ordered.size(), start + static_cast<std::size_t>(query.limit));
  Json data = Json::array();
  for (std::size_t i = start; i < end; ++i) data.push_back(listed(*ordered[i]));
  Json first = data.empty() ? Json(nullptr) : data.front()["id"];
  Json last = data.empty() ? Json(nullptr) : data.back()["id"];
  return Json{{"object", "list"},
              {"data", std::move(data)},
              {"first_id", std::move(first)},
              {"last_id", std::move(last)},
              {"has_more", end < ordered.size()}};
}

}  // namespace chatmock::responses
