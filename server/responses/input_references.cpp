// The chain is only walked when the input itself does not hold a call an output answers (the
// usual tool loop resends the whole history), and then stops as soon as every call is found.
#include "responses/input_references.h"

#include <memory>
#include <string>
#include <unordered_set>

#include "responses/response_errors.h"

namespace chatmock::responses {

namespace {
using CallIds = std::unordered_set<std::string>;

void collect_calls(const Json& items, CallIds& calls) {
  for (const auto& item : items) {
    if (!item.is_object() || item.value("type", std::string()) != "function_call") continue;
    if (const auto call_id = item.find("call_id"); call_id != item.end() && call_id->is_string()) {
      calls.insert(call_id->get<std::string>());
    }
  }
}

/// The call_ids of function_call_outputs in `input` that `calls` does not hold, in input order.
std::vector<std::string> unanswered(const std::vector<Json>& input, const CallIds& calls) {
  std::vector<std::string> missing;
  for (const auto& item : input) {
    if (item.value("type", std::string()) != "function_call_output") continue;
    auto call_id = item.value("call_id", std::string());
    if (!calls.contains(call_id)) missing.push_back(std::move(call_id));
  }
  return missing;
}

bool all_found(const std::vector<std::string>& wanted, const CallIds& calls) {
  for (const auto& call_id : wanted) {
    if (!calls.contains(call_id)) return false;
  }
  return true;
}
}  // namespace

reply::Expected<std::vector<Json>> resolve_input_references(std::vector<Json> input,
                                                            ResponseStore& store,
                                                            std::string_view session,
                                                            const StoredResponse* previous) {
  for (auto& item : input) {
    if (item.value("type", std::string()) != "item_reference") continue;
    const auto id = item.value("id", std::string());
    auto stored = store.find_item(session, id);
    if (!stored) return item_not_found(id);
    item = std::move(*stored);
  }
  CallIds calls;
  collect_calls(input, calls);
  const auto wanted = unanswered(input, calls);
  if (wanted.empty()) return input;
  std::shared_ptr<const StoredResponse> held;  // keeps `previous` alive past its first hop
  for (std::size_t hops = 0; previous != nullptr && hops < store.max_responses(); ++hops) {
    collect_calls(previous->input_items, calls);
    const Json response = previous->response();
    if (!response.is_object()) break;
    collect_calls(response.value("output", Json::array()), calls);
    if (all_found(wanted, calls)) return input;
    const auto& before = response.value("previous_response_id", Json());
    if (!before.is_string()) break;
    held = store.find(session, before.get_ref<const std::string&>());
    previous = held.get();
  }
  return orphan_function_call_output(unanswered(input, calls).front());
}

}  // namespace chatmock::responses
