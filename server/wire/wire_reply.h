// WireReply: a reply as bytes on a socket — status, headers, the body as timed writes, and how
// the connection ends. Scenarios and faults edit it as a value; http/ only executes it, so every
// transport behaviour (dribbles, stalls, cuts) is testable without a socket.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace chatmock::wire {

/// One write to the socket, after waiting `delay`.
struct WireWrite {
  std::string bytes;
  std::chrono::milliseconds delay{0};
  bool operator==(const WireWrite&) const = default;
};

/// How the body ends.
enum class WireEnding {
  complete,  ///< the body is finished normally (terminating chunk / full Content-Length)
  cut,       ///< the socket is closed after the last write, mid-body
};

struct WireReply {
  int status = 200;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
  std::vector<WireWrite> writes;
  bool chunked = false;  ///< Transfer-Encoding: chunked (SSE) instead of Content-Length
  std::optional<std::size_t> declared_length;  ///< Content-Length when it differs from the writes
  WireEnding ending = WireEnding::complete;

  /// All writes concatenated: what a client that read everything would have.
  std::string body() const;
  /// Sets (replaces) header `name`.
  void set_header(std::string name, std::string value);
  /// The value of header `name`, if set.
  std::optional<std::string> header(std::string_view name) const;
  /// True when any write waits or the body is cut, so it cannot be sent in one go.
  bool needs_pacing() const;
};

/// A finished reply, shared read-only between the connection that writes it and the journal
/// that keeps it, so a stream's bytes are held once however long both need them.
using SharedReply = std::shared_ptr<const WireReply>;

/// A complete JSON reply with one write.
WireReply json_reply(int status, std::string body);

}  // namespace chatmock::wire
