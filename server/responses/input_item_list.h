// GET /v1/responses/{id}/input_items: the ResponseItemList page (reference §1) of a stored
// response's input items, with `limit` (1-100, default 20), `order` (asc | desc, default desc)
// and `after` (an item id: the page starts after it in the chosen order).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reply/expected.h"
#include "responses/response_json.h"

namespace chatmock::responses {

struct ItemListQuery {
  std::int64_t limit = 20;
  bool ascending = false;
  std::optional<std::string> after;
};

/// The query from its raw parameter values (nullopt = absent), or the 400 naming the bad one.
reply::Expected<ItemListQuery> parse_item_list_query(std::optional<std::string_view> limit,
                                                     std::optional<std::string_view> order,
                                                     std::optional<std::string_view> after);

/// {"object":"list","data":[…],"first_id","last_id","has_more"}; first_id and last_id are null
/// when the page is empty (an `after` naming the last item, or no such item).
Json list_input_items(const std::vector<Json>& items, const ItemListQuery& query);

}  // namespace chatmock::responses
