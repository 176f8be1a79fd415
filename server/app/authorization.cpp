// "Bearer" is matched case-insensitively, as RFC 6750 §2.1 allows; surrounding spaces are
// trimmed, so "Bearer " alone counts as empty — the SDKs send exactly that when the key is "".
// The admin guard follows what browsers can and cannot do: a page can make the browser send any
// Host by rebinding its own name to 127.0.0.1, and can POST text/plain or a form without a
// preflight, but always sends Origin on such a POST and cannot send application/json or a
// bearer token cross-origin without a CORS preflight, which chatmock never grants.
#include "app/authorization.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstring>

namespace chatmock::app {

std::string_view api_key_of(const wire::HttpRequest& request) {
  std::string_view auth = request.header("authorization");
  if (auth.size() >= 6 && wire::lower_ascii(auth.substr(0, 6)) == "bearer") {
    auth.remove_prefix(6);
    while (!auth.empty() && auth.front() == ' ') auth.remove_prefix(1);
    while (!auth.empty() && auth.back() == ' ') auth.remove_suffix(1);
    return auth;
  }
  return request.header("api-key");
}

bool has_api_key(const wire::HttpRequest& request) { return !api_key_of(request).empty(); }

bool admin_authorized(const wire::HttpRequest& request, std::string_view token) {
  if (token.empty()) return true;
  std::string_view auth = request.header("authorization");
  return auth.size() > 7 && wire::lower_ascii(auth.substr(0, 7)) == "bearer " &&
         auth.substr(7) == token;
}

namespace {
std::string_view without_brackets(std::string_view host) {
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
    return host.substr(1, host.size() - 2);
  return host;
}

bool loopback_address(const sockaddr* address) {
  if (address->sa_family == AF_INET) {
    const auto* v4 = reinterpret_cast<const sockaddr_in*>(address);
    return (ntohl(v4->sin_addr.s_addr) >> 24) == 127;
  }
  if (address->sa_family == AF_INET6) {
    const auto* v6 = reinterpret_cast<const sockaddr_in6*>(address);
    return IN6_IS_ADDR_LOOPBACK(&v6->sin6_addr) != 0;
  }
  return false;
}

/// The host part of a Host header (or an Origin's authority): port and brackets removed,
/// lower-cased, a trailing dot dropped.
std::string host_name(std::string_view authority) {
  std::string_view host = authority;
  if (host.starts_with('[')) {
    host = host.substr(0, std::min(host.find(']'), host.size() - 1) + 1);
  } else if (const auto colon = host.rfind(':'); colon != std::string_view::npos) {
    host = host.substr(0, colon);
  }
  std::string out = wire::lower_ascii(without_brackets(host));
  if (!out.empty() && out.back() == '.') out.pop_back();
  return out;
}

/// A configured name (--host, --allow-host): brackets removed, lower-cased, no trailing dot.
std::string configured_name(std::string_view name) {
  std::string out = wire::lower_ascii(without_brackets(name));
  if (!out.empty() && out.back() == '.') out.pop_back();
  return out;
}

bool host_allowed(std::string_view host_header, const AdminGuard& guard) {
  if (host_header.empty()) return true;  // HTTP/1.0 without Host: no browser sends that
  const std::string host = host_name(host_header);
  if (host == "localhost" || is_loopback_literal(host)) return true;
  if (host == configured_name(guard.bound_host)) return true;
  return std::any_of(guard.allowed_hosts.begin(), guard.allowed_hosts.end(),
                     [&](const std::string& allowed) { return configured_name(allowed) == host; });
}

/// The server's own origin is the one the request was addressed to: its Host, over http(s).
bool same_origin(std::string_view origin, std::string_view host_header) {
  const auto scheme_end = origin.find("://");
  if (scheme_end == std::string_view::npos || host_header.empty()) return false;
  const std::string scheme = wire::lower_ascii(origin.substr(0, scheme_end));
  if (scheme != "http" && scheme != "https") return false;
  return wire::lower_ascii(origin.substr(scheme_end + 3)) == wire::lower_ascii(host_header);
}

bool is_write(std::string_view method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

std::string media_type(std::string_view content_type) {
  content_type = content_type.substr(0, std::min(content_type.find(';'), content_type.size()));
  while (!content_type.empty() && content_type.back() == ' ') content_type.remove_suffix(1);
  while (!content_type.empty() && content_type.front() == ' ') content_type.remove_prefix(1);
  return wire::lower_ascii(content_type);
}

api::ApiError forbidden(std::string message, std::string code) {
  return {403, std::move(message), "invalid_request_error", std::nullopt, std::move(code)};
}
}  // namespace

bool is_loopback_literal(std::string_view host) {
  const std::string text(without_brackets(host));
  in_addr v4{};
  if (inet_pton(AF_INET, text.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  in6_addr v6{};
  if (inet_pton(AF_INET6, text.c_str(), &v6) == 1) return IN6_IS_ADDR_LOOPBACK(&v6) != 0;
  return false;
}

bool is_loopback_host(std::string_view host) {
  if (is_loopback_literal(host)) return true;
  const std::string name = wire::lower_ascii(without_brackets(host));
  if (name == "localhost") return true;
  if (name.empty()) return false;  // binds every address
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (getaddrinfo(name.c_str(), nullptr, &hints, &found) != 0 || found == nullptr) return false;
  bool all_loopback = true;
  for (const addrinfo* at = found; at != nullptr; at = at->ai_next) {
    all_loopback = all_loopback && at->ai_addr != nullptr && loopback_address(at->ai_addr);
  }
  freeaddrinfo(found);
  return all_loopback;
}

std::optional<api::ApiError> admin_request_refusal(const wire::HttpRequest& request,
                                                   const AdminGuard& guard) {
  const std::string_view host = request.header("host");
  if (guard.check_host && !host_allowed(host, guard)) {
    const std::string name = host_name(host);
    return forbidden("The admin API does not answer requests for Host '" + name +
                         "' (a web page could reach it by DNS rebinding). Start chatmock with "
                         "--allow-host " +
                         name + " to allow it.",
                     "admin_host_not_allowed");
  }
  if (request.has_header("origin") && !same_origin(request.header("origin"), host)) {
    return forbidden("The admin API refuses requests from another origin ('" +
                         std::string(request.header("origin")) +
                         "'): a web page must not change the mock. Call it without an Origin "
                         "header, as the SDKs and chatmock's clients do.",
                     "admin_cross_origin");
  }
  if (is_write(request.method)) {
    const std::string type = media_type(request.header("content-type"));
    const bool json = type == "application/json";
    if ((!type.empty() && !json) || (type.empty() && !request.body.empty())) {
      return forbidden("Admin API writes must be sent as Content-Type: application/json (got '" +
                           type + "'); other types are what a web page can send cross-site.",
                       "admin_content_type");
    }
  }
  return std::nullopt;
}

}  // namespace chatmock::app
