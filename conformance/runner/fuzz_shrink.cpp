// Greedy delta debugging with a run budget: drop whole stream events, then JSON members and
// array items, then shorten strings, then drop byte ranges of what is not JSON. Each candidate
// is served by a stub that matches only its own X-Chatmock-Shrink token, so the server's other
// stubs and the fuzz scenario stay out of the way.
#include "runner/fuzz_shrink.h"

#include <httplib.h>

#include <algorithm>
#include <functional>
#include <optional>

#include "runner/adapter_process.h"
#include "runner/fuzz_cases.h"

namespace chatmock::conform {
namespace {

using nlohmann::json;

// No dependency here exposes an encoder, and data_base64 is how stubs carry non-UTF-8 bytes.
std::string base64(std::string_view bytes) {
  static constexpr std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    std::uint32_t n = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
    if (i + 1 < bytes.size())
      n |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
    if (i + 2 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[n & 63] : '=';
  }
  return out;
}

struct Reply {
  int status = 200;
  std::string content_type;
  std::vector<std::string> pieces;  ///< stream events (with their blank line) or the one body
  bool cut = false;
};

std::string joined(const std::vector<std::string>& pieces) {
  std::string all;
  for (const auto& piece : pieces) all += piece;
  return all;
}

/// Splits an event stream after each blank line ("\n\n" or "\r\n\r\n").
std::vector<std::string> split_events(const std::string& body) {
  std::vector<std::string> events;
  std::size_t from = 0;
  for (std::size_t at = 0; at + 1 < body.size(); ++at) {
    if (body[at] == '\n' &&
        (body[at + 1] == '\n' ||
         (body[at + 1] == '\r' && at + 2 < body.size() && body[at + 2] == '\n'))) {
      const std::size_t end = body[at + 1] == '\n' ? at + 2 : at + 3;
      events.push_back(body.substr(from, end - from));
      from = at = end;
      --at;
    }
  }
  if (from < body.size()) events.push_back(body.substr(from));
  return events;
}

Reply fetch_reply(const ConformanceCase& c, const SuiteOptions& options) {
  httplib::Client client(options.root_url);
  client.set_read_timeout(30, 0);
  httplib::Headers headers = {{"Authorization", "Bearer " + options.api_key},
                              {"X-Chatmock-Scenario", c.scenario}};
  for (const auto& [name, value] : c.headers.items()) {
    headers.emplace(name, value.is_string() ? value.get<std::string>() : value.dump());
  }
  Reply reply;
  std::string body;
  httplib::Request request;
  request.method = "POST";
  request.path = case_route(c);
  request.headers = headers;
  request.body = c.request.dump();
  request.set_header("Content-Type", "application/json");
  request.response_handler = [&](const httplib::Response& response) {
    reply.status = response.status;
    reply.content_type = response.get_header_value("Content-Type");
    return true;
  };
  request.content_receiver = [&](const char* data, std::size_t size, std::uint64_t, std::uint64_t) {
    body.append(data, size);
    return true;
  };
  const auto result = client.send(request);
  reply.cut = !result;
  const bool stream = reply.content_type.starts_with("text/event-stream");
  reply.pieces = stream ? split_events(body) : std::vector<std::string>{body};
  return reply;
}

class Shrinker {
 public:
  Shrinker(const ConformanceCase& c, const ClientSpec& client, const SuiteOptions& options,
           int max_runs)
      : case_(c), client_(client), options_(options), max_runs_(max_runs) {}

  int runs() const { return runs_; }
  bool budget_left() const { return runs_ < max_runs_; }

  /// Serves `reply` through a one-off stub and reports whether the adapter still fails for the
  /// same reason as the first reply tried (so shrinking never trades one bug for another).
  bool fails(const Reply& reply) {
    const auto verdict = judge(reply);
    if (!verdict) return false;
    if (!reason_) reason_ = verdict->reason;
    return verdict->outcome == Outcome::kFail && verdict->reason == *reason_;
  }

 private:
  std::optional<Verdict> judge(const Reply& reply) {
    ++runs_;
    const std::string token = "shrink-" + std::to_string(runs_);
    json stub = {
        {"id", "conform-" + token},
        {"priority", 1},
        {"match", {{"headers", {{"x-chatmock-shrink", token}}}}},
        {"reply", {{"status", reply.status}, {"headers", {{"content-type", reply.content_type}}}}}};
    json chunks = json::array();
    for (const auto& piece : reply.pieces) chunks.push_back({{"data_base64", base64(piece)}});
    stub["reply"]["chunks"] = std::move(chunks);
    if (reply.cut) stub["reply"]["ending"] = "cut";
    httplib::Client admin(options_.root_url);
    const auto added = admin.Post("/_chatmock/fixtures", stub.dump(), "application/json");
    if (!added || added->status / 100 != 2) return std::nullopt;

    const json input = adapter_input_for(case_, {{"X-Chatmock-Shrink", token}});
    const AdapterRun run = run_adapter(
        client_.command, input.dump() + "\n",
        {{"OPENAI_BASE_URL", options_.root_url + "/v1"}, {"OPENAI_API_KEY", options_.api_key}},
        options_.timeout_ms);
    admin.Delete("/_chatmock/fixtures/conform-" + token);
    return judge_run(case_.expectation, run, {}, case_.request.value("stream", false),
                     case_api(case_));
  }

  std::optional<std::string> reason_;
  const ConformanceCase& case_;
  const ClientSpec& client_;
  const SuiteOptions& options_;
  int max_runs_;
  int runs_ = 0;
};

/// Every member / item of `node` as a pointer, parents before children.
void paths(const json& node, const json::json_pointer& at, std::vector<json::json_pointer>& out) {
  if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      out.push_back(at / key);
      paths(value, at / key, out);
    }
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) {
      out.push_back(at / i);
      paths(node[i], at / i, out);
    }
  }
}

/// Pares the JSON of one piece down while `still_fails(text)` holds.
std::string shrink_json(json value, const std::function<std::string(const json&)>& render,
                        Shrinker& shrinker,
                        const std::function<bool(const std::string&)>& still_fails) {
  bool progress = true;
  while (progress && shrinker.budget_left()) {
    progress = false;
    std::vector<json::json_pointer> all;
    paths(value, json::json_pointer(), all);
    for (auto it = all.rbegin(); it != all.rend() && shrinker.budget_left(); ++it) {
      json candidate = value;
      json& parent = candidate.at(it->parent_pointer());
      if (parent.is_object()) {
        parent.erase(it->back());
      } else {
        parent.erase(static_cast<std::size_t>(std::stoul(it->back())));
      }
      if (still_fails(render(candidate))) {
        value = std::move(candidate);
        progress = true;
        break;
      }
      json& leaf = value.at(*it);
      if (leaf.is_string() && leaf.get<std::string>().size() > 1) {
        json shorter = value;
        const auto text = leaf.get<std::string>();
        shorter.at(*it) = text.substr(0, text.size() / 2);
        if (still_fails(render(shorter))) {
          value = std::move(shorter);
          progress = true;
          break;
        }
      }
    }
  }
  return render(value);
}

/// Drops byte ranges of a piece that is not JSON, halving the range size down to one byte.
std::string shrink_bytes(std::string piece, Shrinker& shrinker,
                         const std::function<bool(const std::string&)>& still_fails) {
  for (std::size_t size = piece.size() / 2; size > 0 && shrinker.budget_left(); size /= 2) {
    for (std::size_t at = 0; at + size <= piece.size() && shrinker.budget_left();) {
      std::string candidate = piece;
      candidate.erase(at, size);
      if (still_fails(candidate)) {
        piece = std::move(candidate);
      } else {
        at += size;
      }
    }
  }
  return piece;
}

}  // namespace

ShrinkResult shrink_fuzz_failure(const ConformanceCase& c, const ClientSpec& client,
                                 const SuiteOptions& options, int max_runs) {
  Reply reply = fetch_reply(c, options);
  ShrinkResult result{.original_bytes = joined(reply.pieces).size(),
                      .content_type = reply.content_type};
  Shrinker shrinker(c, client, options, max_runs);
  result.reproduced = shrinker.fails(reply);
  if (result.reproduced) {
    // The connection cut only matters if the failure needs it.
    if (reply.cut) {
      Reply whole = reply;
      whole.cut = false;
      if (shrinker.fails(whole)) reply = whole;
    }
    for (std::size_t i = reply.pieces.size(); i-- > 0 && shrinker.budget_left();) {
      Reply fewer = reply;
      fewer.pieces.erase(fewer.pieces.begin() + static_cast<std::ptrdiff_t>(i));
      if (!fewer.pieces.empty() && shrinker.fails(fewer)) reply = std::move(fewer);
    }
    for (std::size_t i = 0; i < reply.pieces.size() && shrinker.budget_left(); ++i) {
      const std::string& piece = reply.pieces[i];
      const bool event = piece.starts_with("data: ");
      const std::size_t start = event ? 6 : 0;
      const std::size_t end = event ? piece.find_last_not_of("\r\n") + 1 : piece.size();
      const json parsed = json::parse(piece.substr(start, end - start), nullptr, false);
      auto still_fails = [&](const std::string& text) {
        Reply candidate = reply;
        candidate.pieces[i] = text;
        return shrinker.fails(candidate);
      };
      if (parsed.is_discarded() || !parsed.is_structured()) {
        reply.pieces[i] = shrink_bytes(piece, shrinker, still_fails);
        continue;
      }
      const std::string suffix = event ? piece.substr(end) : "";
      auto render = [&](const json& value) {
        return (event ? "data: " : "") + value.dump() + suffix;
      };
      reply.pieces[i] = shrink_json(parsed, render, shrinker, still_fails);
    }
  }
  result.minimal = joined(reply.pieces);
  result.cut = reply.cut;
  result.runs = shrinker.runs();
  return result;
}

void print_shrunk_failures(const std::vector<CaseResult>& results,
                           const std::vector<ConformanceCase>& cases,
                           const std::vector<ClientSpec>& clients, const SuiteOptions& options,
                           std::size_t limit, std::ostream& out) {
  std::size_t shrunk = 0;
  for (const CaseResult& r : results) {
    if (!counts_as_failed(r.standing) || shrunk >= limit) continue;
    const auto seed = fuzz_seed_of(r.case_id);
    const ConformanceCase* c = case_of_result(cases, r.case_id);
    const auto client = std::find_if(clients.begin(), clients.end(),
                                     [&](const ClientSpec& each) { return each.name == r.client; });
    if (!seed || c == nullptr || client == clients.end()) continue;
    ++shrunk;
    const ShrinkResult s = shrink_fuzz_failure(*c, *client, options, 200);
    out << "shrunk " << c->id.substr(0, c->id.find('.')) << " seed " << *seed << " [" << r.client
        << "]: ";
    if (!s.reproduced) {
      out << "the reply served back did not fail again (the failure depends on timing)\n";
      continue;
    }
    out << s.original_bytes << " -> " << s.minimal.size() << " bytes in " << s.runs << " runs ("
        << s.content_type << (s.cut ? ", connection cut" : "") << "):\n  "
        << json(s.minimal).dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
  }
}

}  // namespace chatmock::conform
