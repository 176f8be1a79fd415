// The log goes to stderr so stdout carries only the ready line (scripts parse it). One mutex
// keeps concurrent lines whole.
#include "app/served_event.h"

#include <algorithm>
#include <cstdio>
#include <mutex>

#include "reply/error_reply.h"

namespace chatmock::app {

namespace {
std::string bounded(const std::string& text, std::size_t limit) {
  return text.size() <= limit ? text : text.substr(0, limit);
}

/// The reply's bytes up to `limit`, gathered from its writes in one copy (WireReply::body()
/// would join them all first, and a long stream is cut anyway); `total` is their full size.
std::string bounded_body(const wire::WireReply& reply, std::size_t total, std::size_t limit, bool& truncated) {
  truncated = total > limit;
  std::string out;
  out.reserve(std::min(total, limit));
  for (const auto& write : reply.writes) {
    if (out.size() == limit) break;
    out.append(write.bytes, 0, limit - out.size());
  }
  return out;
}

// ANSI SGR colours (ECMA-48): green 2xx/3xx, yellow 4xx, red 5xx; the id is dimmed.
const char* status_color(int status) {
  return status >= 500 ? "\x1b[31m" : status >= 400 ? "\x1b[33m" : "\x1b[32m";
}

void log_line(LogFormat format, bool color, const journal::ServeEvent& event) {
  if (format == LogFormat::off) return;
  static std::mutex mutex;
  std::string line;
  if (format == LogFormat::json) {
    line = reply::dump_json({{"id", event.id},
                                 {"method", event.method},
                                 {"path", event.path},
                                 {"status", event.status},
                                 {"scenario", event.scenario},
                                 {"duration_ms", event.duration_ms}});
  } else {
    char duration[32];
    std::snprintf(duration, sizeof duration, "%.2fms", event.duration_ms);
    const std::string status = std::to_string(event.status);
    line = event.method + " " + event.path + " " +
           (color ? status_color(event.status) + status + "\x1b[0m" : status) + " " + duration;
    if (!event.scenario.empty()) line += " scenario=" + event.scenario;
    line += color ? " \x1b[2mid=" + event.id + "\x1b[0m" : " id=" + event.id;
  }
  line += '\n';
  const std::lock_guard lock(mutex);
  std::fwrite(line.data(), 1, line.size(), stderr);
}
}  // namespace

void record_served(ServerContext& server, const wire::HttpRequest& request, const wire::SharedReply& shared,
                   const std::string& request_id, const std::string& scenario,
                   std::int64_t received_at_ms, double duration_ms) {
  const auto& reply = *shared;
  const bool journal_on = server.journal.capacity() > 0;
  if (!journal_on && server.config.log == LogFormat::off) return;
  journal::ServeEvent event;
  event.id = request_id;
  event.method = request.method;
  event.path = request.path;
  event.scenario = scenario;
  event.status = reply.status;
  event.received_at_ms = received_at_ms;
  event.duration_ms = duration_ms;
  if (journal_on) {
    const auto limit = server.config.journal_body_bytes;
    event.headers = journal::redacted_header_block(request.headers);
    event.body = bounded(request.body, limit);
    std::size_t sent = 0;
    for (const auto& write : reply.writes) sent += write.bytes.size();
    // A stream is shared, not copied: it is large and the writer holds it anyway. A one-write
    // reply is copied, so the reply itself is freed on this thread and not, much later, by
    // whichever thread evicts the event (cross-thread frees were most of journaling's cost).
    if (reply.writes.size() > 1 && sent <= limit) {
      event.response = shared;
    } else {
      event.response_body = std::make_shared<const std::string>(bounded_body(reply, sent, limit, event.response_truncated));
    }
    for (const auto& [name, value] : reply.headers) event.response_headers.add(name, value);
    event.response_headers.add("content-type", reply.content_type);
  }
  log_line(server.config.log, server.config.log_color, event);
  if (journal_on) server.journal.record(std::move(event));
}

}  // namespace chatmock::app
