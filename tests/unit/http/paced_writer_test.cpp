// PacedWriter over socketpairs: the bytes a client reads (chunk frames, terminator, cuts), that
// delays are honoured as lower bounds, that completed connections come back for reuse and that
// a client that left or a writer shutting down never leaks a socket.
#include "http/paced_writer.h"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <vector>

namespace chatmock::http {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

struct SocketPair {
  int server = -1;
  int client = -1;
  SocketPair() {
    int fds[2];
    EXPECT_EQ(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
    server = fds[0];
    client = fds[1];
  }
  ~SocketPair() { ::close(client); }
};

/// Everything the client end receives until EOF or until `until` has arrived.
std::string read_client(int fd, const std::string& until = {}) {
  std::string out;
  char buffer[4096];
  for (;;) {
    if (!until.empty() && out.size() >= until.size() && out.ends_with(until)) return out;
    const auto n = ::read(fd, buffer, sizeof buffer);
    if (n <= 0) return out;
    out.append(buffer, static_cast<std::size_t>(n));
  }
}

std::shared_ptr<const wire::WireReply> sse_reply(
    std::vector<std::pair<std::string, int>> writes,
    wire::WireEnding ending = wire::WireEnding::complete) {
  auto reply = std::make_shared<wire::WireReply>();
  reply->chunked = true;
  reply->ending = ending;
  for (auto& [bytes, delay] : writes)
    reply->writes.push_back({bytes, std::chrono::milliseconds(delay)});
  return reply;
}

struct Reused {
  std::mutex mutex;
  std::vector<int> fds;
  void operator()(int fd) {
    std::lock_guard lock(mutex);
    fds.push_back(fd);
  }
  ~Reused() {
    for (int fd : fds) ::close(fd);
  }
};

PacedStream stream_of(int fd, std::shared_ptr<const wire::WireReply> reply) {
  PacedStream s;
  s.fd = fd;
  s.reply = std::move(reply);
  s.due = Clock::now() + s.reply->writes.front().delay;
  return s;
}

TEST(FrameWrite, ChunkedWritesAreFramedAndEmptyOnesSendNothing) {
  EXPECT_EQ(frame_write("data: x\n\n", true), "9\r\ndata: x\n\n\r\n");
  EXPECT_EQ(frame_write(std::string(26, 'a'), true).substr(0, 4), "1a\r\n");
  EXPECT_EQ(frame_write("", true), "");
  EXPECT_EQ(frame_write("raw", false), "raw");
}

TEST(PacedWriter, SendsChunkFramesAndTerminatorThenHandsTheConnectionBack) {
  Reused reused;
  SocketPair pair;
  {
    PacedWriter writer([&](int fd) { reused(fd); });
    const auto start = Clock::now();
    writer.adopt(stream_of(
        pair.server, sse_reply({{"data: 1\n\n", 0}, {"data: 2\n\n", 30}, {"data: 3\n\n", 30}})));
    const auto body = read_client(pair.client, "0\r\n\r\n");
    EXPECT_GE(Clock::now() - start, 60ms) << "delays are lower bounds";
    EXPECT_EQ(body, "9\r\ndata: 1\n\n\r\n9\r\ndata: 2\n\n\r\n9\r\ndata: 3\n\n\r\n0\r\n\r\n");
    for (int i = 0; i < 200 && writer.active() > 0; ++i) std::this_thread::sleep_for(5ms);
    EXPECT_EQ(writer.active(), 0u);
  }
  ASSERT_EQ(reused.fds.size(), 1u);
  EXPECT_EQ(reused.fds.front(), pair.server);
}

TEST(PacedWriter, CutEndsWithoutTerminatorAndClosesInsteadOfReusing) {
  Reused reused;
  SocketPair pair;
  {
    PacedWriter writer([&](int fd) { reused(fd); });
    writer.adopt(stream_of(
        pair.server, sse_reply({{"data: 1\n\n", 0}, {"data: 2\n\n", 10}}, wire::WireEnding::cut)));
    EXPECT_EQ(read_client(pair.client), "9\r\ndata: 1\n\n\r\n9\r\ndata: 2\n\n\r\n")
        << "EOF right after the last write";
  }
  EXPECT_TRUE(reused.fds.empty());
}

TEST(PacedWriter, KeepAliveOffClosesAfterACompleteBody) {
  Reused reused;
  SocketPair pair;
  {
    PacedWriter writer([&](int fd) { reused(fd); });
    auto stream = stream_of(pair.server, sse_reply({{"data: 1\n\n", 5}}));
    stream.keep_alive = false;
    writer.adopt(std::move(stream));
    EXPECT_EQ(read_client(pair.client), "9\r\ndata: 1\n\n\r\n0\r\n\r\n");
  }
  EXPECT_TRUE(reused.fds.empty());
}

TEST(PacedWriter, ClientThatLeftIsDroppedWithoutStallingOthers) {
  Reused reused;
  SocketPair gone;
  SocketPair staying;
  PacedWriter writer([&](int fd) { reused(fd); });
  ::shutdown(gone.client, SHUT_RDWR);
  writer.adopt(stream_of(
      gone.server, sse_reply({{"data: 1\n\n", 0}, {"data: 2\n\n", 10}, {"data: 3\n\n", 10}})));
  writer.adopt(stream_of(staying.server, sse_reply({{"data: a\n\n", 0}, {"data: b\n\n", 20}})));
  EXPECT_EQ(read_client(staying.client, "0\r\n\r\n"),
            "9\r\ndata: a\n\n\r\n9\r\ndata: b\n\n\r\n0\r\n\r\n");
  for (int i = 0; i < 200 && writer.active() > 0; ++i) std::this_thread::sleep_for(5ms);
  EXPECT_EQ(writer.active(), 0u);
  std::lock_guard lock(reused.mutex);
  EXPECT_EQ(reused.fds, std::vector<int>{staying.server})
      << "only the stream that completed is reused";
}

TEST(PacedWriter, ManyInterleavedStreamsEachArriveWholeAndInOrder) {
  Reused reused;
  constexpr int kStreams = 100;
  std::vector<std::unique_ptr<SocketPair>> pairs;
  PacedWriter writer([&](int fd) { reused(fd); });
  for (int i = 0; i < kStreams; ++i) {
    pairs.push_back(std::make_unique<SocketPair>());
    std::vector<std::pair<std::string, int>> writes;
    for (int k = 0; k < 10; ++k)
      writes.emplace_back("data: " + std::to_string(i) + "." + std::to_string(k) + "\n\n", i % 3);
    writer.adopt(stream_of(pairs.back()->server, sse_reply(writes)));
  }
  for (int i = 0; i < kStreams; ++i) {
    std::string expected;
    for (int k = 0; k < 10; ++k)
      expected +=
          frame_write("data: " + std::to_string(i) + "." + std::to_string(k) + "\n\n", true);
    EXPECT_EQ(read_client(pairs[static_cast<std::size_t>(i)]->client, "0\r\n\r\n"),
              expected + "0\r\n\r\n");
  }
}

TEST(PacedWriter, AClientThatStopsReadingIsClosedAfterTheWriteTimeout) {
  Reused reused;
  SocketPair pair;
  PacedWriter writer([&](int fd) { reused(fd); }, 100ms);
  std::vector<std::pair<std::string, int>> writes;
  for (int k = 0; k < 64; ++k)
    writes.emplace_back(std::string(64 * 1024, 'x'), 0);  // far beyond socket buffers
  writer.adopt(stream_of(pair.server, sse_reply(writes)));
  for (int i = 0; i < 400 && writer.active() > 0; ++i) std::this_thread::sleep_for(5ms);
  EXPECT_EQ(writer.active(), 0u);
  EXPECT_TRUE(reused.fds.empty());
}

TEST(PacedWriter, ShutDownClosesUnfinishedStreamsAndLaterAdoptionsAtOnce) {
  Reused reused;
  SocketPair long_stream;
  SocketPair late;
  PacedWriter writer([&](int fd) { reused(fd); });
  writer.adopt(
      stream_of(long_stream.server, sse_reply({{"data: 1\n\n", 0}, {"data: 2\n\n", 60'000}})));
  writer.shut_down();
  EXPECT_EQ(read_client(long_stream.client), "9\r\ndata: 1\n\n\r\n") << "cut, not left hanging";
  writer.adopt(stream_of(late.server, sse_reply({{"data: 1\n\n", 0}})));
  EXPECT_EQ(read_client(late.client), "");
  EXPECT_EQ(writer.active(), 0u);
  EXPECT_TRUE(reused.fds.empty());
}

TEST(PacedWriter, ASteadySlowReaderIsNeverCutByTheWriteTimeout) {
  Reused reused;
  SocketPair pair;
  // 2 MiB due at once against a 300 ms write timeout, read at ~1.6 MiB/s: the socket is blocked
  // for the whole ~1.3 s, but it takes bytes every 20 ms, and each byte restarts the timeout.
  PacedWriter writer([&](int fd) { reused(fd); }, 300ms);
  std::vector<std::pair<std::string, int>> writes;
  for (int k = 0; k < 32; ++k) writes.emplace_back(std::string(64 * 1024, 'x'), 0);
  writer.adopt(stream_of(pair.server, sse_reply(writes)));
  std::string body;
  char buffer[32 * 1024];
  while (!body.ends_with("0\r\n\r\n")) {
    std::this_thread::sleep_for(20ms);
    const auto n = ::read(pair.client, buffer, sizeof buffer);
    if (n <= 0) break;
    body.append(buffer, static_cast<std::size_t>(n));
  }
  EXPECT_TRUE(body.ends_with("0\r\n\r\n")) << "cut after " << body.size() << " bytes";
  EXPECT_GT(body.size(), 32u * 64 * 1024);
}

TEST(PacedWriter, AClientThatHangsUpDuringALongDelayIsDroppedWithinASecond) {
  Reused reused;
  SocketPair pair;
  std::atomic<int> closed{0};
  PacedWriter writer([&](int fd) { reused(fd); }, 5s, [&] { ++closed; });
  auto stream = stream_of(pair.server, sse_reply({{"data: 1\n\n", 600'000}}));
  auto cancel = std::make_shared<std::atomic<bool>>(false);
  stream.cancel = cancel;
  writer.adopt(std::move(stream));
  std::this_thread::sleep_for(50ms);
  ::shutdown(pair.client, SHUT_RDWR);
  const auto start = Clock::now();
  while (writer.active() > 0 && Clock::now() - start < 5s) std::this_thread::sleep_for(5ms);
  EXPECT_LT(Clock::now() - start, 1s);
  EXPECT_EQ(writer.active(), 0u);
  EXPECT_TRUE(cancel->load()) << "the request's work is told the client is gone";
  EXPECT_EQ(closed.load(), 1) << "the owner learns the slot is free";
  EXPECT_TRUE(reused.fds.empty());
}

TEST(PacedWriter, ShutDownHonoursItsDrainDeadline) {
  Reused reused;
  SocketPair pair;
  PacedWriter writer([&](int fd) { reused(fd); });
  writer.adopt(stream_of(pair.server, sse_reply({{"data: 1\n\n", 0}, {"data: 2\n\n", 60'000}})));
  const auto start = Clock::now();
  writer.shut_down(Clock::now() + 100ms);
  EXPECT_LT(Clock::now() - start, 1s);
  EXPECT_EQ(read_client(pair.client), "9\r\ndata: 1\n\n\r\n");
}

}  // namespace
}  // namespace chatmock::http
