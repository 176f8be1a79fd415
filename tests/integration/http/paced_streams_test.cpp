// Paced replies leave the pool thread for the PacedWriter: more slow streams than worker threads
// stay open while ordinary requests are still answered, and a keep-alive connection carries the
// next request once its paced stream has completed.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "../hardening/raw_socket.h"
#include "http_client.h"

namespace chatmock::testing {
namespace {

std::string stream_request(const std::string& latency, bool stream = true) {
  const std::string body = simple_request(stream).dump();
  return "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
         "sk-test\r\n"
         "Content-Type: application/json\r\nX-Chatmock-Latency: " +
         latency + "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

/// Reads until `terminator` arrives (or EOF / the socket's 20 s receive timeout).
std::string read_until(int fd, const std::string& terminator) {
  std::string out;
  char buffer[4096];
  while (out.find(terminator) == std::string::npos) {
    const auto n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    out.append(buffer, static_cast<std::size_t>(n));
  }
  return out;
}

// The terminating chunk always follows the previous chunk's CRLF. "0\r\n\r\n" alone also ends a
// header block whose last value ends in 0 (x-request-id, random hex: one time in 16), which made
// a CI read stop after the headers and the next round read this round's body.
constexpr const char* kLastChunk = "\r\n0\r\n\r\n";

bool send_all(int fd, const std::string& bytes) {
  return ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(bytes.size());
}

TEST(PacedStreamsHttp, KeepAliveConnectionServesTheNextRequestAfterAPacedStream) {
  RunningServer server;
  const int fd = open_socket(server.port(), 20000);
  for (int round = 0; round < 3; ++round) {
    ASSERT_TRUE(send_all(fd, stream_request("ttft=5,itl=1")));
    const auto stream = read_until(fd, kLastChunk);
    ASSERT_EQ(stream.rfind("HTTP/1.1 200", 0), 0u) << "round " << round << ": " << stream;
    EXPECT_NE(stream.find("data: [DONE]"), std::string::npos);
    EXPECT_TRUE(stream.ends_with(kLastChunk)) << "nothing after the terminating chunk";
  }
  ASSERT_TRUE(send_all(fd, stream_request("ttft=0", false)));
  const auto plain = read_until(fd, "\"usage\"");
  EXPECT_EQ(plain.rfind("HTTP/1.1 200", 0), 0u) << plain;
  ::close(fd);
}

TEST(PacedStreamsHttp, PipelinedRequestAfterAPacedStreamIsAnswered) {
  RunningServer server;
  const int fd = open_socket(server.port(), 20000);
  // Both requests in one write: the second is already in the server's buffer when the first
  // reply's stream starts, so that stream must not leave the connection's thread.
  ASSERT_TRUE(send_all(fd, stream_request("ttft=5,itl=1") + stream_request("ttft=0", false)));
  const auto both = read_until(fd, "\"usage\"");
  const auto stream_end = both.find(kLastChunk);
  ASSERT_NE(stream_end, std::string::npos) << both;
  EXPECT_EQ(both.rfind("HTTP/1.1 200", 0), 0u) << both;
  EXPECT_EQ(both.find("HTTP/1.1 200", stream_end), stream_end + std::string(kLastChunk).size())
      << both;
  ::close(fd);
}

TEST(PacedStreamsHttp, MoreSlowStreamsThanThreadsStayOpenWhileRequestsAreAnswered) {
  app::Config config;
  config.http.threads = 4;
  RunningServer server(config);
  constexpr int kStreams = 40;  // ten times the worker threads
  std::vector<int> streams;
  // One after another, each started before the next connects: connections beyond the thread
  // count are refused with 503 while they are being served, so this shows that a started paced
  // stream no longer occupies a thread (it keeps its --max-connections slot, not a --threads one).
  for (int i = 0; i < kStreams; ++i) {
    streams.push_back(open_socket(server.port(), 20000));
    // Several seconds per stream: every one is still open when the plain request below goes out.
    ASSERT_TRUE(send_all(streams.back(), stream_request("ttft=20,itl=150")));
    const auto head = read_until(streams.back(), "data: ");
    ASSERT_EQ(head.rfind("HTTP/1.1 200", 0), 0u) << "stream " << i << " started: " << head;
  }
  auto client = client_for(server);
  client.set_read_timeout(
      3, 0);  // a pool held by sleeping streams would answer only after the streams end
  const auto plain = post_chat(client, simple_request());
  ASSERT_TRUE(plain) << "answered while " << kStreams << " paced streams hold the connections";
  EXPECT_EQ(plain->status, 200);
  for (int fd : streams) {
    const auto rest = read_until(fd, kLastChunk);
    EXPECT_NE(rest.find("data: [DONE]"), std::string::npos) << rest;
    ::close(fd);
  }
}

}  // namespace
}  // namespace chatmock::testing
