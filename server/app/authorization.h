// Who is calling: the API key of a request (Bearer token or Azure-style `api-key`), the
// admin-token check for /_chatmock/*, and the guard that keeps web pages a developer visits away
// from an admin API listening on their own machine (DNS rebinding, cross-site form posts).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/api_error.h"
#include "wire/http_request.h"

namespace chatmock::app {

/// The bearer token (or api-key header) of `request`; empty when there is none.
std::string_view api_key_of(const wire::HttpRequest& request);
/// True when `request` carries a non-empty API key.
bool has_api_key(const wire::HttpRequest& request);
/// True when `token` is empty (admin open) or the request's bearer token equals it.
bool admin_authorized(const wire::HttpRequest& request, std::string_view token);

/// True when `host` is a loopback IP literal (127.0.0.0/8, ::1, brackets allowed); names are
/// never resolved here, so `127.evil.example` is not one.
bool is_loopback_literal(std::string_view host);
/// True when binding `host` keeps the server reachable from this machine only: a loopback
/// literal, `localhost`, or a name every address of which (getaddrinfo) is loopback.
bool is_loopback_host(std::string_view host);

/// What the admin API trusts about where a request comes from.
struct AdminGuard {
  std::string bound_host;                  ///< --host
  std::vector<std::string> allowed_hosts;  ///< --allow-host
  bool check_host = true;  ///< off under --admin-token: a page cannot send the token
};
/// Why `request` to /_chatmock/* is refused as possibly sent by a web page (403), or nullopt:
/// a Host that is not the bound address, localhost, a loopback literal or allowed; an Origin
/// other than the server's own; a write (POST/PUT/PATCH/DELETE) whose content type is not
/// application/json, or that has a body and no content type.
std::optional<api::ApiError> admin_request_refusal(const wire::HttpRequest& request,
                                                   const AdminGuard& guard);

}  // namespace chatmock::app
