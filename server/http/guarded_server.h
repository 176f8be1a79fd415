// GuardedServer: httplib::Server with chatmock's own per-connection loop, so every connection
// has bounded resources: a header deadline (slowloris → 408), header size and count limits
// (431), a request-line limit (414), an idle keep-alive timeout and a connection cap (503), for
// HTTP and HTTPS alike. Parsing, routing and writing stay httplib's (process_request).
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>

#include <httplib.h>

#include "http/connection_io.h"

namespace chatmock::http {

/// Per-connection limits; see docs/reliability.md for the defaults and why.
struct ConnectionLimits {
  std::size_t max_connections = 1000;  ///< open connections served at once; more get 503
  int slot_wait_ms = 250;              ///< how long a connection over the cap waits for a slot
  int header_timeout_ms = 10000;       ///< request line + headers must arrive within this
  int request_timeout_ms = 60000;      ///< whole request (headers + body) must arrive within this
  int idle_timeout_ms = 5000;          ///< keep-alive connection with no new request is closed
  int write_timeout_ms = 5000;         ///< a client that reads nothing for this long is dropped
  std::size_t max_header_bytes = 64 * 1024;  ///< request line + headers; more gets 431
  std::size_t max_headers = 100;             ///< header lines; more gets 431
  std::size_t max_request_line = 8192;       ///< longer request line gets 414
  std::size_t keep_alive_max_requests = 100000;
};

/// The connection being served on this thread, for a content provider that wants to adopt it
/// (hand it to the PacedWriter with its headers sent).
struct ConnectionHandOff {
  int fd = -1;
  bool adopted = false;  ///< set by whoever took the socket: the loop then neither reads nor closes it
  /// Bytes the loop has read past the current request (a pipelined next request). The writer
  /// would not see them, so such a connection is not adopted.
  std::size_t unread = 0;

  /// The connection served on the calling thread, or nullptr outside a GuardedServer loop.
  static ConnectionHandOff* current();
};

class GuardedServer final : public httplib::Server {
 public:
  explicit GuardedServer(ConnectionLimits limits) : limits_(limits) {}
  /// HTTPS: every connection handshakes with this context (check is_valid()).
  GuardedServer(ConnectionLimits limits, std::unique_ptr<TlsContext> tls)
      : limits_(limits), tls_(std::move(tls)) {}

  bool is_valid() const override { return !tls_ || tls_->valid(); }

  /// Serves the next requests on a connection handed back after an adopted reply completed,
  /// on the calling (pool) thread, like a newly accepted one.
  void serve_again(int fd) { process_and_close_socket(fd); }

  /// Connections currently inside process_and_close_socket (served or being refused).
  std::size_t open_connections() const { return open_.load(); }

 private:
  bool process_and_close_socket(socket_t sock) override;
  bool serve_connection(ConnectionIo& io);
  /// Takes a slot under the cap, waiting up to slot_wait_ms for one to free; false: refuse.
  bool take_slot();
  void release_slot();

  ConnectionLimits limits_;
  std::unique_ptr<TlsContext> tls_;  ///< null for plain HTTP
  std::atomic<std::size_t> open_{0};
  std::mutex slots_mutex_;
  std::condition_variable slot_freed_;
};

}  // namespace chatmock::http
