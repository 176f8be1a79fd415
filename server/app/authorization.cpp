// "Bearer" is matched case-insensitively, as RFC 6750 §2.1 allows; surrounding spaces are
// trimmed, so "Bearer " alone counts as empty — the SDKs send exactly that when the key is "".
#include "app/authorization.h"

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
  return auth.size() > 7 && wire::lower_ascii(auth.substr(0, 7)) == "bearer " && auth.substr(7) == token;
}

bool is_loopback_host(std::string_view host) {
  return host == "localhost" || host == "::1" || host == "[::1]" || host.starts_with("127.");
}

}  // namespace chatmock::app
