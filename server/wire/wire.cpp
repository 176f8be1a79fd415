// Small helpers of the wire value types.
#include "wire/http_request.h"
#include "wire/wire_reply.h"

namespace chatmock::wire {

namespace {
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

/// Header names compare case-insensitively; done in place because it runs for every header of
/// every request and reply (allocating lowered copies was 5 % of a request's instructions).
bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}
}  // namespace

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view HttpRequest::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (equals_ignoring_case(key, name)) return value;
  }
  return {};
}

std::optional<std::string_view> HttpRequest::query_value(std::string_view name) const {
  for (const auto& [key, value] : query) {
    if (key == name) return std::string_view(value);
  }
  return std::nullopt;
}

bool HttpRequest::has_header(std::string_view name) const {
  for (const auto& entry : headers) {
    if (equals_ignoring_case(entry.first, name)) return true;
  }
  return false;
}

std::string WireReply::body() const {
  std::string out;
  std::size_t total = 0;
  for (const auto& w : writes) total += w.bytes.size();
  out.reserve(total);
  for (const auto& w : writes) out += w.bytes;
  return out;
}

void WireReply::set_header(std::string name, std::string value) {
  for (auto& entry : headers) {
    if (equals_ignoring_case(entry.first, name)) {
      entry.second = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::move(name), std::move(value));
}

std::optional<std::string> WireReply::header(std::string_view name) const {
  for (const auto& entry : headers) {
    if (equals_ignoring_case(entry.first, name)) return entry.second;
  }
  return std::nullopt;
}

bool WireReply::needs_pacing() const {
  if (ending == WireEnding::cut || chunked || declared_length) return true;
  for (const auto& w : writes) {
    if (w.delay.count() > 0) return true;
  }
  return writes.size() > 1;
}

WireReply json_reply(int status, std::string body) {
  WireReply reply;
  reply.status = status;
  reply.writes.push_back({std::move(body), std::chrono::milliseconds(0)});
  return reply;
}

}  // namespace chatmock::wire
