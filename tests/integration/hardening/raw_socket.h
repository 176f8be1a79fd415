// Raw loopback sockets for hardening tests: bytes no HTTP client library would send, and
// connections left open mid-request on purpose.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <string>

namespace chatmock::testing {

inline int open_socket(int port, int timeout_ms = 3000) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  timeval timeout{timeout_ms / 1000, (timeout_ms % 1000) * 1000};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

/// True once `response` holds the headers and Content-Length bytes of body.
inline bool complete_response(const std::string& response) {
  const auto end = response.find("\r\n\r\n");
  if (end == std::string::npos) return false;
  const auto at = response.find("Content-Length: ");
  if (at == std::string::npos || at > end) return false;
  return response.size() >= end + 4 + std::stoul(response.substr(at + 16));
}

/// What became of one exchange: the bytes read, and whether the server answered or closed
/// before the read timeout (a hang is neither).
struct Outcome {
  std::string response;
  bool closed_or_answered = false;
};

/// Sends `bytes`, optionally half-closes, and reads until the server closes or the timeout
/// passes. cpp-httplib drops the response to a half-closed client (its liveness check peeks
/// the FIN), so tests that need the answer keep the write side open.
inline Outcome exchange_raw(int port, const std::string& bytes, bool half_close = true) {
  Outcome outcome;
  const int fd = open_socket(port);
  if (fd < 0) return outcome;
  ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
  if (half_close) ::shutdown(fd, SHUT_WR);
  char buffer[4096];
  while (true) {
    const auto n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n > 0) {
      outcome.response.append(buffer, static_cast<std::size_t>(n));
      if (!half_close && complete_response(outcome.response)) {
        outcome.closed_or_answered = true;
        break;
      }
      continue;
    }
    // 0 is an orderly close; ECONNRESET is a close too. EAGAIN means the timeout passed.
    outcome.closed_or_answered =
        n == 0 || errno == ECONNRESET || outcome.response.starts_with("HTTP/1.1 ");
    break;
  }
  ::close(fd);
  return outcome;
}

}  // namespace chatmock::testing
