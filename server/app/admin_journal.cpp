// Filters are exact matches on what the journal keeps (the path also matches with its
// /sessions/ and /scenarios/ prefixes taken off, so ?path=/v1/chat/completions finds them all).
// A verification parses each kept body once; the work is bounded by --journal-bytes.
#include "app/admin_journal.h"

#include <charconv>
#include <limits>

#include "api/api_error.h"
#include "reply/directives_session.h"
#include "reply/error_reply.h"
#include "stubbing/fixture_reader.h"
#include "stubbing/match_input.h"
#include "stubbing/stub_parser.h"

namespace chatmock::app {

namespace {
struct JournalFilter {
  std::optional<std::string> session;
  std::optional<std::string> path;
  std::optional<std::string> scenario;
  std::optional<std::int64_t> status;
  std::optional<std::int64_t> since_ms;
  std::optional<std::int64_t> limit;
  bool unmatched_only = false;
};

api::ApiError bad_query(std::string_view name, std::string_view value, std::string_view form) {
  return api::invalid_request("Invalid query parameter " + std::string(name) + "='" +
                                  std::string(value.substr(0, 32)) + "': expected " +
                                  std::string(form) + ".",
                              std::string(name), std::string("invalid_query_parameter"));
}

reply::Expected<std::optional<std::int64_t>> integer_query(const wire::HttpRequest& request,
                                                           std::string_view name, std::int64_t low,
                                                           std::int64_t high,
                                                           std::string_view form) {
  const auto text = request.query_value(name);
  if (!text) return std::optional<std::int64_t>();
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc() || end != text->data() + text->size() || value < low || value > high)
    return bad_query(name, *text, form);
  return std::optional<std::int64_t>(value);
}

reply::Expected<JournalFilter> read_filter(const ServerContext& server,
                                           const wire::HttpRequest& request) {
  JournalFilter filter;
  filter.session = admin_session_scope(request);
  if (const auto path = request.query_value("path")) filter.path = std::string(*path);
  if (const auto scenario = request.query_value("scenario"))
    filter.scenario = std::string(*scenario);
  auto status = integer_query(request, "status", 100, 599, "an HTTP status, 100 to 599");
  if (!status) return status.error();
  filter.status = *status;
  auto since = integer_query(request, "since", 0, std::numeric_limits<std::int64_t>::max(),
                             "milliseconds since the epoch, as received_at_ms");
  if (!since) return since.error();
  filter.since_ms = *since;
  const auto most = static_cast<std::int64_t>(std::max<std::size_t>(server.journal.capacity(), 1));
  auto limit =
      integer_query(request, "limit", 1, most,
                    "1 to the journal's size (" + std::to_string(most) + ", --journal-size)");
  if (!limit) return limit.error();
  filter.limit = *limit;
  return filter;
}

std::string_view routed_path(std::string_view path) {
  path = reply::split_session_prefix(path).rest;
  constexpr std::string_view kScenarios = "/scenarios/";
  if (!path.starts_with(kScenarios)) return path;
  const auto slash = path.find('/', kScenarios.size());
  return slash == std::string_view::npos ? std::string_view("/") : path.substr(slash);
}

bool passes(const JournalFilter& filter, const journal::ServeEvent& event) {
  return (!filter.session || event.session == *filter.session) &&
         (!filter.path || event.path == *filter.path || routed_path(event.path) == *filter.path) &&
         (!filter.scenario || event.scenario == *filter.scenario) &&
         (!filter.status || event.status == *filter.status) &&
         (!filter.since_ms || event.received_at_ms >= *filter.since_ms) &&
         (!filter.unmatched_only || event.unmatched);
}

/// The events that pass `filter`, oldest first; with a limit, the newest `limit` of them.
std::vector<journal::ServeEvent> select(const ServerContext& server, const JournalFilter& filter) {
  std::vector<journal::ServeEvent> out;
  for (auto& event : server.journal.snapshot()) {
    if (passes(filter, event)) out.push_back(std::move(event));
  }
  if (filter.limit && out.size() > static_cast<std::size_t>(*filter.limit))
    out.erase(out.begin(), out.end() - *filter.limit);
  return out;
}

wire::WireReply requests_reply(const std::vector<journal::ServeEvent>& events) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& event : events) list.push_back(journal::to_json_value(event));
  return wire::json_reply(200, reply::dump_json({{"requests", std::move(list)}}));
}

/// The journalled events that pass the query filters and match the posted request pattern.
reply::Expected<std::vector<journal::ServeEvent>> verify(ServerContext& server,
                                                         const wire::HttpRequest& request) {
  auto filter = read_filter(server, request);
  if (!filter) return filter.error();
  const auto document = nlohmann::ordered_json::parse(request.body, nullptr, false);
  if (document.is_discarded() || !document.is_object()) {
    return api::invalid_request(
        "The body must be a request pattern: a JSON object in a stub's `match` syntax "
        "(fixtures/README.md).",
        std::nullopt, std::string("invalid_request_pattern"));
  }
  stubbing::RequestPattern pattern;
  try {
    pattern = stubbing::parse_request_pattern(stubbing::FixtureReader(document, ""));
  } catch (const stubbing::StubParseError& error) {
    return api::invalid_request(
        "Invalid request pattern at '" + error.pointer() + "': " + error.what(), error.pointer(),
        std::string("invalid_request_pattern"));
  }
  std::vector<journal::ServeEvent> matched;
  for (auto& event : select(server, *filter)) {
    wire::HttpRequest http;
    http.method = event.method;
    http.path = event.path;
    for (const auto& [name, value] : event.headers) http.headers.emplace_back(name, value);
    const auto body = nlohmann::json::parse(event.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) continue;  // cut or not JSON: cannot match
    if (pattern.matches(stubbing::MatchInput{body, http})) matched.push_back(std::move(event));
  }
  return matched;
}
}  // namespace

std::optional<std::string> admin_session_scope(const wire::HttpRequest& request) {
  if (const auto session = request.query_value("session")) return std::string(*session);
  if (const auto prefix = reply::split_session_prefix(request.path).session; !prefix.empty())
    return std::string(prefix);
  return std::nullopt;
}

wire::WireReply admin_list_requests(ServerContext& server, const wire::HttpRequest& request) {
  const auto filter = read_filter(server, request);
  if (!filter) return reply::error_reply(filter.error());
  return requests_reply(select(server, *filter));
}

wire::WireReply admin_unmatched_requests(ServerContext& server, const wire::HttpRequest& request) {
  auto filter = read_filter(server, request);
  if (!filter) return reply::error_reply(filter.error());
  filter->unmatched_only = true;
  return requests_reply(select(server, *filter));
}

wire::WireReply admin_clear_requests(ServerContext& server, const wire::HttpRequest& request) {
  if (const auto session = admin_session_scope(request)) {
    server.journal.reset_session(*session);
  } else {
    server.journal.reset();
  }
  return wire::json_reply(200, reply::dump_json({{"requests", nlohmann::json::array()}}));
}

wire::WireReply admin_count_requests(ServerContext& server, const wire::HttpRequest& request) {
  const auto matched = verify(server, request);
  if (!matched) return reply::error_reply(matched.error());
  return wire::json_reply(200, reply::dump_json({{"count", matched->size()}}));
}

wire::WireReply admin_find_requests(ServerContext& server, const wire::HttpRequest& request) {
  const auto matched = verify(server, request);
  if (!matched) return reply::error_reply(matched.error());
  return requests_reply(*matched);
}

}  // namespace chatmock::app
