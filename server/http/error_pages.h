// OpenAI-shaped bodies for the statuses httplib produces on its own (413 over the payload limit,
// 400 on a malformed request line, 500 from an escaped exception), so no client ever sees an
// empty or HTML error from chatmock itself.
#pragma once

#include <string>

namespace chatmock::http {

/// The JSON error body for `status`, naming the method and path where useful.
std::string error_page_for_status(int status, const std::string& method, const std::string& path);

/// A 400 for a request whose framing is refused (request_framing.h), with `message` as the reason.
std::string bad_framing_page(const std::string& message);

}  // namespace chatmock::http
