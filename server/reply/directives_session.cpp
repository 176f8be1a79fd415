// The path form is checked strictly (it is part of a URL and shows up in logs); the header keeps
// the looser rule it always had (any text within 256 bytes), so existing suites keep working.
#include "reply/directives_session.h"

#include <algorithm>

#include "api/api_error.h"

namespace chatmock::reply {

namespace {
constexpr std::string_view kPrefix = "/sessions/";
constexpr std::string_view kPathForm =
    "1 to 128 characters from A-Z a-z 0-9 . _ ~ : @ + = , - (the /sessions/{id}/ path prefix)";

bool session_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("._~:@+=,-").find(c) != std::string_view::npos;
}
}  // namespace

SessionPrefix split_session_prefix(std::string_view path) {
  if (!path.starts_with(kPrefix)) return {{}, path};
  const auto rest = path.substr(kPrefix.size());
  const auto slash = rest.find('/');
  if (slash == std::string_view::npos) return {rest, "/"};
  return {rest.substr(0, slash), rest.substr(slash)};
}

bool valid_path_session(std::string_view id) {
  return !id.empty() && id.size() <= kMaxPathSessionBytes &&
         std::all_of(id.begin(), id.end(), session_char);
}

std::string_view session_of(const wire::HttpRequest& request) {
  if (const auto header = request.header("x-chatmock-session"); !header.empty()) return header;
  return split_session_prefix(request.path).session;
}

Expected<std::string> read_session(const wire::HttpRequest& request) {
  const auto header = request.header("x-chatmock-session");
  const auto path = split_session_prefix(request.path).session;
  if (request.path.starts_with(kPrefix) && !valid_path_session(path)) {
    return api::invalid_request("Invalid session '" + std::string(path.substr(0, 32)) +
                                    "' in the path: expected " + std::string(kPathForm) + ".",
                                std::string("path"), std::string("invalid_session"));
  }
  if (header.size() > kMaxSessionBytes) {
    return api::invalid_request("Invalid X-Chatmock-Session value '" +
                                    std::string(header.substr(0, 32)) + "': longer than " +
                                    std::to_string(kMaxSessionBytes) + " bytes.",
                                std::string("X-Chatmock-Session"), std::string("invalid_header"));
  }
  if (!header.empty() && !path.empty() && header != path) {
    return api::invalid_request("X-Chatmock-Session '" + std::string(header.substr(0, 32)) +
                                    "' and the path's /sessions/" + std::string(path) +
                                    "/ name different sessions; send one or make them agree.",
                                std::string("X-Chatmock-Session"), std::string("invalid_session"));
  }
  return std::string(header.empty() ? path : header);
}

}  // namespace chatmock::reply
