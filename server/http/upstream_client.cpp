// A new httplib::Client per request: httplib clients are not safe to share across the server's
// handler threads, and recording is not a hot path. Accept-Encoding is pinned to identity so the
// recorded bytes are the bytes a client would decode, with no gzip layer in between. Body pieces
// are httplib's reads, one per transfer-encoding chunk up to 4 KiB, so an SSE stream keeps the
// write boundaries the upstream used.
#include "http/upstream_client.h"

#include <httplib.h>

#include <chrono>
#include <stdexcept>

namespace chatmock::http {

namespace {
using Clock = std::chrono::steady_clock;

constexpr int kConnectTimeoutS = 10;
constexpr int kReadTimeoutS = 600;  // long generations stream for minutes
constexpr int kWriteTimeoutS = 60;

bool forwarded(const std::string& lower_name) {
  static const char* const kDropped[] = {
      "host", "content-length", "connection",       "keep-alive",      "transfer-encoding",
      "te",   "upgrade",        "proxy-connection", "accept-encoding", "expect"};
  for (const char* dropped : kDropped) {
    if (lower_name == dropped) return false;
  }
  return true;
}
}  // namespace

UpstreamClient::UpstreamClient(const std::string& base_url) {
  const auto scheme_end = base_url.find("://");
  if (scheme_end == std::string::npos)
    throw std::invalid_argument("expected http://HOST[:PORT][/PATH] or https://…");
  const auto scheme = base_url.substr(0, scheme_end);
  if (scheme != "http" && scheme != "https")
    throw std::invalid_argument("the scheme must be http or https");
  const auto rest = base_url.substr(scheme_end + 3);
  const auto slash = rest.find('/');
  auto authority = rest.substr(0, slash);
  if (authority.empty()) throw std::invalid_argument("the URL has no host");
  if (authority.find(':') == std::string::npos) authority += scheme == "https" ? ":443" : ":80";
  origin_ = scheme + "://" + authority;
  base_path_ = slash == std::string::npos ? "" : rest.substr(slash);
  while (base_path_.ends_with('/')) base_path_.pop_back();
}

std::string UpstreamClient::describe() const { return origin_ + base_path_; }

UpstreamResponse UpstreamClient::post(
    const std::string& api_path, const std::vector<std::pair<std::string, std::string>>& headers,
    const std::string& body) const {
  httplib::Client client(origin_);
  client.set_connection_timeout(kConnectTimeoutS, 0);
  client.set_read_timeout(kReadTimeoutS, 0);
  client.set_write_timeout(kWriteTimeoutS, 0);
  client.set_follow_location(false);
  client.set_tcp_nodelay(true);

  UpstreamResponse out;
  httplib::Request request;
  request.method = "POST";
  request.path = base_path_ + api_path;
  for (const auto& [name, value] : headers) {
    if (forwarded(name)) request.headers.emplace(name, value);
  }
  request.headers.emplace("Accept-Encoding", "identity");
  request.body = body;
  auto last = Clock::now();
  request.response_handler = [&out](const httplib::Response& response) {
    out.status = response.status;
    for (const auto& [name, value] : response.headers)
      out.headers.emplace_back(wire::lower_ascii(name), value);
    return true;
  };
  request.content_receiver = [&out, &last](const char* data, std::size_t size, std::uint64_t,
                                           std::uint64_t) {
    const auto now = Clock::now();
    out.pieces.push_back({std::string(data, size),
                          std::chrono::duration_cast<std::chrono::milliseconds>(now - last)});
    last = now;
    return true;
  };
  const auto result = client.send(request);
  out.complete = static_cast<bool>(result);
  if (!result) out.error = httplib::to_string(result.error());
  return out;
}

}  // namespace chatmock::http
