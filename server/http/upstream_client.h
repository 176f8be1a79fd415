// UpstreamClient: the recorder's way out to a real API (cpp-httplib, HTTPS through its OpenSSL
// build, plain HTTP too). It reports a response as it arrived — status, headers and each body
// piece with the time since the previous one — so a stream can be replayed with its timing.
// It does not record, redact or decide anything; recording/ does.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "wire/http_request.h"
#include "wire/wire_reply.h"

namespace chatmock::http {

/// What came back from upstream.
struct UpstreamResponse {
  int status = 0;                                            ///< 0 when no response arrived
  std::vector<std::pair<std::string, std::string>> headers;  ///< names lower-cased
  std::vector<wire::WireWrite> pieces;  ///< body pieces as read; delay = time since the previous
  bool complete = false;                ///< the body ended normally
  std::string error;                    ///< the transport error when not complete
};

class UpstreamClient {
 public:
  /// A client for `base_url`, the base URL an SDK would use ("https://api.openai.com/v1");
  /// throws std::invalid_argument when it is not an http(s) URL.
  explicit UpstreamClient(const std::string& base_url);

  /// POSTs `body` to base path + `api_path` ("/chat/completions") with `headers` (hop-by-hop
  /// headers and Host are dropped; the body is asked for uncompressed).
  UpstreamResponse post(const std::string& api_path,
                        const std::vector<std::pair<std::string, std::string>>& headers,
                        const std::string& body) const;
  /// "scheme://host:port/base" as parsed.
  std::string describe() const;

 private:
  std::string origin_;     ///< "https://api.openai.com:443"
  std::string base_path_;  ///< "/v1", or ""
};

}  // namespace chatmock::http
