// The keep-alive loop httplib 0.11 runs in Server::process_and_close_socket, with one change: a
// connection whose reply was adopted (ConnectionHandOff::adopted) leaves the loop open. Debian's
// compiled httplib keeps its SocketStream private, so SocketConnection re-implements it: buffered
// reads (httplib parses the request line byte by byte) and poll-bounded reads and writes.
#include "http/connection_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>

namespace chatmock::http {

namespace {
thread_local ConnectionHandOff* current_hand_off = nullptr;

/// Waits up to `timeout_ms` for `events` on fd; true when ready.
bool wait_for(int fd, short events, int timeout_ms) {
  pollfd p{fd, events, 0};
  for (;;) {
    const int n = ::poll(&p, 1, timeout_ms);
    if (n < 0 && errno == EINTR) continue;
    return n > 0;
  }
}

int to_ms(time_t sec, time_t usec) { return static_cast<int>(sec * 1000 + usec / 1000); }

void ip_and_port(const sockaddr_storage& addr, std::string& ip, int& port) {
  std::array<char, INET6_ADDRSTRLEN> text{};
  if (addr.ss_family == AF_INET) {
    const auto& a = reinterpret_cast<const sockaddr_in&>(addr);
    ::inet_ntop(AF_INET, &a.sin_addr, text.data(), text.size());
    port = ntohs(a.sin_port);
  } else if (addr.ss_family == AF_INET6) {
    const auto& a = reinterpret_cast<const sockaddr_in6&>(addr);
    ::inet_ntop(AF_INET6, &a.sin6_addr, text.data(), text.size());
    port = ntohs(a.sin6_port);
  }
  ip = text.data();
}

class SocketConnection final : public httplib::Stream {
 public:
  SocketConnection(int fd, int read_timeout_ms, int write_timeout_ms)
      : fd_(fd), read_timeout_ms_(read_timeout_ms), write_timeout_ms_(write_timeout_ms) {}

  bool is_readable() const override { return buffered() > 0 || wait_for(fd_, POLLIN, read_timeout_ms_); }
  bool is_writable() const override { return wait_for(fd_, POLLOUT, write_timeout_ms_); }

  ssize_t read(char* ptr, std::size_t size) override {
    if (buffered() == 0) {
      // Try first, wait only when nothing is there: the request usually is, saving a poll().
      ssize_t n = attempt([&] { return ::recv(fd_, buffer_.data(), buffer_.size(), MSG_DONTWAIT); }, POLLIN,
                          read_timeout_ms_);
      if (n <= 0) return n;
      begin_ = 0;
      end_ = static_cast<std::size_t>(n);
    }
    const auto count = std::min(size, buffered());
    std::memcpy(ptr, buffer_.data() + begin_, count);
    begin_ += count;
    return static_cast<ssize_t>(count);
  }

  ssize_t write(const char* ptr, std::size_t size) override {
    return attempt([&] { return ::send(fd_, ptr, size, MSG_NOSIGNAL | MSG_DONTWAIT); }, POLLOUT, write_timeout_ms_);
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    if (::getpeername(fd_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) ip_and_port(addr, ip, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    if (::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) ip_and_port(addr, ip, port);
  }
  socket_t socket() const override { return fd_; }

  /// A pipelined request already read into the buffer counts as the connection being readable.
  std::size_t buffered() const { return end_ - begin_; }

 private:
  /// Runs a non-blocking `io` call, waiting up to `timeout_ms` for `events` when it would block;
  /// -1 on timeout, as httplib's own SocketStream reports it.
  template <typename Io>
  ssize_t attempt(Io io, short events, int timeout_ms) const {
    for (;;) {
      const ssize_t n = io();
      if (n >= 0) return n;
      if (errno == EINTR) continue;
      if ((errno != EAGAIN && errno != EWOULDBLOCK) || !wait_for(fd_, events, timeout_ms)) return -1;
    }
  }

  int fd_;
  int read_timeout_ms_;
  int write_timeout_ms_;
  std::array<char, 4096> buffer_{};
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
};

/// Waits for the next request on a keep-alive connection, waking every idle interval to notice
/// a server that stopped; false on timeout, stop or a closed connection.
bool await_next_request(const std::atomic<socket_t>& listener, int fd, time_t keep_alive_s) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(keep_alive_s);
  while (listener != INVALID_SOCKET) {
    if (wait_for(fd, POLLIN, 100)) return true;
    if (std::chrono::steady_clock::now() >= deadline) return false;
  }
  return false;
}
}  // namespace

ConnectionHandOff* ConnectionHandOff::current() { return current_hand_off; }

bool ConnectionServer::process_and_close_socket(socket_t sock) {
  ConnectionHandOff hand_off{sock, false};
  current_hand_off = &hand_off;
  SocketConnection connection(sock, to_ms(read_timeout_sec_, read_timeout_usec_),
                              to_ms(write_timeout_sec_, write_timeout_usec_));
  bool ok = false;
  for (auto left = keep_alive_max_count_; left > 0; --left) {
    if (connection.buffered() == 0 && !await_next_request(svr_sock_, sock, keep_alive_timeout_sec_)) break;
    bool connection_closed = false;
    ok = process_request(connection, left == 1, connection_closed, nullptr);
    if (hand_off.adopted || !ok || connection_closed) break;
  }
  current_hand_off = nullptr;
  if (!hand_off.adopted) {
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
  }
  return ok;
}

}  // namespace chatmock::http
