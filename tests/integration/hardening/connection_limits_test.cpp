// Per-connection limits over real sockets: oversized heads get 431/414, a client dribbling its
// headers gets 408, an idle keep-alive connection is closed, and connections beyond the cap get
// 503 — each with an OpenAI-shaped body, and the server keeps serving afterwards.
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "raw_socket.h"
#include "support/running_server.h"

namespace chatmock::testing {
namespace {

const std::string kGoodBody =
    R"({"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]})";

std::string request_with(const std::string& extra_headers,
                         const std::string& target = "/v1/chat/completions") {
  return "POST " + target +
         " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer sk-x\r\n"
         "Content-Type: application/json\r\nContent-Length: " +
         std::to_string(kGoodBody.size()) + "\r\n" + extra_headers + "\r\n" + kGoodBody;
}

int status_of(const std::string& response) {
  return response.starts_with("HTTP/1.1 ") ? std::atoi(response.c_str() + 9) : 0;
}

nlohmann::json body_of(const std::string& response) {
  const auto at = response.find("\r\n\r\n");
  return at == std::string::npos ? nlohmann::json()
                                 : nlohmann::json::parse(response.substr(at + 4), nullptr, false);
}

void expect_still_serving(int port) {
  httplib::Client client("127.0.0.1", port);
  const auto res = client.Post("/v1/chat/completions", {{"Authorization", "Bearer sk-x"}},
                               kGoodBody, "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

TEST(ConnectionLimits, TooManyHeaderFieldsGet431) {
  app::Config config;
  config.http.max_headers = 50;
  RunningServer server(config);
  std::string headers;
  for (int i = 0; i < 51; ++i) headers += "X-H" + std::to_string(i) + ": v\r\n";
  const auto outcome = exchange_raw(server.port(), request_with(headers), /*half_close=*/false);
  EXPECT_EQ(status_of(outcome.response), 431) << outcome.response.substr(0, 80);
  EXPECT_EQ(body_of(outcome.response)["error"]["type"], "invalid_request_error");
  // At the limit is fine.
  headers.clear();
  for (int i = 0; i < 45; ++i) headers += "X-H" + std::to_string(i) + ": v\r\n";
  EXPECT_EQ(status_of(exchange_raw(server.port(), request_with(headers), false).response), 200);
}

TEST(ConnectionLimits, OversizedHeadersGet431WithoutBeingBuffered) {
  RunningServer server;
  // Far beyond the 64 KiB default: the server answers once the limit is crossed, not at the end.
  const auto outcome = exchange_raw(
      server.port(), request_with("X-Huge: " + std::string(1 << 20, 'a') + "\r\n"), false);
  EXPECT_EQ(status_of(outcome.response), 431) << outcome.response.substr(0, 80);
  expect_still_serving(server.port());
}

TEST(ConnectionLimits, OverlongRequestLineGets414) {
  RunningServer server;
  const auto outcome =
      exchange_raw(server.port(), request_with("", "/v1/" + std::string(20000, 'a')), false);
  EXPECT_EQ(status_of(outcome.response), 414) << outcome.response.substr(0, 80);
  expect_still_serving(server.port());
}

TEST(ConnectionLimits, HeadersDribbledPastTheDeadlineGet408) {
  app::Config config;
  config.http.header_timeout_ms = 300;
  RunningServer server(config);
  const int fd = open_socket(server.port(), 10000);
  ASSERT_GE(fd, 0);
  const std::string head = request_with("");
  // One byte every 20 ms: each byte alone would reset a per-read timeout forever.
  std::string response;
  char buffer[4096];
  for (std::size_t i = 0; i < head.size() && response.empty(); ++i) {
    if (::send(fd, &head[i], 1, MSG_NOSIGNAL) != 1) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const auto n = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
    if (n > 0) response.append(buffer, static_cast<std::size_t>(n));
  }
  while (!complete_response(response)) {
    const auto n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    response.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  EXPECT_EQ(status_of(response), 408) << response.substr(0, 80);
  expect_still_serving(server.port());
}

TEST(ConnectionLimits, IdleKeepAliveConnectionIsClosedAfterTheTimeout) {
  app::Config config;
  config.http.keep_alive_timeout_s = 1;
  RunningServer server(config);
  const int fd = open_socket(server.port(), 10000);
  ASSERT_GE(fd, 0);
  const std::string request = request_with("");
  ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  std::string response;
  char buffer[4096];
  while (!complete_response(response)) {
    const auto n = ::recv(fd, buffer, sizeof buffer, 0);
    ASSERT_GT(n, 0);
    response.append(buffer, static_cast<std::size_t>(n));
  }
  EXPECT_EQ(status_of(response), 200);
  // The server, not our 10 s receive timeout, ends the idle connection.
  const auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(::recv(fd, buffer, sizeof buffer, 0), 0);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(9));
  ::close(fd);
}

TEST(ConnectionLimits, ConnectionsBeyondTheCapGet503AndCapacityReturns) {
  app::Config config;
  config.http.max_connections = 4;
  RunningServer server(config);
  std::vector<int> held;
  char buffer[4096];
  for (int i = 0; i < 4; ++i) {
    // A finished keep-alive exchange proves the connection is being served, not queued.
    const int fd = open_socket(server.port(), 10000);
    ASSERT_GE(fd, 0);
    const std::string request = request_with("");
    ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
    std::string response;
    while (!complete_response(response)) {
      const auto n = ::recv(fd, buffer, sizeof buffer, 0);
      ASSERT_GT(n, 0);
      response.append(buffer, static_cast<std::size_t>(n));
    }
    ASSERT_EQ(status_of(response), 200);
    held.push_back(fd);
  }
  const auto refused = exchange_raw(server.port(), request_with(""), false);
  EXPECT_EQ(status_of(refused.response), 503) << refused.response.substr(0, 80);
  EXPECT_EQ(body_of(refused.response)["error"]["type"], "server_error");
  for (const int fd : held) ::close(fd);
  // Closed connections free their slots (the server notices the close within its poll slice).
  int status = 0;
  for (int attempt = 0; attempt < 100 && status != 200; ++attempt) {
    status = status_of(exchange_raw(server.port(), request_with(""), false).response);
    if (status != 200) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(status, 200);
}

TEST(ConnectionLimits, ABurstBeyondTheCapOfShortRequestsQueuesInsteadOfGetting503) {
  app::Config config;
  config.http.max_connections = 4;
  RunningServer server(config);
  // Eight at once against four slots: each connection asks to close after its answer, so slots
  // free within milliseconds and every connection is served after a short wait for one.
  std::vector<std::thread> clients;
  std::vector<int> statuses(8, 0);
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    clients.emplace_back([&, i] {
      statuses[i] = status_of(
          exchange_raw(server.port(), request_with("Connection: close\r\n"), false).response);
    });
  }
  for (auto& client : clients) client.join();
  for (const int status : statuses) EXPECT_EQ(status, 200);
}

}  // namespace
}  // namespace chatmock::testing
