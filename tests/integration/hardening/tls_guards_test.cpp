// HTTPS gets the same per-connection guards as HTTP: a client that connects and never says
// hello, or dribbles its headers inside the TLS session, is cut off at the header deadline;
// oversized heads get 431; the connection cap answers 503; and 400 connections stuck before
// their handshake leave a normal HTTPS request answered.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <stdlib.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

#include "raw_socket.h"
#include "support/running_server.h"
#include "support/self_signed_cert.h"

namespace chatmock::testing {
namespace {

using namespace std::chrono_literals;

const std::string kTlsGoodBody =
    R"({"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]})";

std::string tls_request_with(const std::string& extra_headers) {
  return "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer sk-x\r\n"
         "Content-Type: application/json\r\nContent-Length: " +
         std::to_string(kTlsGoodBody.size()) + "\r\n" + extra_headers + "\r\n" + kTlsGoodBody;
}

int tls_status_of(const std::string& response) {
  return response.starts_with("HTTP/1.1 ") ? std::atoi(response.c_str() + 9) : 0;
}

/// A certificate and key in a fresh folder, removed with the object.
class Certificate {
 public:
  Certificate() {
    std::string pattern = (std::filesystem::temp_directory_path() / "chatmock-tls-XXXXXX").string();
    folder_ = ::mkdtemp(pattern.data()) != nullptr ? pattern : "";
    ok_ = !folder_.empty() && write_self_signed(cert(), key());
  }
  ~Certificate() {
    std::error_code ignored;
    if (!folder_.empty()) std::filesystem::remove_all(folder_, ignored);
  }
  bool ok() const { return ok_; }
  std::string cert() const { return folder_ + "/cert.pem"; }
  std::string key() const { return folder_ + "/key.pem"; }

  app::Config config() const {
    app::Config config;
    config.http.tls_cert = cert();
    config.http.tls_key = key();
    return config;
  }

 private:
  std::string folder_;
  bool ok_ = false;
};

/// A blocking TLS client over a raw socket, to send what httplib's client would not.
class TlsConnection {
 public:
  explicit TlsConnection(int port)
      : context_(SSL_CTX_new(TLS_client_method())), fd_(open_socket(port, 10000)) {
    if (context_ == nullptr || fd_ < 0) return;
    ssl_ = SSL_new(context_);
    SSL_set_fd(ssl_, fd_);
    connected_ = SSL_connect(ssl_) == 1;  // the test certificate is not verified: no CA set
  }
  ~TlsConnection() {
    SSL_free(ssl_);
    SSL_CTX_free(context_);
    if (fd_ >= 0) ::close(fd_);
  }
  bool connected() const { return connected_; }
  /// The server has answered or closed the session. Reads past the session tickets a TLS 1.3
  /// server sends after the handshake: those make the socket readable but are no answer.
  bool answered() {
    const int flags = ::fcntl(fd_, F_GETFL);
    ::fcntl(fd_, F_SETFL, flags | O_NONBLOCK);
    char byte = 0;
    const int n = SSL_peek(ssl_, &byte, 1);
    const bool answer = n > 0 || SSL_get_error(ssl_, n) != SSL_ERROR_WANT_READ;
    ERR_clear_error();
    ::fcntl(fd_, F_SETFL, flags);
    return answer;
  }
  bool send(const std::string& bytes) {
    return SSL_write(ssl_, bytes.data(), static_cast<int>(bytes.size())) ==
           static_cast<int>(bytes.size());
  }
  /// Reads until the response is complete, the server closes, or the 10 s socket timeout.
  std::string read_response() {
    std::string response;
    char buffer[4096];
    while (!complete_response(response)) {
      const int n = SSL_read(ssl_, buffer, sizeof buffer);
      if (n <= 0) break;
      response.append(buffer, static_cast<std::size_t>(n));
    }
    ERR_clear_error();
    return response;
  }

 private:
  SSL_CTX* context_;
  int fd_;
  SSL* ssl_ = nullptr;
  bool connected_ = false;
};

/// Each test serves HTTPS with a fresh certificate; `start` applies the limits under test.
class TlsGuards : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(certificate_.ok()); }

  int start(const std::function<void(app::Config&)>& tune = {}) {
    auto config = certificate_.config();
    if (tune) tune(config);
    server_ = std::make_unique<RunningServer>(config);
    return server_->port();
  }

 private:
  Certificate certificate_;
  std::unique_ptr<RunningServer> server_;
};

int https_post_status(int port, std::chrono::seconds timeout = 5s) {
  httplib::SSLClient client("127.0.0.1", port);
  client.enable_server_certificate_verification(false);
  client.set_connection_timeout(timeout);
  client.set_read_timeout(timeout);
  const auto res = client.Post("/v1/chat/completions", {{"Authorization", "Bearer sk-x"}},
                               kTlsGoodBody, "application/json");
  return res ? res->status : -static_cast<int>(res.error());
}

TEST_F(TlsGuards, ServesHttpsWithKeepAlive) {
  TlsConnection connection(start());
  ASSERT_TRUE(connection.connected());
  for (int i = 0; i < 2; ++i) {
    ASSERT_TRUE(connection.send(tls_request_with("")));
    const auto response = connection.read_response();
    EXPECT_EQ(tls_status_of(response), 200) << response.substr(0, 120);
    EXPECT_NE(response.find("chat.completion"), std::string::npos);
  }
}

TEST_F(TlsGuards, SilentConnectionIsClosedAtTheHeaderDeadline) {
  const int port = start([](app::Config& c) { c.http.header_timeout_ms = 300; });
  const int fd = open_socket(port, 10000);
  ASSERT_GE(fd, 0);
  const auto started = std::chrono::steady_clock::now();
  char byte = 0;
  EXPECT_EQ(::recv(fd, &byte, 1, 0), 0);  // closed by the server, not our 10 s timeout
  EXPECT_LT(std::chrono::steady_clock::now() - started, 5s);
  ::close(fd);
  EXPECT_EQ(https_post_status(port), 200);
}

TEST_F(TlsGuards, HeadersDribbledInsideTheSessionGet408) {
  TlsConnection connection(start([](app::Config& c) { c.http.header_timeout_ms = 500; }));
  ASSERT_TRUE(connection.connected());
  const std::string head = tls_request_with("");
  // One TLS record a byte, every 50 ms, until the server answers: well past the deadline before
  // the head is complete. The dribble stops at the answer: the server closes once its lingering
  // close ends, and a write after that fails and leaves the session unreadable (it did, when
  // the writes ran to the twentieth byte on a loaded machine).
  for (std::size_t i = 0; i < 20 && !connection.answered(); ++i) {
    if (!connection.send(head.substr(i, 1))) break;
    std::this_thread::sleep_for(50ms);
  }
  const auto response = connection.read_response();
  EXPECT_EQ(tls_status_of(response), 408) << response.substr(0, 120);
}

TEST_F(TlsGuards, OversizedHeadersGet431) {
  const int port = start();
  TlsConnection connection(port);
  ASSERT_TRUE(connection.connected());
  connection.send(tls_request_with("X-Huge: " + std::string(200 * 1024, 'a') + "\r\n"));
  const auto response = connection.read_response();
  EXPECT_EQ(tls_status_of(response), 431) << response.substr(0, 120);
  EXPECT_EQ(https_post_status(port), 200);
}

TEST_F(TlsGuards, ConnectionsBeyondTheCapGet503) {
  const int port = start([](app::Config& c) { c.http.max_connections = 2; });
  std::vector<std::unique_ptr<TlsConnection>> held;
  for (int i = 0; i < 2; ++i) {
    held.push_back(std::make_unique<TlsConnection>(port));
    ASSERT_TRUE(held.back()->connected());
    ASSERT_TRUE(held.back()->send(tls_request_with("")));
    ASSERT_EQ(tls_status_of(held.back()->read_response()), 200);  // served, so counted as open
  }
  TlsConnection extra(port);
  ASSERT_TRUE(extra.connected());
  const auto response = extra.read_response();
  EXPECT_EQ(tls_status_of(response), 503) << response.substr(0, 120);
  held.clear();
  // Closed connections free their slots.
  bool served = false;
  for (int attempt = 0; attempt < 50 && !served; ++attempt) {
    served = https_post_status(port) == 200;
    if (!served) std::this_thread::sleep_for(50ms);
  }
  EXPECT_TRUE(served);
}

TEST_F(TlsGuards, FourHundredConnectionsStuckBeforeTheHandshakeDoNotBlockARequest) {
  rlimit files{};
  ::getrlimit(RLIMIT_NOFILE, &files);
  files.rlim_cur = std::max<rlim_t>(files.rlim_cur, std::min<rlim_t>(files.rlim_max, 4096));
  ::setrlimit(RLIMIT_NOFILE, &files);
  const int port = start();
  std::vector<int> stuck;
  for (int i = 0; i < 400; ++i) {
    const int fd = open_socket(port);
    ASSERT_GE(fd, 0);
    // The first bytes of a TLS record header: the server is left waiting for a ClientHello.
    const char partial[] = {0x16, 0x03};
    ::send(fd, partial, sizeof partial, MSG_NOSIGNAL);
    stuck.push_back(fd);
  }
  // The one-second requirement is SlowClients' over HTTP; a handshake behind 400 queued
  // connections under a sanitizer needs more slack than that, not a different server.
  const int status = https_post_status(port, 3s);
  for (const int fd : stuck) ::close(fd);
  EXPECT_EQ(status, 200);
}

}  // namespace
}  // namespace chatmock::testing
