// Small helpers of the wire value types.
#include "wire/http_request.h"
#include "wire/wire_reply.h"

namespace chatmock::wire {

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view HttpRequest::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (key.size() == name.size() && lower_ascii(name) == key) return value;
  }
  return {};
}

bool HttpRequest::has_header(std::string_view name) const {
  const std::string wanted = lower_ascii(name);
  for (const auto& entry : headers) {
    if (entry.first == wanted) return true;
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
  const std::string key = lower_ascii(name);
  for (auto& entry : headers) {
    if (lower_ascii(entry.first) == key) {
      entry.second = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::move(name), std::move(value));
}

std::optional<std::string> WireReply::header(std::string_view name) const {
  const std::string key = lower_ascii(name);
  for (const auto& entry : headers) {
    if (lower_ascii(entry.first) == key) return entry.second;
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
