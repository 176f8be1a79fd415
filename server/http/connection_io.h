// ConnectionIo: how the guarded connection loop moves bytes, over a plain socket or through a
// TLS session, always non-blocking and under a deadline, so HTTPS gets the same slowloris,
// header-size and connection-count guards as HTTP. TlsContext owns the server's certificate.
#pragma once

#include <openssl/ssl.h>
#include <sys/types.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>

namespace chatmock::http {

using Clock = std::chrono::steady_clock;

/// Outcome of a bounded read: bytes, or why there are none.
enum class ReadStatus { data, closed, timed_out, failed };

/// The server side of TLS: an SSL_CTX with the certificate chain and key loaded.
class TlsContext {
 public:
  TlsContext(const std::string& cert_path, const std::string& key_path);
  bool valid() const { return context_ != nullptr; }
  SSL_CTX* get() const { return context_.get(); }

 private:
  struct Free {
    void operator()(SSL_CTX* context) const { SSL_CTX_free(context); }
  };
  std::unique_ptr<SSL_CTX, Free> context_;
};

class ConnectionIo {
 public:
  /// Plain socket; `tls` (may be null) makes it a TLS server session that must handshake first.
  ConnectionIo(int sock, const TlsContext* tls);
  ~ConnectionIo();
  ConnectionIo(const ConnectionIo&) = delete;
  ConnectionIo& operator=(const ConnectionIo&) = delete;

  int socket() const { return sock_; }
  bool is_tls() const { return ssl_ != nullptr; }

  /// Completes the TLS handshake before `deadline` (true at once for a plain socket).
  bool handshake(Clock::time_point deadline, const std::function<bool()>& keep_going);

  /// Reads what is available, waiting until `deadline` for the first byte; a readable
  /// `wake_fd` (the server stopping) ends the wait like keep_going turning false.
  ReadStatus read_some(char* data, std::size_t size, std::size_t& got, Clock::time_point deadline,
                       const std::function<bool()>& keep_going, int wake_fd = -1);
  /// Writes some of `data` before `deadline`: bytes written, or -1 (deadline, reset, closed).
  ssize_t write_some(const char* data, std::size_t size, Clock::time_point deadline);
  /// Writes all of `data` before `deadline`.
  bool write_all(const std::string& data, Clock::time_point deadline);

  /// Whether a read would return bytes without waiting (decrypted bytes held by the session).
  bool has_buffered() const;
  /// Sends close_notify (TLS) before the socket is shut down; best effort, never waits.
  void close_session();

 private:
  int sock_;
  SSL* ssl_ = nullptr;
};

/// 1 when `events` are ready on `sock`, 0 at the deadline (or when keep_going turns false, or
/// `wake_fd` turns readable: a stop noticed at once), -1 on error. Waits in slices so a stopping
/// server is noticed even without a wake_fd.
int wait_for(int sock, short events, Clock::time_point deadline,
             const std::function<bool()>& keep_going, int wake_fd = -1);

/// keep_going for waits that only their deadline ends.
inline bool until_deadline() { return true; }

inline Clock::time_point after_ms(int ms) { return Clock::now() + std::chrono::milliseconds(ms); }

}  // namespace chatmock::http
