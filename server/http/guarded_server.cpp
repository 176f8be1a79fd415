// The connection loop httplib's process_server_socket would run, but with deadlines instead of
// per-recv timeouts: httplib 0.11 restarts its 5 s read timeout on every byte, so one byte a
// second holds a thread forever. Here the request line and headers are read into a buffer under
// one deadline and checked against the limits before httplib parses them from that buffer.
// poll() replaces httplib's select(), which cannot watch descriptors above FD_SETSIZE (1024).
// HTTPS runs the same loop over a TLS session (connection_io.h), handshake under the deadline.
#include "http/guarded_server.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <string>

#include "http/error_pages.h"
#include "http/guarded_stream.h"
#include "http/request_framing.h"

namespace chatmock::http {

namespace {

constexpr int kLingerMs = 500;
constexpr std::size_t kLingerBytes = 1 << 20;

// httplib calls route handlers and content providers on the thread serving the connection,
// with (Request, Response) only: no httplib release lets a handler reach the connection it is
// answering. A thread-local set for exactly the span of serve_connection() (ConnectionHandOff::
// Scope) is that missing context, and needs no version-specific field of httplib's Request.
thread_local ConnectionHandOff* current_hand_off = nullptr;

enum class Head {
  complete,       ///< request line and headers are buffered
  closed,         ///< the client closed or the server is stopping
  timed_out,      ///< the header deadline passed first (408)
  line_too_long,  ///< the request line exceeds its limit (414)
  too_large,      ///< headers exceed the byte or count limit (431)
};

/// Where the header block ends ("\r\n\r\n" or a bare "\n\n"), or npos.
std::size_t head_end(const std::string& buffer, std::size_t from) {
  for (std::size_t i = from; i < buffer.size(); ++i) {
    if (buffer[i] != '\n') continue;
    if (i >= 1 && buffer[i - 1] == '\n') return i + 1;
    if (i >= 3 && buffer[i - 1] == '\r' && buffer[i - 2] == '\n' && buffer[i - 3] == '\r')
      return i + 1;
  }
  return std::string::npos;
}

/// Writes a complete error reply with `Connection: close`; the caller closes.
void refuse(ConnectionIo& io, int status, Clock::time_point deadline, std::string body = {}) {
  const char* reason = status == 400   ? "Bad Request"
                       : status == 408 ? "Request Timeout"
                       : status == 414 ? "URI Too Long"
                       : status == 431 ? "Request Header Fields Too Large"
                                       : "Service Unavailable";
  if (body.empty()) body = error_page_for_status(status, "", "");
  const std::string reply =
      "HTTP/1.1 " + std::to_string(status) + " " + reason +
      "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
      "\r\nConnection: close\r\n" + (status == 503 ? "Retry-After: 1\r\n" : "") + "\r\n" + body;
  io.write_all(reply, deadline);
}

/// Reads until `pending` holds a whole request line and header block, checking the limits as
/// bytes arrive so an oversized head is refused without being buffered.
Head read_head(ConnectionIo& io, std::string& pending, Clock::time_point deadline,
               const ConnectionLimits& limits, const std::function<bool()>& keep_going,
               int wake_fd) {
  // RFC 9112 §2.2: a server SHOULD ignore empty lines received before the request line.
  pending.erase(0, std::min(pending.find_first_not_of("\r\n"), pending.size()));
  std::size_t scanned = 0;
  char chunk[4096];
  while (true) {
    const auto end = head_end(pending, scanned);
    const auto line_end = pending.find('\n');
    if ((line_end == std::string::npos ? pending.size() : line_end) > limits.max_request_line) {
      return Head::line_too_long;
    }
    if (end != std::string::npos) {
      const auto lines = static_cast<std::size_t>(
          std::count(pending.begin(), pending.begin() + static_cast<std::ptrdiff_t>(end), '\n'));
      if (end > limits.max_header_bytes || lines > limits.max_headers + 2) return Head::too_large;
      return Head::complete;
    }
    if (pending.size() > limits.max_header_bytes) return Head::too_large;
    scanned = pending.size() >= 3 ? pending.size() - 3 : 0;
    std::size_t got = 0;
    switch (io.read_some(chunk, sizeof chunk, got, deadline, keep_going, wake_fd)) {
      case ReadStatus::data:
        pending.append(chunk, got);
        break;
      case ReadStatus::timed_out:
        return Head::timed_out;
      default:
        return Head::closed;
    }
  }
}

}  // namespace

ConnectionHandOff* ConnectionHandOff::current() { return current_hand_off; }

ConnectionHandOff::Scope::Scope(ConnectionHandOff& hand_off) : previous_(current_hand_off) {
  current_hand_off = &hand_off;
}

ConnectionHandOff::Scope::~Scope() { current_hand_off = previous_; }

int GuardedServer::make_wake_fd() { return ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK); }

GuardedServer::~GuardedServer() {
  if (wake_fd_ >= 0) ::close(wake_fd_);
}

void GuardedServer::begin_stop(Clock::time_point drain_deadline) {
  if (stopping_.exchange(true)) return;
  drain_deadline_.store(drain_deadline.time_since_epoch().count());
  const std::uint64_t one = 1;
  [[maybe_unused]] const auto written = wake_fd_ >= 0 ? ::write(wake_fd_, &one, sizeof one) : 0;
  {
    const std::lock_guard lock(slots_mutex_);  // a slot waiter checks stopping under this lock
  }
  slot_freed_.notify_all();
}

Clock::time_point GuardedServer::write_deadline() const {
  return std::min(after_ms(limits_.write_timeout_ms), drain_deadline());
}

bool GuardedServer::process_and_close_socket(socket_t sock) {
  const int yes = 1;
  ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
  serve_socket(sock, false);
  return true;
}

void GuardedServer::serve_socket(int sock, bool slot_held) {
  ConnectionIo io(sock, tls_.get());
  bool linger = true;
  ConnectionHandOff hand_off{sock, io.is_tls(), this};
  bool admitted = slot_held;
  if (slot_held) {
    on_thread_.fetch_add(1);
  } else {
    admitted = take_slot();
  }
  // The handshake shares the header deadline: a client that connects and says nothing, or
  // trickles its ClientHello, is dropped like one that trickles its headers.
  if (!io.handshake(after_ms(limits_.header_timeout_ms), [this] { return !stopping(); })) {
    linger = false;
  } else if (!admitted) {
    refuse(io, 503, write_deadline());
  } else {
    const ConnectionHandOff::Scope serving(hand_off);
    linger = serve_connection(io, hand_off);
  }
  // An adopted connection keeps its connection slot (a paced stream is an open connection)
  // and comes back through serve_again() or release_connection().
  if (admitted) release_thread(!hand_off.adopted);
  if (hand_off.adopted) return;
  io.close_session();
  if (linger && !stopping()) {
    // Close only our side first and drain what the client still sends, so our error reply is
    // not destroyed by a RST for unread bytes (RFC 9112 §9.6, "lingering close").
    ::shutdown(sock, SHUT_WR);
    const auto deadline = std::min(after_ms(kLingerMs), drain_deadline());
    char scratch[4096];
    std::size_t drained = 0;
    while (drained < kLingerBytes &&
           wait_for(sock, POLLIN, deadline, until_deadline, wake_fd_) == 1) {
      const auto n = ::recv(sock, scratch, sizeof scratch, MSG_DONTWAIT);
      if (n <= 0) break;
      drained += static_cast<std::size_t>(n);
    }
  } else {
    ::shutdown(sock, SHUT_RDWR);
  }
  ::close(sock);
}

// A burst of connections (a load test opening thousands of streams at once) briefly needs more
// slots than the cap while each request is parsed and handed on; waiting a moment for a slot
// turns that burst into a short queue instead of 503s. Held connections (idle keep-alive, slow
// clients, paced streams) do not free slots that quickly, so beyond the cap they are refused.
bool GuardedServer::take_slot() {
  std::unique_lock lock(slots_mutex_);
  const auto deadline = after_ms(limits_.slot_wait_ms);
  const auto free = [this] {
    return (open_.load() < limits_.max_connections && on_thread_.load() < limits_.max_threads) ||
           stopping();
  };
  if (!slot_freed_.wait_until(lock, deadline, free) || stopping()) return false;
  open_.fetch_add(1);
  on_thread_.fetch_add(1);
  return true;
}

void GuardedServer::release_thread(bool and_connection) {
  {
    const std::lock_guard lock(slots_mutex_);
    on_thread_.fetch_sub(1);
    if (and_connection) open_.fetch_sub(1);
  }
  slot_freed_.notify_one();
}

void GuardedServer::release_connection() {
  {
    const std::lock_guard lock(slots_mutex_);
    open_.fetch_sub(1);
  }
  slot_freed_.notify_one();
}

bool GuardedServer::serve_connection(ConnectionIo& io, ConnectionHandOff& hand_off) {
  std::string pending;
  const std::function<bool()> running = [this] { return !stopping(); };
  for (std::size_t served = 0; served < limits_.keep_alive_max_requests && !stopping(); ++served) {
    auto request_start = Clock::now();
    if (served > 0 && pending.empty() && !io.has_buffered()) {
      // Idle keep-alive: the next request may take its time to start, up to the idle timeout.
      const int ready =
          wait_for(io.socket(), POLLIN, after_ms(limits_.idle_timeout_ms), running, wake_fd_);
      if (ready != 1) return false;
      request_start = Clock::now();
    }
    const auto head =
        read_head(io, pending, request_start + std::chrono::milliseconds(limits_.header_timeout_ms),
                  limits_, running, wake_fd_);
    switch (head) {
      case Head::complete:
        break;
      case Head::closed:
        return false;
      case Head::timed_out:
        // A connection that never started a request is just closed; a slow one is told why.
        if (pending.empty()) return false;
        refuse(io, 408, write_deadline());
        return true;
      case Head::line_too_long:
        refuse(io, 414, write_deadline());
        return true;
      case Head::too_large:
        refuse(io, 431, write_deadline());
        return true;
    }
    // Refused before httplib reads a body it might frame differently from a proxy in front:
    // the bytes after this head are never served as a request of their own.
    if (const auto violation =
            framing_violation(std::string_view(pending).substr(0, head_end(pending, 0)))) {
      refuse(io, 400, write_deadline(), bad_framing_page(*violation));
      return true;
    }
    const bool last = served + 1 >= limits_.keep_alive_max_requests || stopping();
    bool connection_closed = false;
    GuardedStream stream(io, hand_off, pending,
                         request_start + std::chrono::milliseconds(limits_.request_timeout_ms),
                         [this] { return write_deadline(); });
    hand_off.unread = pending.size();
    // httplib's Response for the next request may sit at the address of the last one.
    hand_off.answered = nullptr;
    const bool ok = compat::process_request(*this, stream, last, connection_closed);
    if (hand_off.adopted) return false;
    if (!ok || connection_closed) return false;
  }
  return false;
}

}  // namespace chatmock::http
