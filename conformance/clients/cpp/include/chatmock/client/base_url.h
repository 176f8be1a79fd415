// BaseUrl: the parts of an `OPENAI_BASE_URL` such as http://127.0.0.1:8080/scenarios/x/v1 that
// the client needs to open a connection and build request paths. Parsing only.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace chatmock::client {

/// scheme://host[:port][/prefix], with the prefix kept without a trailing slash.
struct BaseUrl {
  std::string scheme;       ///< "http" or "https", lower-case
  std::string host;         ///< without IPv6 brackets
  int port = 0;             ///< explicit, or 80/443 by scheme
  std::string path_prefix;  ///< "" or "/v1", "/scenarios/x/v1", …

  /// The request path for an API route such as "/chat/completions".
  std::string path(std::string_view route) const { return path_prefix + std::string(route); }
};

/// Parses an http(s) base URL; nullopt for another scheme, a bad port or an empty host.
std::optional<BaseUrl> parse_base_url(std::string_view url);

}  // namespace chatmock::client
