// Reads drain the buffered head first so httplib parses exactly the bytes the loop checked;
// the unread count is kept on the hand-off, since a connection with a pipelined request
// buffered must not be handed to the PacedWriter (it would never see those bytes).
#include "http/guarded_stream.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/select.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstring>

namespace chatmock::http {

namespace {

std::string address_text(const sockaddr_storage& addr, int& port) {
  char text[INET6_ADDRSTRLEN] = {};
  if (addr.ss_family == AF_INET6) {
    const auto& v6 = reinterpret_cast<const sockaddr_in6&>(addr);
    ::inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
    port = ntohs(v6.sin6_port);
  } else {
    const auto& v4 = reinterpret_cast<const sockaddr_in&>(addr);
    ::inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text);
    port = ntohs(v4.sin_port);
  }
  return text;
}

}  // namespace

bool GuardedStream::is_readable() const {
  return consumed_ < pending_.size() || io_.has_buffered() ||
         wait_for(sock_, POLLIN, std::min(read_deadline_, write_deadline_()), until_deadline) == 1;
}

bool GuardedStream::is_writable() const {
  return wait_for(sock_, POLLOUT, write_deadline_(), until_deadline) == 1;
}

ssize_t GuardedStream::read(char* ptr, size_t size) {
  if (consumed_ < pending_.size()) {
    // httplib reads the head one byte at a time: that case skips memcpy's call.
    const std::size_t left = pending_.size() - consumed_;
    const std::size_t n = std::min(size, left);
    if (n == 1) {
      *ptr = pending_[consumed_];
    } else {
      std::memcpy(ptr, pending_.data() + consumed_, n);
    }
    consumed_ += n;
    hand_off_.unread = left - n;
    return static_cast<ssize_t>(n);
  }
  return read_socket(ptr, size);
}

// Out of line, so the buffered path above stays a leaf that saves no registers.
ssize_t GuardedStream::read_socket(char* ptr, size_t size) {
  std::size_t got = 0;
  switch (
      io_.read_some(ptr, size, got, std::min(read_deadline_, write_deadline_()), until_deadline)) {
    case ReadStatus::data:
      return static_cast<ssize_t>(got);
    case ReadStatus::closed:
      return 0;
    default:
      return -1;
  }
}

ssize_t GuardedStream::write(const char* ptr, size_t size) {
  return io_.write_some(ptr, size, write_deadline_());
}

void GuardedStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage addr{};
  socklen_t length = sizeof addr;
  if (::getpeername(sock_, reinterpret_cast<sockaddr*>(&addr), &length) == 0)
    ip = address_text(addr, port);
}

void GuardedStream::get_local_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage addr{};
  socklen_t length = sizeof addr;
  if (::getsockname(sock_, reinterpret_cast<sockaddr*>(&addr), &length) == 0)
    ip = address_text(addr, port);
}

// httplib (built without CPPHTTPLIB_USE_POLL) answers 500 when socket() >= FD_SETSIZE, a guard
// for its select(); this stream polls, so the guard does not apply and such descriptors are
// reported as -1.
socket_t GuardedStream::socket() const { return sock_ < FD_SETSIZE ? sock_ : -1; }

}  // namespace chatmock::http
