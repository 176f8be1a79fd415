// Request smuggling over real sockets (RFC 9112 §6.3): a request that frames its body two ways
// gets one 400 with an OpenAI-shaped body and its connection closed; the bytes a second parser
// would read as another request are never answered. And request bytes that reach the text log
// (the path, a scenario name) never reach it as terminal control sequences.
#include <gtest/gtest.h>

#include <csignal>
#include <nlohmann/json.hpp>
#include <thread>

#include "app/app.h"
#include "app/served_event.h"
#include "raw_socket.h"
#include "support/running_server.h"

namespace chatmock::testing {
namespace {

const std::string kBody = R"({"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]})";
const std::string kSmuggled =
    "GET /v1/models HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer sk-x\r\n\r\n";

std::string post_fields(const std::string& fields, const std::string& body) {
  return "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer sk-x\r\n"
         "Content-Type: application/json\r\n" +
         fields + "\r\n" + body;
}

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t count = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++count;
  return count;
}

/// Sends `bytes` on one connection (write side left open) and reads until the server closes.
std::string exchange_until_close(int port, const std::string& bytes) {
  const int fd = open_socket(port, 5000);
  EXPECT_GE(fd, 0);
  ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
  std::string response;
  char buffer[4096];
  while (true) {
    const auto n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    response.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return response;
}

void expect_refused_alone(const std::string& response) {
  EXPECT_TRUE(response.starts_with("HTTP/1.1 400 ")) << response.substr(0, 200);
  EXPECT_EQ(count_of(response, "HTTP/1.1 "), 1u)
      << "the smuggled request was answered: " << response;
  const auto body =
      nlohmann::json::parse(response.substr(response.find("\r\n\r\n") + 4), nullptr, false);
  EXPECT_EQ(body["error"]["type"], "invalid_request_error") << response;
  EXPECT_EQ(body["error"]["code"], "invalid_request_framing") << response;
}

TEST(HttpStrictness, TransferEncodingWithContentLengthIsRefusedAndTheRestIsNotServed) {
  RunningServer server;
  // A front end honouring Content-Length sees one request; one honouring chunked sees two.
  const std::string chunked = "0\r\n\r\n" + kSmuggled;
  expect_refused_alone(exchange_until_close(
      server.port(), post_fields("Content-Length: " + std::to_string(chunked.size()) +
                                     "\r\nTransfer-Encoding: chunked\r\n",
                                 chunked)));
}

TEST(HttpStrictness, ConflictingContentLengthsAreRefused) {
  RunningServer server;
  const std::string body = kBody + kSmuggled;
  expect_refused_alone(exchange_until_close(
      server.port(), post_fields("Content-Length: " + std::to_string(kBody.size()) +
                                     "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n",
                                 body)));
  expect_refused_alone(exchange_until_close(
      server.port(), post_fields("Content-Length: " + std::to_string(kBody.size()) + ", " +
                                     std::to_string(kBody.size()) + "\r\n",
                                 kBody + kSmuggled)));
}

TEST(HttpStrictness, TransferEncodingOtherThanChunkedIsRefused) {
  RunningServer server;
  expect_refused_alone(exchange_until_close(
      server.port(), post_fields("Transfer-Encoding: gzip, chunked\r\n", "0\r\n\r\n" + kSmuggled)));
  expect_refused_alone(exchange_until_close(
      server.port(), post_fields("Transfer-Encoding : chunked\r\n", "0\r\n\r\n" + kSmuggled)));
}

TEST(HttpStrictness, UnambiguousFramingsAreStillServed) {
  RunningServer server;
  const auto plain = exchange_raw(
      server.port(), post_fields("Content-Length: " + std::to_string(kBody.size()) + "\r\n", kBody),
      false);
  EXPECT_TRUE(plain.response.starts_with("HTTP/1.1 200 ")) << plain.response.substr(0, 200);
  char size[16];
  std::snprintf(size, sizeof size, "%zx", kBody.size());
  const auto chunked =
      exchange_raw(server.port(),
                   post_fields("Transfer-Encoding: chunked\r\n",
                               std::string(size) + "\r\n" + kBody + "\r\n0\r\n\r\n"),
                   false);
  EXPECT_TRUE(chunked.response.starts_with("HTTP/1.1 200 ")) << chunked.response.substr(0, 200);
}

TEST(LogEscaping, ControlCharactersAreWrittenAsHexEscapes) {
  EXPECT_EQ(app::escape_control_chars("/v1/chat"), "/v1/chat");
  EXPECT_EQ(app::escape_control_chars("a\x1b[31mb"), "a\\x1B[31mb");
  EXPECT_EQ(app::escape_control_chars(std::string("\0\r\n\x7f", 4)), "\\x00\\x0D\\x0A\\x7F");
  EXPECT_EQ(app::escape_control_chars("\x9b"
                                      "2J"),
            "\\x9B2J")
      << "8-bit CSI";
  EXPECT_EQ(app::escape_control_chars("\xc2\x9b"
                                      "2J"),
            "\\x9B2J")
      << "CSI as UTF-8 (U+009B)";
  EXPECT_EQ(app::escape_control_chars("caf\xc3\xa9 \xc4\x81 \xe2\x82\xac"),
            "caf\xc3\xa9 \xc4\x81 \xe2\x82\xac")
      << "printable UTF-8 is kept whole";
}

TEST(LogEscaping, AnEscapeSequenceInAScenarioPathReachesTheTextLogEscaped) {
  std::signal(SIGPIPE, SIG_IGN);
  app::Config config;
  config.http.port = 0;
  config.log = app::LogFormat::text;
  config.log_color = false;
  app::App app(config);
  std::string error;
  const int port = app.start(error);
  ASSERT_GT(port, 0) << error;
  std::thread serving([&] { app.run_until_stopped(); });
  ::testing::internal::CaptureStderr();
  const std::string request =
      "POST /scenarios/\x1b]0;pwned\x07\x1b[2J/v1/chat/completions HTTP/1.1\r\nHost: x\r\n"
      "Authorization: Bearer sk-x\r\nContent-Type: application/json\r\nContent-Length: " +
      std::to_string(kBody.size()) + "\r\nConnection: close\r\n\r\n" + kBody;
  const auto outcome = exchange_raw(port, request, false);
  app.stop();
  serving.join();
  const auto log = ::testing::internal::GetCapturedStderr();
  EXPECT_TRUE(outcome.response.starts_with("HTTP/1.1 ")) << outcome.response.substr(0, 80);
  EXPECT_EQ(log.find('\x1b'), std::string::npos) << log;
  EXPECT_EQ(log.find('\x07'), std::string::npos) << log;
  EXPECT_NE(log.find("/scenarios/\\x1B]0;pwned\\x07\\x1B[2J"), std::string::npos) << log;
}

}  // namespace
}  // namespace chatmock::testing
