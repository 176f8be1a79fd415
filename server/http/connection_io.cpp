// Plain sockets use recv/send with MSG_DONTWAIT; TLS sessions run on an O_NONBLOCK socket and
// map SSL_ERROR_WANT_READ/WANT_WRITE to poll() waits. Either way no call blocks past its
// deadline, which is what keeps a slow or silent client from holding a thread.
#include "http/connection_io.h"

#include <fcntl.h>
#include <openssl/err.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>

namespace chatmock::http {

namespace {
// Waits are cut into slices so that stop() is noticed within this bound.
constexpr int kPollSliceMs = 200;

int remaining_ms(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return static_cast<int>(std::max<std::chrono::milliseconds::rep>(0, left.count()));
}

/// What a TLS call that returned `result` is waiting for: POLLIN, POLLOUT, or 0 (failed).
short tls_wants(SSL* ssl, int result) {
  switch (SSL_get_error(ssl, result)) {
    case SSL_ERROR_WANT_READ:
      return POLLIN;
    case SSL_ERROR_WANT_WRITE:
      return POLLOUT;
    default:
      ERR_clear_error();  // the queue is per thread; a failed peer must not leak into the next
      return 0;
  }
}
}  // namespace

int wait_for(int sock, short events, Clock::time_point deadline,
             const std::function<bool()>& keep_going, int wake_fd) {
  while (keep_going()) {
    const int left = remaining_ms(deadline);
    pollfd fds[2] = {{sock, events, 0}, {wake_fd, POLLIN, 0}};
    const int ready = ::poll(fds, wake_fd >= 0 ? 2 : 1, std::min(left, kPollSliceMs));
    if (ready > 0 && fds[1].revents != 0) return 0;
    const auto& fd = fds[0];
    if (ready > 0)
      return (fd.revents & (POLLERR | POLLNVAL)) != 0 && (fd.revents & events) == 0 ? -1 : 1;
    if (ready < 0 && errno != EINTR) return -1;
    if (left == 0) return 0;
  }
  return 0;
}

TlsContext::TlsContext(const std::string& cert_path, const std::string& key_path)
    : context_(SSL_CTX_new(TLS_server_method())) {
  if (!context_) return;
  SSL_CTX_set_min_proto_version(context_.get(), TLS1_2_VERSION);
  SSL_CTX_set_mode(context_.get(),
                   SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
  if (SSL_CTX_use_certificate_chain_file(context_.get(), cert_path.c_str()) != 1 ||
      SSL_CTX_use_PrivateKey_file(context_.get(), key_path.c_str(), SSL_FILETYPE_PEM) != 1 ||
      SSL_CTX_check_private_key(context_.get()) != 1) {
    ERR_clear_error();
    context_.reset();
  }
}

ConnectionIo::ConnectionIo(int sock, const TlsContext* tls) : sock_(sock) {
  if (tls == nullptr || !tls->valid()) return;
  ::fcntl(sock_, F_SETFL, ::fcntl(sock_, F_GETFL) | O_NONBLOCK);
  ssl_ = SSL_new(tls->get());
  if (ssl_ != nullptr) SSL_set_fd(ssl_, sock_);
}

ConnectionIo::~ConnectionIo() { SSL_free(ssl_); }

bool ConnectionIo::handshake(Clock::time_point deadline, const std::function<bool()>& keep_going) {
  if (ssl_ == nullptr) return true;
  while (true) {
    const int result = SSL_accept(ssl_);
    if (result == 1) return true;
    const short wants = tls_wants(ssl_, result);
    if (wants == 0 || wait_for(sock_, wants, deadline, keep_going) != 1) return false;
  }
}

ReadStatus ConnectionIo::read_some(char* data, std::size_t size, std::size_t& got,
                                   Clock::time_point deadline,
                                   const std::function<bool()>& keep_going, int wake_fd) {
  got = 0;
  short wants = POLLIN;
  while (true) {
    if (!has_buffered()) {
      const int ready = wait_for(sock_, wants, deadline, keep_going, wake_fd);
      if (ready < 0) return ReadStatus::failed;
      if (ready == 0)
        return keep_going() && remaining_ms(deadline) == 0 ? ReadStatus::timed_out
                                                           : ReadStatus::closed;
    }
    if (ssl_ == nullptr) {
      const auto n = ::recv(sock_, data, size, MSG_DONTWAIT);
      if (n > 0) {
        got = static_cast<std::size_t>(n);
        return ReadStatus::data;
      }
      if (n == 0) return ReadStatus::closed;
      if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) return ReadStatus::failed;
      continue;
    }
    const int n = SSL_read(ssl_, data, static_cast<int>(std::min<std::size_t>(size, 1 << 30)));
    if (n > 0) {
      got = static_cast<std::size_t>(n);
      return ReadStatus::data;
    }
    if (SSL_get_error(ssl_, n) == SSL_ERROR_ZERO_RETURN) return ReadStatus::closed;
    wants = tls_wants(ssl_, n);
    if (wants == 0) return ReadStatus::closed;
  }
}

ssize_t ConnectionIo::write_some(const char* data, std::size_t size, Clock::time_point deadline) {
  short wants = POLLOUT;
  while (true) {
    if (wait_for(sock_, wants, deadline, until_deadline) != 1) return -1;
    if (ssl_ == nullptr) {
      const auto n = ::send(sock_, data, size, MSG_DONTWAIT | MSG_NOSIGNAL);
      if (n >= 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) return n;
      continue;
    }
    const int n = SSL_write(ssl_, data, static_cast<int>(std::min<std::size_t>(size, 1 << 30)));
    if (n > 0) return n;
    wants = tls_wants(ssl_, n);
    if (wants == 0) return -1;
  }
}

bool ConnectionIo::write_all(const std::string& data, Clock::time_point deadline) {
  std::size_t sent = 0;
  while (sent < data.size()) {
    const auto n = write_some(data.data() + sent, data.size() - sent, deadline);
    if (n <= 0) return false;
    sent += static_cast<std::size_t>(n);
  }
  return true;
}

bool ConnectionIo::has_buffered() const { return ssl_ != nullptr && SSL_pending(ssl_) > 0; }

void ConnectionIo::close_session() {
  if (ssl_ != nullptr && SSL_is_init_finished(ssl_) == 1) {
    SSL_shutdown(ssl_);
    ERR_clear_error();
  }
}

}  // namespace chatmock::http
