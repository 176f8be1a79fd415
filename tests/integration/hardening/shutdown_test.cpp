// stop() is instant for idle connections and bounded for busy ones: idle keep-alive connections
// close at once, replies in flight run until the drain deadline and are cut there, and every
// request still computing sees its cancel flag raised.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <thread>
#include <vector>

#include "http/http_server.h"
#include "raw_socket.h"

namespace chatmock::testing {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

wire::SharedReply small_reply() {
  return std::make_shared<wire::WireReply>(wire::json_reply(200, R"({"ok":true})"));
}

/// An HttpServer on an ephemeral port, served from a thread until stop_and_join().
class Served {
 public:
  Served(http::HttpServerOptions options, http::Handler handler)
      : server_(prepare(options), std::move(handler)) {
    std::string error;
    port_ = server_.bind(error);
    EXPECT_GT(port_, 0) << error;
    serving_ = std::thread([this] { server_.serve(); });
  }
  ~Served() { stop_and_join(); }
  int port() const { return port_; }
  /// stop() and the serve() thread's exit, timed together.
  Clock::duration stop_and_join() {
    const auto start = Clock::now();
    server_.stop();
    if (serving_.joinable()) serving_.join();
    return Clock::now() - start;
  }

 private:
  static http::HttpServerOptions prepare(http::HttpServerOptions options) {
    std::signal(SIGPIPE, SIG_IGN);
    options.port = 0;
    return options;
  }
  http::HttpServer server_;
  std::thread serving_;
  int port_ = 0;
};

long long ms(Clock::duration d) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(d).count();
}

std::string exchange_keep_alive(int fd) {
  const std::string request = "GET /x HTTP/1.1\r\nHost: x\r\n\r\n";
  ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  std::string response;
  char buffer[4096];
  while (!complete_response(response)) {
    const auto n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    response.append(buffer, static_cast<std::size_t>(n));
  }
  return response;
}

TEST(Shutdown, AHundredIdleKeepAliveConnectionsDoNotDelayStop) {
  http::HttpServerOptions options;
  options.keep_alive_timeout_s = 60;
  Served served(options, [](const wire::HttpRequest&) { return small_reply(); });
  std::vector<int> idle;
  for (int i = 0; i < 100; ++i) {
    idle.push_back(open_socket(served.port(), 10000));
    ASSERT_TRUE(exchange_keep_alive(idle.back()).starts_with("HTTP/1.1 200")) << "connection " << i;
  }
  const auto took = served.stop_and_join();
  std::printf("[ measured ] stop() with 100 idle keep-alive connections: %lld ms\n", ms(took));
  EXPECT_LT(took, 1500ms);
  // Each idle connection was closed by the server, not left for the client's timeout.
  char byte;
  for (const int fd : idle) {
    EXPECT_EQ(::recv(fd, &byte, 1, 0), 0);
    ::close(fd);
  }
}

TEST(Shutdown, APacedStreamIsCutAtTheDrainDeadline) {
  http::HttpServerOptions options;
  options.drain_timeout_ms = 300;
  Served served(options, [](const wire::HttpRequest&) {
    auto reply = std::make_shared<wire::WireReply>();
    reply->chunked = true;
    reply->content_type = "text/event-stream";
    for (int i = 0; i < 200; ++i)
      reply->writes.push_back({"data: x\n\n", std::chrono::milliseconds(50)});
    return wire::SharedReply(reply);
  });
  const int fd = open_socket(served.port(), 10000);
  const std::string request = "GET /x HTTP/1.1\r\nHost: x\r\n\r\n";
  ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  char buffer[4096];
  ASSERT_GT(::recv(fd, buffer, sizeof buffer, 0), 0);
  const auto took = served.stop_and_join();
  std::printf("[ measured ] stop() with a 10 s paced stream, 300 ms drain: %lld ms\n", ms(took));
  EXPECT_GE(took, 200ms) << "the stream was given its drain time";
  EXPECT_LT(took, 2s);
  std::string rest;
  while (true) {
    const auto n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    rest.append(buffer, static_cast<std::size_t>(n));
  }
  EXPECT_EQ(rest.find("0\r\n\r\n"), std::string::npos) << "cut, not completed";
  ::close(fd);
}

TEST(Shutdown, RunawayWorkSeesItsCancelFlagAtStop) {
  http::HttpServerOptions options;
  options.drain_timeout_ms = 200;
  std::atomic<bool> working{false};
  std::atomic<bool> saw_cancel{false};
  Served served(options, [&](const wire::HttpRequest& request) {
    working = true;
    // Work that would run for 30 s unless cancelled (a stand-in for a runaway synthesis).
    const auto give_up = Clock::now() + 30s;
    while (Clock::now() < give_up) {
      if (request.cancelled && request.cancelled->load()) {
        saw_cancel = true;
        break;
      }
      std::this_thread::sleep_for(1ms);
    }
    return small_reply();
  });
  std::thread client([&] {
    const int fd = open_socket(served.port(), 10000);
    exchange_keep_alive(fd);
    ::close(fd);
  });
  while (!working) std::this_thread::sleep_for(5ms);
  const auto took = served.stop_and_join();
  client.join();
  std::printf("[ measured ] stop() with runaway work in flight: %lld ms\n", ms(took));
  EXPECT_TRUE(saw_cancel.load());
  EXPECT_LT(took, 1500ms);
}

}  // namespace
}  // namespace chatmock::testing
