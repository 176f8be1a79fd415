// Who is calling: the API key of a request (Bearer token or Azure-style `api-key`) and the
// admin-token check for /_chatmock/*. The real API answers a missing or empty key with 401.
#pragma once

#include <string>
#include <string_view>

#include "wire/http_request.h"

namespace chatmock::app {

/// The bearer token (or api-key header) of `request`; empty when there is none.
std::string_view api_key_of(const wire::HttpRequest& request);
/// True when `request` carries a non-empty API key.
bool has_api_key(const wire::HttpRequest& request);
/// True when `token` is empty (admin open) or the request's bearer token equals it.
bool admin_authorized(const wire::HttpRequest& request, std::string_view token);
/// True when binding `host` keeps the server reachable from this machine only.
bool is_loopback_host(std::string_view host);

}  // namespace chatmock::app
