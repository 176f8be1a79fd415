// Every edit finds deltas the way a client would: by choice index, then by tool-call index, and
// a call's "opener" is simply the first delta seen for it. That keeps the edits composable: a
// stream whose indexes were already dropped still has openers and continuations.
#include "scenarios/stream_delta_hooks.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <utility>

namespace chatmock::scenarios {

namespace {
using nlohmann::json;

/// (choice index, tool-call index). Without an index, a delta with an `id` opens the next call,
/// as a client would guess; such calls get keys -1, -2, … so they never collide with indexes.
using CallKey = std::pair<std::int64_t, std::int64_t>;

std::int64_t integer_or(const json& object, const char* key, std::int64_t fallback) {
  const auto it = object.find(key);
  return it != object.end() && it->is_number_integer() ? it->get<std::int64_t>() : fallback;
}

/// Calls `visit(choice)` for every object in every chunk's `choices` array.
void for_each_choice(Chunks& chunks, const std::function<void(json&)>& visit) {
  for (auto& chunk : chunks) {
    const auto choices = chunk.find("choices");
    if (choices == chunk.end() || !choices->is_array()) continue;
    for (auto& choice : *choices) {
      if (choice.is_object()) visit(choice);
    }
  }
}

/// Calls `visit(delta)` for every choice's delta object.
void for_each_delta(Chunks& chunks, const std::function<void(json&)>& visit) {
  for_each_choice(chunks, [&](json& choice) {
    const auto delta = choice.find("delta");
    if (delta != choice.end() && delta->is_object()) visit(*delta);
  });
}

/// Calls `visit(call, key, opener)` for every tool-call delta, in stream order.
void for_each_tool_delta(Chunks& chunks,
                         const std::function<void(json&, const CallKey&, bool)>& visit) {
  std::set<CallKey> seen;
  std::map<std::int64_t, std::int64_t> unindexed_calls;  // per choice
  for_each_choice(chunks, [&](json& choice) {
    const auto delta = choice.find("delta");
    if (delta == choice.end() || !delta->is_object()) return;
    const auto calls = delta->find("tool_calls");
    if (calls == delta->end() || !calls->is_array()) return;
    const auto choice_index = integer_or(choice, "index", 0);
    for (auto& call : *calls) {
      if (!call.is_object()) continue;
      auto call_index = integer_or(call, "index", -1);
      if (call_index < 0) {
        auto& opened = unindexed_calls[choice_index];
        if (call.contains("id") || opened == 0) ++opened;
        call_index = -opened;
      }
      const CallKey key{choice_index, call_index};
      visit(call, key, seen.insert(key).second);
    }
  });
}

/// Continuation deltas of custom tools carry `custom`, not `function`; they are left alone.
bool is_function_delta(const json& call) { return !call.contains("custom"); }

bool carries_nothing(const json& choice) {
  const auto delta = choice.find("delta");
  const bool empty_delta = delta == choice.end() || (delta->is_object() && delta->empty());
  const auto logprobs = choice.find("logprobs");
  return empty_delta && (logprobs == choice.end() || logprobs->is_null());
}

bool has_finish(const json& choice) {
  const auto reason = choice.find("finish_reason");
  return reason != choice.end() && !reason->is_null();
}

/// Erases the marked choice entries, then the chunks that had choices and now have none (a
/// usage chunk, which always had `"choices":[]`, stays).
void erase_marked(Chunks& chunks, const std::set<std::pair<std::size_t, std::size_t>>& marked) {
  std::vector<bool> emptied(chunks.size(), false);
  for (auto it = marked.rbegin(); it != marked.rend(); ++it) {
    auto& choices = chunks[it->first]["choices"];
    choices.erase(choices.begin() + static_cast<std::ptrdiff_t>(it->second));
    emptied[it->first] = choices.empty();
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < chunks.size(); ++i) {
    if (!emptied[i]) chunks[kept++] = std::move(chunks[i]);
  }
  chunks.resize(kept);
}
}  // namespace

void drop_tool_indexes(Chunks& chunks) {
  for_each_tool_delta(chunks, [](json& call, const CallKey&, bool) { call.erase("index"); });
}

void renumber_tool_indexes(Chunks& chunks, ToolIndexing indexing) {
  for_each_tool_delta(chunks, [indexing](json& call, const CallKey& key, bool) {
    if (key.second < 0) return;
    call["index"] = indexing == ToolIndexing::one_based ? key.second + 1 : key.second * 2;
  });
}

void repeat_tool_identity(Chunks& chunks) {
  std::map<CallKey, json> identity;
  for_each_tool_delta(chunks, [&](json& call, const CallKey& key, bool opener) {
    if (opener) {
      json& remembered = identity[key];
      for (const char* field : {"id", "type"}) {
        if (call.contains(field)) remembered[field] = call[field];
      }
      if (call.contains("function") && call["function"].contains("name")) {
        remembered["name"] = call["function"]["name"];
      }
      return;
    }
    const json& remembered = identity[key];
    for (const char* field : {"id", "type"}) {
      if (remembered.contains(field)) call[field] = remembered[field];
    }
    if (remembered.contains("name") && is_function_delta(call)) {
      call["function"]["name"] = remembered["name"];
    }
  });
}

void null_name_in_tool_continuations(Chunks& chunks) {
  for_each_tool_delta(chunks, [](json& call, const CallKey&, bool opener) {
    if (!opener && is_function_delta(call)) call["function"]["name"] = nullptr;
  });
}

void empty_type_in_tool_continuations(Chunks& chunks) {
  for_each_tool_delta(chunks, [](json& call, const CallKey&, bool opener) {
    if (!opener) call["type"] = "";
  });
}

void delay_tool_identity(Chunks& chunks, bool never_sent) {
  std::map<CallKey, json> pending;
  for_each_tool_delta(chunks, [&](json& call, const CallKey& key, bool opener) {
    if (opener) {
      json& held = pending[key];
      for (const char* field : {"id", "type"}) {
        if (call.contains(field)) held[field] = call[field];
        call.erase(field);
      }
      return;
    }
    const auto it = pending.find(key);
    if (it == pending.end()) return;
    if (!never_sent && it->second.is_object()) call.update(it->second);
    pending.erase(it);
  });
}

void put_role_in_every_delta(Chunks& chunks) {
  for_each_choice(chunks, [](json& choice) {
    json& delta = choice["delta"];
    if (delta.is_null()) delta = json::object();
    if (delta.is_object()) delta["role"] = "assistant";
  });
}

void drop_roles(Chunks& chunks) {
  for_each_delta(chunks, [](json& delta) { delta.erase("role"); });
}

void drop_finish_reasons(Chunks& chunks) {
  std::set<std::pair<std::size_t, std::size_t>> finish_only;
  for (std::size_t c = 0; c < chunks.size(); ++c) {
    auto choices = chunks[c].find("choices");
    if (choices == chunks[c].end() || !choices->is_array()) continue;
    for (std::size_t k = 0; k < choices->size(); ++k) {
      json& choice = (*choices)[k];
      if (!choice.is_object() || !has_finish(choice)) continue;
      if (carries_nothing(choice)) {
        finish_only.insert({c, k});
      } else {
        choice["finish_reason"] = nullptr;
      }
    }
  }
  erase_marked(chunks, finish_only);
}

void merge_finish_into_last_delta(Chunks& chunks) {
  std::map<std::int64_t, std::pair<std::size_t, std::size_t>> last_carrier;
  std::set<std::pair<std::size_t, std::size_t>> merged;
  for (std::size_t c = 0; c < chunks.size(); ++c) {
    auto choices = chunks[c].find("choices");
    if (choices == chunks[c].end() || !choices->is_array()) continue;
    for (std::size_t k = 0; k < choices->size(); ++k) {
      json& choice = (*choices)[k];
      if (!choice.is_object()) continue;
      const auto index = integer_or(choice, "index", 0);
      const auto carrier = last_carrier.find(index);
      if (has_finish(choice) && carries_nothing(choice) && carrier != last_carrier.end()) {
        chunks[carrier->second.first]["choices"][carrier->second.second]["finish_reason"] =
            choice["finish_reason"];
        merged.insert({c, k});
      } else if (!carries_nothing(choice)) {
        last_carrier[index] = {c, k};
      }
    }
  }
  erase_marked(chunks, merged);
}

void lead_with_second_choice(Chunks& chunks) {
  const auto only_choice_one = [](const json& chunk) {
    const auto choices = chunk.find("choices");
    return choices != chunk.end() && choices->is_array() && choices->size() == 1 &&
           integer_or((*choices)[0], "index", 0) == 1;
  };
  const auto first = std::find_if(chunks.begin(), chunks.end(), only_choice_one);
  if (first != chunks.end()) std::rotate(chunks.begin(), first, first + 1);
}

void switch_id_midway(Chunks& chunks, const std::string& new_id) {
  for (std::size_t i = std::max<std::size_t>(chunks.size() / 2, 1); i < chunks.size(); ++i) {
    chunks[i]["id"] = new_id;
  }
}

void insert_choiceless_chunks(Chunks& chunks) {
  if (chunks.empty()) return;
  json without_choices = chunks.front();
  without_choices.erase("choices");
  json null_choices = chunks.front();
  null_choices["choices"] = nullptr;
  chunks.insert(chunks.begin() + 1, std::move(without_choices));
  const auto middle = std::max<std::size_t>(chunks.size() / 2, 2);
  chunks.insert(chunks.begin() + static_cast<std::ptrdiff_t>(middle), std::move(null_choices));
}

}  // namespace chatmock::scenarios
