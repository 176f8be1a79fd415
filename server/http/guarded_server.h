// GuardedServer: httplib::Server with chatmock's own per-connection loop, so every connection
// has bounded resources: a header deadline (slowloris → 408), header size and count limits
// (431), a request-line limit (414), an idle keep-alive timeout and a connection cap (503), for
// HTTP and HTTPS alike. Parsing, routing and writing stay httplib's (process_request). Stopping
// is its own: begin_stop() ends idle and half-received connections at once and bounds the rest
// by a drain deadline.
#pragma once

#include <httplib.h>

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>

#include "http/connection_io.h"
#include "http/httplib_compat.h"

namespace chatmock::http {

/// Per-connection limits; see docs/reliability.md for the defaults and why.
struct ConnectionLimits {
  /// Open connections, paced streams in the PacedWriter included; more get 503.
  std::size_t max_connections = 1000;
  std::size_t max_threads = 1024;  ///< connections served on a pool thread at once; more get 503
  int slot_wait_ms = 250;          ///< how long a connection over the cap waits for a slot
  int header_timeout_ms = 10000;   ///< request line + headers must arrive within this
  int request_timeout_ms = 60000;  ///< whole request (headers + body) must arrive within this
  int idle_timeout_ms = 5000;      ///< keep-alive connection with no new request is closed
  int write_timeout_ms = 5000;     ///< a client that reads nothing for this long is dropped
  std::size_t max_header_bytes = 64 * 1024;  ///< request line + headers; more gets 431
  std::size_t max_headers = 100;             ///< header lines; more gets 431
  std::size_t max_request_line = 8192;       ///< longer request line gets 414
  std::size_t keep_alive_max_requests = 100000;
};

/// The connection being served on this thread, for a content provider that wants to adopt it
/// (hand it to the PacedWriter with its headers sent) and for the error handler, which must
/// know whether chatmock's route answered the request.
struct ConnectionHandOff {
  int fd = -1;
  bool tls = false;  ///< a TLS session cannot be handed over: pace on this thread
  const class GuardedServer* server = nullptr;
  bool adopted =
      false;  ///< set by whoever took the socket: the loop then neither reads nor closes it
  /// Bytes the loop has read past the current request (a pipelined next request). The writer
  /// would not see them, so such a connection is not adopted.
  std::size_t unread = 0;
  /// The response chatmock's route filled for the current request: its status, headers and body
  /// are the reply's own and no error page may replace them.
  const httplib::Response* answered = nullptr;

  /// The connection served on the calling thread, or nullptr outside a GuardedServer loop.
  static ConnectionHandOff* current();

  /// Makes `hand_off` the calling thread's current() for the scope's lifetime.
  class Scope {
   public:
    explicit Scope(ConnectionHandOff& hand_off);
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    ConnectionHandOff* previous_;
  };
};

class GuardedServer final : public httplib::Server {
 public:
  explicit GuardedServer(ConnectionLimits limits) : limits_(limits) {}
  /// HTTPS: every connection handshakes with this context (check is_valid()).
  GuardedServer(ConnectionLimits limits, std::unique_ptr<TlsContext> tls)
      : limits_(limits), tls_(std::move(tls)) {}

  bool is_valid() const override { return !tls_ || tls_->valid(); }

  ~GuardedServer() override;

  /// Serves the next requests on a connection handed back after an adopted reply completed,
  /// on the calling (pool) thread. Its connection slot is still held from before.
  void serve_again(int fd) { serve_socket(fd, true); }
  /// An adopted connection was closed by its new owner: its connection slot is free again.
  void release_connection();

  /// From now on: no new request is read (idle keep-alive connections and connections still
  /// sending their headers close at once), and reads and writes of requests in flight end at
  /// `drain_deadline`. Idempotent; the listener is closed by httplib's stop().
  void begin_stop(Clock::time_point drain_deadline);
  bool stopping() const { return stopping_.load(); }
  /// When writes and paced waits must give up (far future until begin_stop()).
  Clock::time_point drain_deadline() const {
    return Clock::time_point(Clock::duration(drain_deadline_.load()));
  }

 private:
  // Where httplib's accept loop hands over each connection (a private virtual, with the same
  // signature from 0.11 to 0.18). Requests are then run through compat::process_request.
  bool process_and_close_socket(socket_t sock) override;
  template <class Server>
  friend bool compat::process_request(Server&, httplib::Stream&, bool, bool&);
  void serve_socket(int sock, bool slot_held);
  bool serve_connection(ConnectionIo& io, ConnectionHandOff& hand_off);
  /// Takes a slot under both caps, waiting up to slot_wait_ms for one to free; false: refuse.
  bool take_slot();
  void release_thread(bool and_connection);
  /// A write deadline `write_timeout_ms` from now, but never past the drain deadline.
  Clock::time_point write_deadline() const;

  ConnectionLimits limits_;
  std::unique_ptr<TlsContext> tls_;  ///< null for plain HTTP
  std::atomic<std::size_t> open_{0};
  std::atomic<std::size_t> on_thread_{0};
  std::mutex slots_mutex_;
  std::condition_variable slot_freed_;
  std::atomic<bool> stopping_{false};
  std::atomic<Clock::rep> drain_deadline_{Clock::time_point::max().time_since_epoch().count()};
  static int make_wake_fd();
  int wake_fd_ = make_wake_fd();  ///< an eventfd, readable once stopping: wakes idle waits at once
};

}  // namespace chatmock::http
