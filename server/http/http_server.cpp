// Execution of a WireReply on cpp-httplib 0.11 (Debian). Replies without pacing go out with
// set_content (one write, Content-Length). Paced or cut replies use a content provider: over
// plain HTTP its first call hands the socket, headers sent, to the PacedWriter, which sends the
// body on its timer and gives the connection back for the next request; over TLS (no socket to
// hand over) it sleeps before each write on the pool thread. A cut closes the socket mid-body —
// a real cut, not a simulated one. TCP_NODELAY is on: without it every small write waits ~40 ms.
#include "http/http_server.h"

#include <httplib.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <mutex>
#include <optional>
#include <thread>

#include "http/cancel_registry.h"
#include "http/elastic_thread_pool.h"
#include "http/error_pages.h"
#include "http/guarded_server.h"
#include "http/paced_writer.h"

namespace chatmock::http {

namespace {
// Threads beyond --threads, so that a pool busy with served connections can still answer the
// next ones with 503 instead of leaving them in the accept queue.
constexpr std::size_t kRefusalThreads = 16;

ConnectionLimits connection_limits(const HttpServerOptions& o) {
  ConnectionLimits limits;
  limits.max_connections = o.max_connections;
  limits.max_threads = static_cast<std::size_t>(std::max(1, o.threads));
  limits.header_timeout_ms = o.header_timeout_ms;
  limits.request_timeout_ms = o.request_timeout_ms;
  limits.idle_timeout_ms = o.keep_alive_timeout_s * 1000;
  limits.write_timeout_ms = o.write_timeout_s * 1000;
  limits.max_header_bytes = o.max_header_bytes;
  limits.max_headers = o.max_headers;
  limits.keep_alive_max_requests = o.keep_alive_max_requests;
  return limits;
}

wire::HttpRequest to_wire(const httplib::Request& req, budget::CancelFlag cancelled) {
  wire::HttpRequest out;
  out.cancelled = std::move(cancelled);
  out.method = req.method;
  out.path = req.path;
  out.body = req.body;
  out.remote_addr = req.remote_addr;
  // Bounded like headers are: only the admin API reads these, and it reads a handful.
  constexpr std::size_t kMaxQueryParameters = 64;
  for (const auto& [name, value] : req.params) {
    if (out.query.size() == kMaxQueryParameters) break;
    out.query.emplace_back(name, value);
  }
  out.headers.reserve(req.headers.size());
  for (const auto& [name, value] : req.headers) {
    // httplib adds these for its own bookkeeping; they were not sent by the client.
    if (name == "REMOTE_ADDR" || name == "REMOTE_PORT" || name == "LOCAL_ADDR" ||
        name == "LOCAL_PORT") {
      continue;
    }
    out.headers.emplace_back(wire::lower_ascii(name), value);
  }
  return out;
}

/// Writes reply.writes in order, honouring delays; false once the client is gone or on a cut.
/// Delays are kept on an absolute schedule (write k is due at the sum of the first k delays),
/// so time spent writing and waking up does not pile up over a 100-chunk stream.
struct PacedBody {
  std::shared_ptr<const wire::WireReply> reply;
  PacedWriter* writer = nullptr;
  const httplib::Response* response = nullptr;
  std::shared_ptr<std::atomic<bool>> cancel;  ///< raised when the client hangs up mid-wait
  std::size_t next = 0;
  std::optional<std::chrono::steady_clock::time_point> due;

  bool step(httplib::DataSink& sink) {
    if (!due && hand_to_writer()) return false;  // httplib stops here; the writer owns the socket
    if (next < reply->writes.size()) {
      const auto& write = reply->writes[next++];
      if (!due) due = std::chrono::steady_clock::now();
      *due += write.delay;
      if (write.delay.count() > 0 && !wait_until_due()) {
        cancel->store(true);
        return false;
      }
      if (!write.bytes.empty() && !sink.write(write.bytes.data(), write.bytes.size())) return false;
      return true;
    }
    if (reply->ending == wire::WireEnding::cut) return false;
    if (reply->chunked) sink.done();
    return true;
  }

  /// On the first call, with the headers already on the socket: gives the connection to the
  /// writer. The connection is reused afterwards unless httplib announced `Connection: close` or
  /// a lying Content-Length leaves the client expecting bytes that will never come.
  /// Compressed replies (Accept-Encoding: gzip) are not handed over.
  /// Waits on this (pool) thread until *due, watching the socket: false when the client hangs up
  /// (seen within kHangUpCheckInterval) or the server's drain deadline passes first.
  bool wait_until_due() const {
    const auto* connection = ConnectionHandOff::current();
    if (connection == nullptr) {
      std::this_thread::sleep_until(*due);
      return true;
    }
    while (true) {
      const auto now = Clock::now();
      if (now >= *due) return true;
      if (now >= connection->server->drain_deadline()) return false;
      const auto slice =
          std::min({*due, connection->server->drain_deadline(), now + kHangUpCheckInterval});
      const auto wait = std::chrono::ceil<std::chrono::milliseconds>(slice - now);
      pollfd fd{connection->fd, POLLRDHUP, 0};
      if (::poll(&fd, 1, static_cast<int>(wait.count())) > 0 &&
          (fd.revents & (POLLRDHUP | POLLHUP | POLLERR)) != 0) {
        return false;
      }
    }
  }

  bool hand_to_writer() {
    auto* connection = ConnectionHandOff::current();
    // A TLS session cannot be handed to the writer, which sends to the raw socket.
    if (writer == nullptr || connection == nullptr || connection->tls || reply->writes.empty())
      return false;
    // A pipelined next request already read into the loop's buffer would be lost to the writer.
    if (connection->unread > 0) return false;
    // httplib compresses a provider's output for clients that accept gzip; the writer sends
    // bytes as they are, so such replies stay paced on the pool thread.
    if (response->has_header("Content-Encoding")) return false;
    std::size_t sent = 0;
    for (const auto& w : reply->writes) sent += w.bytes.size();
    PacedStream stream;
    stream.fd = connection->fd;
    stream.reply = reply;
    stream.due = std::chrono::steady_clock::now() + reply->writes.front().delay;
    stream.keep_alive =
        response->get_header_value("Connection") != "close" &&
        (reply->chunked || !reply->declared_length || *reply->declared_length == sent);
    stream.cancel = cancel;
    connection->adopted = true;
    writer->adopt(std::move(stream));
    return true;
  }
};

/// Each open connection is a file descriptor; Debian's default soft limit (1024) would refuse
/// connections long before thousands of streams. Raised to the hard limit, as nginx does.
void raise_open_file_limit() {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &limit);
  }
}

/// The one place chatmock sets SIGPIPE's disposition (process-wide): SSL_write, on a served
/// TLS connection or the --record upstream client, reports a vanished peer through SIGPIPE,
/// which would kill the server; MSG_NOSIGNAL covers only the plain sends. Every program that
/// serves builds an HttpServer first, so its constructor is where the setting belongs.
void ignore_sigpipe() { std::signal(SIGPIPE, SIG_IGN); }

void execute(const wire::SharedReply& reply, httplib::Response& res, PacedWriter* writer,
             std::shared_ptr<std::atomic<bool>> cancel) {
  res.status = reply->status;
  for (const auto& [name, value] : reply->headers) res.set_header(name, value);
  if (!reply->needs_pacing()) {
    // One copy of a small body: the reply is shared and immutable (the journal keeps streams).
    res.body = reply->writes.empty() ? std::string() : reply->writes.front().bytes;
    res.headers.erase("Content-Type");
    res.set_header("Content-Type", reply->content_type);
    return;
  }
  std::size_t length = 0;
  for (const auto& w : reply->writes) length += w.bytes.size();
  if (reply->declared_length) length = *reply->declared_length;
  auto body = std::make_shared<PacedBody>(
      PacedBody{reply, writer, &res, std::move(cancel), 0, std::nullopt});
  if (reply->chunked) {
    res.set_chunked_content_provider(
        reply->content_type,
        [body](std::size_t, httplib::DataSink& sink) { return body->step(sink); });
    return;
  }
  res.set_content_provider(
      length, reply->content_type,
      [body](std::size_t, std::size_t, httplib::DataSink& sink) { return body->step(sink); });
}
}  // namespace

class HttpServer::Impl {
 public:
  Impl(HttpServerOptions options, Handler handler)
      : options_(std::move(options)), handler_(std::move(handler)) {
    raise_open_file_limit();
    ignore_sigpipe();
    std::unique_ptr<GuardedServer> server;
    if (!options_.tls_cert.empty()) {
      server = std::make_unique<GuardedServer>(
          connection_limits(options_),
          std::make_unique<TlsContext>(options_.tls_cert, options_.tls_key));
    } else {
      server = std::make_unique<GuardedServer>(connection_limits(options_));
    }
    connections_ = server.get();
    server_ = std::move(server);
    writer_ = std::make_unique<PacedWriter>([this](int fd) { serve_again(fd); },
                                            std::chrono::seconds(options_.write_timeout_s),
                                            [this] { connections_->release_connection(); });
    configure();
  }

  void serve() {
    {
      const std::lock_guard lock(serving_mutex_);
      if (connections_->stopping()) return;
      serving_ = true;
    }
    server_->listen_after_bind();
    pool_ = nullptr;  // httplib has deleted it
    {
      const std::lock_guard lock(serving_mutex_);
      serving_ = false;
    }
    served_.notify_all();
  }

  /// Idle connections close at once (GuardedServer wakes their waits); requests in flight see
  /// their cancel flag; replies in flight, adopted streams included, run until the deadline.
  /// The writer stops handing connections back before httplib shuts the pool down, and is
  /// joined only once the pool is done (or the deadline passed): a reply whose headers were
  /// just written may still be adopted, and must get its drain time too.
  void stop() {
    const auto deadline = after_ms(options_.drain_timeout_ms);
    std::unique_lock lock(serving_mutex_);
    connections_->begin_stop(deadline);
    cancels_->raise_all();
    writer_->begin_shut_down(deadline);
    // httplib's stop() also ends every content provider not yet called (it treats a closed
    // listener as "shutting down"), which would cut a reply whose headers just went out.
    // Shutting the listener down ends the accept loop alone; stop() follows at the deadline.
    if (!serving_ || listen_socket_ < 0 || ::shutdown(listen_socket_, SHUT_RDWR) != 0)
      server_->stop();
    if (!served_.wait_until(lock, deadline, [this] { return !serving_; })) server_->stop();
    lock.unlock();
    writer_->shut_down(deadline);
  }

  httplib::Server& server() { return *server_; }
  const HttpServerOptions& options() const { return options_; }

  /// Debian's compiled cpp-httplib listens with a backlog of 5, so a burst of connections
  /// waits out SYN retransmits (1 s, 3 s, 7 s...). Listening again on the bound socket
  /// raises the backlog; Linux applies a second listen() to a listening socket.
  bool widen_backlog() const {
    return listen_socket_ < 0 ||
           ::listen(listen_socket_, std::max(5, options_.listen_backlog)) == 0;
  }

 private:
  void configure() {
    auto& s = *server_;
    s.set_tcp_nodelay(true);
    // Replaces httplib's default option setter (SO_REUSEADDR) and remembers the listening socket.
    s.set_socket_options([this](socket_t sock) {
      int yes = 1;
      ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
      // Accept a connection once its first bytes are in (nginx's `deferred`): a client that
      // connects ahead of its request, like a load generator opening thousands of streams,
      // takes no thread until it speaks. One that never speaks is accepted after a second and
      // then meets the header deadline.
      int defer_seconds = 1;
      ::setsockopt(sock, IPPROTO_TCP, TCP_DEFER_ACCEPT, &defer_seconds, sizeof defer_seconds);
      listen_socket_ = sock;
    });
    const auto threads = static_cast<std::size_t>(std::max(1, options_.threads)) + kRefusalThreads;
    s.new_task_queue = [this, threads] {
      auto* pool = new ElasticThreadPool(std::min<std::size_t>(threads, 8), threads);
      pool_ = pool;
      return pool;
    };
    s.set_keep_alive_timeout(options_.keep_alive_timeout_s);
    // httplib closes a keep-alive connection after 5 requests by default; load tests reconnect
    // constantly under that, which no real API does.
    s.set_keep_alive_max_count(options_.keep_alive_max_requests);
    s.set_read_timeout(options_.read_timeout_s, 0);
    s.set_write_timeout(options_.write_timeout_s, 0);
    s.set_payload_max_length(options_.max_body_bytes);
    const auto route = [this](const httplib::Request& req, httplib::Response& res) {
      auto cancel = cancels_->issue();
      execute(handler_(to_wire(req, cancel)), res, writer_.get(), cancel);
      if (auto* connection = ConnectionHandOff::current()) connection->answered = &res;
    };
    // One catch-all per method: routing is chatmock's own (app/route_table), not httplib's regex
    // list.
    s.Get(".*", route);
    s.Post(".*", route);
    s.Put(".*", route);
    s.Patch(".*", route);
    s.Delete(".*", route);
    s.Options(".*", route);
    // httplib calls this for every status >= 400, chatmock's own replies included. Only a reply
    // httplib made itself (a malformed request line, 413, no route) gets a JSON page: a reply the
    // route answered — a scenario's empty text/plain 502, a fixture's body — goes out as it is.
    using Outcome = httplib::Server::HandlerResponse;
    // Wrapped: a bare lambda would also convert to the void-returning Handler overload (0.11).
    s.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& req,
                                                                httplib::Response& res) {
      const auto* connection = ConnectionHandOff::current();
      if ((connection != nullptr && connection->answered == &res) || !res.body.empty() ||
          res.content_provider_) {
        return Outcome::Unhandled;
      }
      res.set_content(error_page_for_status(res.status, req.method, req.path), "application/json");
      return Outcome::Handled;
    }));
    s.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
          res.status = 500;
          res.set_content(error_page_for_status(500, "", ""), "application/json");
        });
  }

  /// A connection whose adopted reply completed goes back to the pool for its next request.
  void serve_again(int fd) {
    auto* pool = pool_.load();
    if (pool == nullptr || !pool->try_enqueue([this, fd] { connections_->serve_again(fd); })) {
      ::shutdown(fd, SHUT_RDWR);
      ::close(fd);
      connections_->release_connection();
    }
  }

  HttpServerOptions options_;
  int listen_socket_ = -1;
  GuardedServer* connections_ = nullptr;  ///< server_, as the loop that takes connections back
  std::atomic<ElasticThreadPool*> pool_{nullptr};  ///< owned by httplib while it listens
  Handler handler_;
  std::shared_ptr<CancelRegistry> cancels_ = std::make_shared<CancelRegistry>();
  std::unique_ptr<httplib::Server> server_;
  std::mutex serving_mutex_;
  std::condition_variable served_;
  bool serving_ = false;                 ///< serve() is inside httplib's listen loop
  std::unique_ptr<PacedWriter> writer_;  ///< declared last: destroyed first, while server_ lives
};

HttpServer::HttpServer(HttpServerOptions options, Handler handler)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler))) {}

HttpServer::~HttpServer() { stop(); }

int HttpServer::bind(std::string& error) {
  auto& server = impl_->server();
  if (!server.is_valid()) {
    error = "could not initialise the server (TLS certificate or key unreadable?)";
    return -1;
  }
  const auto& o = impl_->options();
  if (o.port == 0) {
    const int port = server.bind_to_any_port(o.host);
    if (port <= 0) error = "could not bind " + o.host + " to an ephemeral port";
    if (port > 0 && !impl_->widen_backlog()) error = "could not raise the listen backlog";
    return port > 0 && error.empty() ? port : -1;
  }
  if (!server.bind_to_port(o.host, o.port)) {
    error = "could not bind " + o.host + ":" + std::to_string(o.port) + " (port in use?)";
    return -1;
  }
  if (!impl_->widen_backlog()) {
    error = "could not raise the listen backlog";
    return -1;
  }
  return o.port;
}

void HttpServer::serve() { impl_->serve(); }

void HttpServer::stop() {
  if (impl_) impl_->stop();
}

}  // namespace chatmock::http
