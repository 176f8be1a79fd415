// Every hook derives its decisions from labelled forks of ctx.rng (fork() does not advance the
// generator), so the body, chunk and wire stages agree on one plan and a seed replays the same
// bytes. The first mutation of a reply is always one the schema rejects (a dropped or nulled
// required key, a wrong type, an unknown enum value, invalid UTF-8, broken framing), so the
// output breaks the spec at every level; huge numbers, unknown fields, long strings and deep
// nesting only join from the second mutation on, and their size grows with the level.
#include "scenarios/core_fuzz.h"

#include <algorithm>
#include <array>
#include <limits>
#include <set>
#include <string_view>

#include "scenarios/transport_edits.h"

namespace chatmock::scenarios {

namespace {
using nlohmann::json;

template <class T>
const T& pick(const std::vector<T>& options, synthesis::Rng& rng) {
  return options[static_cast<std::size_t>(
      rng.between(0, static_cast<std::int64_t>(options.size()) - 1))];
}

struct Location {
  json::json_pointer pointer;
  std::string key;  ///< "" for array items
};

// Locations deeper than any real reply's (a completion nests about 8 levels) are not targets:
// after a deep-nesting mutation, walking all of them would cost depth² per mutation.
constexpr int kMaxTargetDepth = 16;

void collect(const json& node, const json::json_pointer& at, std::vector<Location>& out,
             int depth = 0) {
  if (depth >= kMaxTargetDepth) return;
  if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      out.push_back({at / key, key});
      collect(value, at / key, out, depth + 1);
    }
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) {
      out.push_back({at / i, ""});
      collect(node[i], at / i, out, depth + 1);
    }
  }
}

// Keys required wherever they occur, in a completion and in a chunk alike (role, type, name and
// arguments are required in a message but optional in a delta, so they are left out).
const std::set<std::string, std::less<>> kRequiredKeys = {
    "id",      "object",  "created",       "model",         "choices",           "index",
    "message", "delta",   "finish_reason", "prompt_tokens", "completion_tokens", "total_tokens",
    "token",   "logprob", "top_logprobs",  "url_citation",  "start_index",       "end_index",
    "url",     "title"};
// Required keys that may hold null (chunk finish_reason is nullable, so it is left out too).
const std::set<std::string, std::less<>> kNullableKeys = {"content", "refusal", "logprobs", "bytes",
                                                          "finish_reason"};

const std::vector<std::pair<std::string_view, std::vector<std::string>>> kUnknownEnumValues = {
    {"finish_reason", {"eos", "end_turn", "error", "max_tokens", "STOP"}},
    {"object", {"chat.completion.v2", "text_completion", "response"}},
    {"role", {"model", "bot", "Assistant"}},
    {"type", {"tool_use", "web_search", "Function"}},
    {"service_tier", {"ultrafast", "standard"}},
};
const FuzzSchema kChatFuzzSchema{kRequiredKeys, kNullableKeys, kUnknownEnumValues};

std::vector<Location> where(const json& root, auto&& keep) {
  std::vector<Location> all;
  collect(root, json::json_pointer(), all);
  std::vector<Location> out;
  std::copy_if(all.begin(), all.end(), std::back_inserter(out),
               [&](const Location& l) { return keep(l, root.at(l.pointer)); });
  return out;
}

json confused(const json& value) {
  if (value.is_string()) return value.get<std::string>().size();
  if (value.is_number()) return value.dump();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_array()) return json{{"0", value.empty() ? json() : value[0]}};
  if (value.is_object()) return json::array({value});
  return false;
}

/// A string of `length` bytes: repeated words, so it still looks like text.
std::string long_string(std::size_t length) {
  constexpr std::string_view kWords = "lorem ipsum dolor sit amet ";
  std::string text;
  text.reserve(length);
  while (text.size() < length)
    text += kWords.substr(0, std::min(kWords.size(), length - text.size()));
  return text;
}

/// `value` wrapped in `depth` alternating single-element arrays and objects.
json nested(json value, int depth) {
  for (int i = 0; i < depth; ++i) {
    value = i % 2 == 0 ? json::array({std::move(value)}) : json{{"x", std::move(value)}};
  }
  return value;
}

/// Mutations that keep the schema's shape but stress a parser: an unknown field, a long string,
/// deep nesting. Sizes scale with the level (2: 4 KiB / depth 64; 3: 256 KiB / depth 1500).
bool stress_json(json& root, synthesis::Rng& rng, std::int64_t kind, int level) {
  if (kind == 5) {
    const auto objects = where(root, [](const Location&, const json& v) { return v.is_object(); });
    json& target = objects.empty() ? root : root.at(pick(objects, rng).pointer);
    if (!target.is_object()) return false;
    const std::vector<json> values = {"surprise", 42, nullptr, json::object(), json::array({1})};
    target["x_unknown_" + std::to_string(rng.between(0, 999))] = pick(values, rng);
    return true;
  }
  const std::size_t length = level >= 3 ? 256 * 1024 : 4 * 1024;
  const int depth = level >= 3 ? 1500 : 64;
  if (kind == 6) {
    const auto strings = where(root, [](const Location&, const json& v) { return v.is_string(); });
    if (strings.empty()) return false;
    root.at(pick(strings, rng).pointer) = long_string(length);
    return true;
  }
  const auto values = where(root, [](const Location& l, const json&) { return !l.key.empty(); });
  if (values.empty()) return false;
  json& target = root.at(pick(values, rng).pointer);
  target = nested(std::move(target), depth);
  return true;
}

void insert_invalid_utf8(std::vector<wire::WireWrite>& writes, synthesis::Rng& rng) {
  static const std::vector<std::string> kInvalid = {
      "\xFF", "\xC3\x28", "\xE2\x82", "\xED\xA0\x80", "\xC0\xAF", "\xF8\x88\x80\x80\x80"};
  std::vector<std::pair<std::size_t, std::size_t>> string_starts;
  for (std::size_t w = 0; w < writes.size(); ++w) {
    for (auto at = writes[w].bytes.find("\":\""); at != std::string::npos;
         at = writes[w].bytes.find("\":\"", at + 1)) {
      string_starts.emplace_back(w, at + 3);
    }
  }
  if (string_starts.empty()) {
    if (!writes.empty()) writes.front().bytes.insert(0, pick(kInvalid, rng));
    return;
  }
  const auto [w, at] = pick(string_starts, rng);
  writes[w].bytes.insert(at, pick(kInvalid, rng));
}

/// Escapes JSON forbids or that decode to nothing valid: a lone surrogate, a short \u, an
/// unknown letter, a trailing backslash.
void insert_bad_escape(std::vector<wire::WireWrite>& writes, synthesis::Rng& rng) {
  static const std::vector<std::string> kBad = {"\\uD800", "\\u12",          "\\x41",
                                                "\\q",     "\\uDC00\\uD800", "\\"};
  std::vector<std::pair<std::size_t, std::size_t>> string_starts;
  for (std::size_t w = 0; w < writes.size(); ++w) {
    for (auto at = writes[w].bytes.find("\":\""); at != std::string::npos;
         at = writes[w].bytes.find("\":\"", at + 1)) {
      string_starts.emplace_back(w, at + 3);
    }
  }
  if (string_starts.empty()) return;
  const auto [w, at] = pick(string_starts, rng);
  writes[w].bytes.insert(at, pick(kBad, rng));
}

/// The body ends early: a Content-Length body keeps declaring its full length, a stream is cut.
void truncate_body(wire::WireReply& reply, synthesis::Rng& rng) {
  const auto size = static_cast<std::int64_t>(body_size(reply));
  if (size < 2) return;
  cut_after(reply, static_cast<std::size_t>(rng.between(1, size - 1)));
}

void break_framing(std::vector<wire::WireWrite>& writes, synthesis::Rng& rng) {
  if (writes.empty()) return;
  auto& write = writes[static_cast<std::size_t>(
      rng.between(0, static_cast<std::int64_t>(writes.size()) - 1))];
  auto& bytes = write.bytes;
  switch (rng.between(0, 5)) {
    case 0:  // no blank line: this event's data runs into the next one's
      if (bytes.ends_with("\r\n")) {
        bytes.resize(bytes.size() - 2);
      } else if (!bytes.empty()) {
        bytes.pop_back();
      }
      return;
    case 1:
      if (const auto at = bytes.find("data:"); at != std::string::npos)
        bytes.replace(at, 5, "dta:");
      return;
    case 2:  // the JSON ends mid-value but the event is terminated
      if (bytes.size() > 8) {
        const auto cut = rng.between(6, static_cast<std::int64_t>(bytes.size()) - 3);
        bytes = bytes.substr(0, static_cast<std::size_t>(cut)) + "\n\n";
      }
      return;
    case 3:  // the end marker goes: Chat's [DONE], else (Responses) the terminal event
      if (std::erase_if(writes, [](const wire::WireWrite& w) {
            return w.bytes.find("[DONE]") != std::string::npos;
          }) == 0)
        writes.pop_back();
      return;
    case 4: {
      static const std::vector<std::string> kGarbage = {"HTTP/1.1 200 OK\n", "<!DOCTYPE html>\n",
                                                        "\xEF\xBB\xBF", "{\"partial\":\n\n",
                                                        "data\n\n"};
      bytes.insert(0, pick(kGarbage, rng));
      return;
    }
    default:
      bytes.insert(0, "event: error\n");
      return;
  }
}
}  // namespace

void mutate_fuzz_json(json& root, synthesis::Rng& rng, bool must_break, int level,
                      const FuzzSchema& schema) {
  const auto kind = rng.between(0, must_break ? 3 : 7);
  if (kind >= 5 && stress_json(root, rng, kind, level)) return;
  if (kind == 0) {
    const auto found = where(
        root, [&](const Location& l, const json&) { return schema.required_keys.contains(l.key); });
    if (!found.empty()) {
      const auto& at = pick(found, rng);
      root.at(at.pointer.parent_pointer()).erase(at.key);
      return;
    }
  } else if (kind == 1) {
    const auto found = where(root, [&](const Location& l, const json& v) {
      return schema.required_keys.contains(l.key) && !schema.nullable_keys.contains(l.key) &&
             !v.is_null();
    });
    if (!found.empty()) {
      root.at(pick(found, rng).pointer) = nullptr;
      return;
    }
  } else if (kind == 3) {
    // No structured binding: clang before 16 cannot capture one in the lambda below.
    const auto& unknown = schema.unknown_enum_values[static_cast<std::size_t>(
        rng.between(0, static_cast<std::int64_t>(schema.unknown_enum_values.size()) - 1))];
    const std::string_view key = unknown.first;
    const auto found = where(root, [&](const Location& l, const json&) { return l.key == key; });
    if (!found.empty()) {
      root.at(pick(found, rng).pointer) = pick(unknown.second, rng);
      return;
    }
  } else if (kind == 4) {
    const auto found =
        where(root, [](const Location&, const json& v) { return v.is_number_integer(); });
    if (!found.empty()) {
      const std::vector<json> huge = {1e308,
                                      std::numeric_limits<std::uint64_t>::max(),
                                      std::numeric_limits<std::int64_t>::min(),
                                      9007199254740993LL,
                                      1.5,
                                      -1};
      root.at(pick(found, rng).pointer) = pick(huge, rng);
      return;
    }
  }
  // Type confusion always has a target (the root object has keys) and always breaks the schema.
  const auto found = where(root, [](const Location&, const json& v) { return !v.is_null(); });
  if (found.empty()) return;
  json& target = root.at(pick(found, rng).pointer);
  target = confused(target);
}

int fuzz_level(const reply::Directives& directives) { return directives.fuzz_level.value_or(1); }

int fuzz_level(const ScenarioContext& ctx) { return fuzz_level(ctx.directives); }

FuzzPlan fuzz_plan(const synthesis::Rng& scenario_rng, int level) {
  synthesis::Rng rng = scenario_rng.fork("fuzz/plan");
  const auto total = level == 1 ? 1 : level == 2 ? rng.between(2, 3) : rng.between(4, 6);
  FuzzPlan plan;
  for (std::int64_t i = 0; i < total; ++i)
    ++(rng.chance(0.3) ? plan.byte_mutations : plan.json_mutations);
  return plan;
}

void fuzz_body(nlohmann::json& body, ScenarioContext& ctx) {
  synthesis::Rng rng = ctx.rng.fork("fuzz/json");
  const auto plan = fuzz_plan(ctx.rng, fuzz_level(ctx));
  for (int i = 0; i < plan.json_mutations; ++i)
    mutate_fuzz_json(body, rng, i == 0, fuzz_level(ctx), kChatFuzzSchema);
}

void fuzz_chunks(std::vector<nlohmann::json>& chunks, ScenarioContext& ctx) {
  if (chunks.empty()) return;
  synthesis::Rng rng = ctx.rng.fork("fuzz/json");
  const auto plan = fuzz_plan(ctx.rng, fuzz_level(ctx));
  for (int i = 0; i < plan.json_mutations; ++i) {
    auto& chunk = chunks[static_cast<std::size_t>(
        rng.between(0, static_cast<std::int64_t>(chunks.size()) - 1))];
    mutate_fuzz_json(chunk, rng, i == 0, fuzz_level(ctx), kChatFuzzSchema);
  }
}

void fuzz_wire(wire::WireReply& reply, ScenarioContext& ctx) {
  synthesis::Rng rng = ctx.rng.fork("fuzz/bytes");
  const auto plan = fuzz_plan(ctx.rng, fuzz_level(ctx));
  const bool stream = reply.content_type.starts_with("text/event-stream");
  bool truncated = false;
  for (int i = 0; i < plan.byte_mutations; ++i) {
    if (stream && rng.chance(0.5)) {
      break_framing(reply.writes, rng);
      continue;
    }
    const auto kind = rng.between(0, 3);
    if (kind == 0 && !truncated) {
      // Last in effect: later mutations edit what is left of the body.
      truncate_body(reply, rng);
      truncated = true;
    } else if (kind == 1) {
      insert_bad_escape(reply.writes, rng);
    } else {
      insert_invalid_utf8(reply.writes, rng);
    }
  }
}

}  // namespace chatmock::scenarios
