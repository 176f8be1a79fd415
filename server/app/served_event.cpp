// The log goes to stderr so stdout carries only the ready line (scripts parse it). One mutex
// keeps concurrent lines whole.
#include "app/served_event.h"

#include <algorithm>
#include <cstdio>
#include <mutex>

#include "reply/directives_session.h"
#include "reply/error_reply.h"

namespace chatmock::app {

namespace {
/// The reply's bytes up to `limit`, gathered from its writes in one copy (WireReply::body()
/// would join them all first, and a long stream is cut anyway); `total` is their full size.
std::string bounded_body(const wire::WireReply& reply, std::size_t total, std::size_t limit,
                         bool& truncated) {
  truncated = total > limit;
  std::string out;
  out.reserve(std::min(total, limit));
  for (const auto& write : reply.writes) {
    if (out.size() == limit) break;
    out.append(write.bytes, 0, limit - out.size());
  }
  return out;
}

}  // namespace

std::string escape_control_chars(const std::string& text) {
  const auto at = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const auto continuation = [&](std::size_t i) {
    return i < text.size() && at(i) >= 0x80 && at(i) <= 0xBF;
  };
  std::string out;
  out.reserve(text.size());
  const auto escape = [&](unsigned char value) {
    char escaped[5];
    std::snprintf(escaped, sizeof escaped, "\\x%02X", value);
    out += escaped;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = at(i);
    if (byte < 0x20 || byte == 0x7F) {
      escape(byte);
    } else if (byte < 0x80) {
      out += text[i];
    } else if (byte == 0xC2 && continuation(i + 1) && at(i + 1) <= 0x9F) {
      escape(at(++i));  // a C1 control encoded as UTF-8 (U+0080..U+009F)
    } else if (byte >= 0xC0) {
      // A UTF-8 lead byte: its continuation bytes belong to a printable character.
      const std::size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2;
      out += text[i];
      for (std::size_t k = 1; k < length && continuation(i + 1); ++k) out += text[++i];
    } else if (byte <= 0x9F) {
      escape(byte);  // a raw 8-bit C1 control
    } else {
      out += text[i];
    }
  }
  return out;
}

namespace {
// ANSI SGR colours (ECMA-48): green 2xx/3xx, yellow 4xx, red 5xx; the id is dimmed.
const char* status_color(int status) {
  return status >= 500 ? "\x1b[31m" : status >= 400 ? "\x1b[33m" : "\x1b[32m";
}

void log_line(LogFormat format, bool color, const journal::ServeEvent& event) {
  if (format == LogFormat::off) return;
  // Process-wide like the stderr it guards: every server in the process (tests run several)
  // writes there, and lines from two handler threads must not interleave.
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
    // Method, path, scenario and id come from the request: escaped, never sent raw to a terminal.
    line = escape_control_chars(event.method) + " " + escape_control_chars(event.path) + " " +
           (color ? status_color(event.status) + status + "\x1b[0m" : status) + " " + duration;
    if (!event.scenario.empty()) line += " scenario=" + escape_control_chars(event.scenario);
    const auto id = escape_control_chars(event.id);
    line += color ? " \x1b[2mid=" + id + "\x1b[0m" : " id=" + id;
  }
  line += '\n';
  const std::lock_guard lock(mutex);
  std::fwrite(line.data(), 1, line.size(), stderr);
}
}  // namespace

void record_served(ServerContext& server, const wire::HttpRequest& request,
                   const wire::SharedReply& shared, const std::string& request_id,
                   const ServedFacts& facts, std::int64_t received_at_ms, double duration_ms) {
  const auto& reply = *shared;
  const bool journal_on = server.journal.capacity() > 0;
  if (!journal_on && server.config.log == LogFormat::off) return;
  journal::ServeEvent event;
  event.id = request_id;
  event.method = request.method;
  event.path = request.path;
  event.scenario = facts.scenario;
  event.status = reply.status;
  event.received_at_ms = received_at_ms;
  event.duration_ms = duration_ms;
  event.time_to_first_byte_ms =
      duration_ms +
      (reply.writes.empty() ? 0.0 : static_cast<double>(reply.writes[0].delay.count()));
  if (journal_on) {
    // Validated by the pipeline when it answered; a refused request's name is kept bounded.
    event.session = std::string(reply::session_of(request).substr(0, reply::kMaxSessionBytes));
    event.chaos = facts.chaos;
    event.unmatched = facts.unmatched;
    const auto limit = server.config.journal_body_bytes;
    const journal::SecretRedactor redactor(request.headers);
    event.headers = journal::redacted_header_block(request.headers, redactor);
    event.body_bytes = request.body.size();
    event.body_truncated = request.body.size() > limit;
    event.body = redactor.redact(request.body, limit);
    std::size_t sent = 0;
    bool secret_in_reply = false;
    for (const auto& write : reply.writes) {
      sent += write.bytes.size();
      secret_in_reply = secret_in_reply || redactor.contains_secret(write.bytes);
    }
    event.response_bytes = sent;
    // A stream is shared, not copied: it is large and the writer holds it anyway. A one-write
    // reply is copied, so the reply itself is freed on this thread and not, much later, by
    // whichever thread evicts the event (cross-thread frees were most of journaling's cost).
    // A reply echoing a secret is copied redacted (rare: only then is the body joined).
    if (secret_in_reply) {
      event.response_truncated = sent > limit;
      event.response_body =
          std::make_shared<const std::string>(redactor.redact(reply.body(), limit));
    } else if (reply.writes.size() > 1 && sent <= limit) {
      event.response = shared;
    } else {
      event.response_body = std::make_shared<const std::string>(
          bounded_body(reply, sent, limit, event.response_truncated));
    }
    for (const auto& [name, value] : reply.headers) {
      event.response_headers.add(name, journal::is_credential_header(name)
                                           ? journal::redacted_header_value(value)
                                           : std::string_view(value));
    }
    event.response_headers.add("content-type", reply.content_type);
  }
  log_line(server.config.log, server.config.log_color, event);
  if (journal_on) server.journal.record(std::move(event));
}

}  // namespace chatmock::app
