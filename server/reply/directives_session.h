// The session directive: the name a request is isolated under (journal view, session stubs,
// sequences, stub scenario state, chaos counters). It comes from X-Chatmock-Session or from the
// base-URL prefix /sessions/{id}/, so an SDK client is scoped by its base URL alone. "" is the
// global session.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "reply/expected.h"
#include "wire/http_request.h"

namespace chatmock::reply {

inline constexpr std::size_t kMaxSessionBytes = 256;      ///< X-Chatmock-Session
inline constexpr std::size_t kMaxPathSessionBytes = 128;  ///< /sessions/{id}/

/// "/sessions/{id}/rest" split into its id and "/rest"; {"", path} without the prefix.
struct SessionPrefix {
  std::string_view session;
  std::string_view rest;
};
SessionPrefix split_session_prefix(std::string_view path);

/// True when `id` may name a session in a path: 1..128 of A-Z a-z 0-9 . _ ~ : @ + = , -
bool valid_path_session(std::string_view id);

/// The session `request` names: X-Chatmock-Session, else its /sessions/{id}/ prefix, else "".
/// Unvalidated (stub matching of a journalled request); read_session checks live requests.
std::string_view session_of(const wire::HttpRequest& request);

/// session_of, validated: a path id outside the allowed characters or length, a header over
/// 256 bytes, or a header that disagrees with the path are 400s naming where the name came from.
Expected<std::string> read_session(const wire::HttpRequest& request);

}  // namespace chatmock::reply
