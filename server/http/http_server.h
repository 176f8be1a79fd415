// HttpServer: the one seam over cpp-httplib (pimpl; nothing else includes httplib.h). It turns
// sockets into wire::HttpRequest values, hands them to a Handler, and executes the returned
// wire::WireReply — pacing writes, chunking SSE, cutting connections — exactly as described.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "wire/http_request.h"
#include "wire/wire_reply.h"

namespace chatmock::http {

struct HttpServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;            ///< 0 → ephemeral
  int threads = 1024;         ///< most threads (one per open connection); made on demand
  int listen_backlog = 4096;  ///< pending connections (capped by net.core.somaxconn)
  std::size_t max_body_bytes = 16 << 20;  ///< larger bodies get 413
  int keep_alive_timeout_s = 5;
  std::size_t keep_alive_max_requests = 100000;  ///< requests per keep-alive connection
  int read_timeout_s = 5;
  int write_timeout_s = 5;
  /// Open at once, paced streams included; more get 503 (those on a thread are also capped by
  /// threads).
  std::size_t max_connections = 1000;
  int header_timeout_ms = 10000;   ///< request line + headers must arrive within this (408)
  int request_timeout_ms = 60000;  ///< the whole request must arrive within this
  std::size_t max_header_bytes = 64 * 1024;  ///< request line + headers; more get 431
  std::size_t max_headers = 100;             ///< header fields; more get 431
  /// stop(): replies in flight (paced streams too) may finish within this; then they are cut.
  int drain_timeout_ms = 2000;
  std::string tls_cert;  ///< with tls_key: serve HTTPS
  std::string tls_key;   ///< PEM private key for tls_cert
};

using Handler = std::function<wire::SharedReply(const wire::HttpRequest&)>;

class HttpServer {
 public:
  HttpServer(HttpServerOptions options, Handler handler);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  /// Binds the listening socket; returns the bound port, or -1 with `error` set.
  int bind(std::string& error);
  /// Serves until stop(); returns when the listener is closed and handlers have drained.
  void serve();
  /// Stops accepting, closes idle keep-alive connections at once, raises every request's cancel
  /// flag, and lets replies in flight finish until the drain deadline (drain_timeout_ms), when
  /// the rest are cut; serve() returns soon after. Safe from any thread; blocks at most about
  /// the drain deadline.
  void stop();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace chatmock::http
