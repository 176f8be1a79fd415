// chatmock-soak-load: the mixed traffic scripts/soak keeps up for minutes — JSON replies, SSE
// streams, scripted errors, invalid bodies, model lists, and clients that hang up mid-stream —
// checking every answer and counting the unexpected ones. Exits 1 if there was any.
//   chatmock-soak-load --port P --seconds S [--workers N]
// For docs/reliability.md it also measures capacity: --hold N opens N keep-alive connections
// (one answered request each) and counts 200s and 503s; --slow N leaves N connections stuck
// mid-headers and times one normal request beside them.
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

enum Op { kJson, kStream, kServerError, kRateLimited, kInvalid, kModels, kHangUp, kOpCount };
const char* const kOpNames[] = {"json",    "stream", "error_500", "error_429",
                                "invalid", "models", "hang_up"};

const std::string kAsk =
    R"({"model":"gpt-4o-mini","messages":[{"role":"user","content":"Tell me a story"}]})";
const std::string kStreamAsk =
    R"({"model":"gpt-4o-mini","stream":true,"max_tokens":24,"messages":[{"role":"user","content":"Tell me a story"}]})";

std::atomic<long> counts[kOpCount];
std::atomic<long> unexpected{0};
std::mutex report_mutex;

void report(Op op, const std::string& what) {
  if (++unexpected > 10) return;
  const std::lock_guard lock(report_mutex);
  std::fprintf(stderr, "soak-load: unexpected on %s: %s\n", kOpNames[op], what.c_str());
}

void expect_status(Op op, const httplib::Result& res, int status, const char* needle) {
  if (!res) return report(op, "no answer: " + httplib::to_string(res.error()));
  if (res->status != status)
    return report(op, "status " + std::to_string(res->status) + ": " + res->body.substr(0, 200));
  if (res->body.find(needle) == std::string::npos)
    report(op, "body lacks '" + std::string(needle) + "'");
}

void run_one(httplib::Client& client, int port, Op op) {
  const httplib::Headers auth{{"Authorization", "Bearer sk-soak"}};
  switch (op) {
    case kJson:
      return expect_status(op, client.Post("/v1/chat/completions", auth, kAsk, "application/json"),
                           200, "\"choices\"");
    case kStream:
      return expect_status(
          op, client.Post("/v1/chat/completions", auth, kStreamAsk, "application/json"), 200,
          "data: [DONE]");
    case kServerError: {
      auto headers = auth;
      headers.emplace("X-Chatmock-Scenario", "error_500");
      return expect_status(op,
                           client.Post("/v1/chat/completions", headers, kAsk, "application/json"),
                           500, "\"error\"");
    }
    case kRateLimited: {
      auto headers = auth;
      headers.emplace("X-Chatmock-Scenario", "error_429");
      return expect_status(op,
                           client.Post("/v1/chat/completions", headers, kAsk, "application/json"),
                           429, "\"error\"");
    }
    case kInvalid:
      return expect_status(
          op, client.Post("/v1/chat/completions", auth, "{\"model\": oops", "application/json"),
          400, "invalid_request_error");
    case kModels:
      return expect_status(op, client.Get("/v1/models", auth), 200, "\"data\"");
    case kHangUp: {
      // A fresh connection, dropped after the first bytes of a paced stream.
      httplib::Client quitter("127.0.0.1", port);
      httplib::Request request;
      request.method = "POST";
      request.path = "/v1/chat/completions";
      request.headers = auth;
      request.headers.emplace("X-Chatmock-Latency", "ttft=5,itl=5");
      request.headers.emplace("Content-Type", "application/json");
      request.body = kStreamAsk;
      bool got_bytes = false;
      request.content_receiver = [&](const char*, std::size_t, std::uint64_t, std::uint64_t) {
        got_bytes = true;
        return false;
      };
      const auto res = quitter.send(request);
      if (!got_bytes)
        report(op, res ? "no body bytes" : "no answer: " + httplib::to_string(res.error()));
      return;
    }
    case kOpCount:
      return;
  }
}

int connect_to(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  timeval timeout{30, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
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

/// The status of the first response on `fd` after sending `bytes` (0: none).
int exchange(int fd, const std::string& bytes) {
  ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
  char buffer[16384];
  const auto n = ::recv(fd, buffer, sizeof buffer, 0);
  return n > 12 ? std::atoi(buffer + 9) : 0;
}

const std::string kRawAsk =
    "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer sk-soak\r\n"
    "Content-Type: application/json\r\nContent-Length: " +
    std::to_string(kAsk.size()) + "\r\n\r\n" + kAsk;

/// Holds `count` connections open at once; prints how many were served and how many refused.
int hold(int port, int count) {
  std::vector<int> fds;
  int served = 0;
  int refused = 0;
  int failed = 0;
  for (int i = 0; i < count; ++i) {
    const int fd = connect_to(port);
    if (fd < 0) {
      ++failed;
      continue;
    }
    // A reply larger than one recv is left unread: the point is the open connection.
    const int status = exchange(fd, kRawAsk);
    served += status == 200;
    refused += status == 503;
    failed += status != 200 && status != 503;
    fds.push_back(fd);
  }
  std::printf("hold: %d connections: %d served and held open, %d refused with 503, %d failed\n",
              count, served, refused, failed);
  for (const int fd : fds) ::close(fd);
  return failed == 0 ? 0 : 1;
}

/// Leaves `count` connections stuck mid-headers, then times one normal request.
int slow(int port, int count) {
  std::vector<int> fds;
  for (int i = 0; i < count; ++i) {
    const int fd = connect_to(port);
    if (fd < 0) break;
    const std::string partial = "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nX-Slow: ";
    ::send(fd, partial.data(), partial.size(), MSG_NOSIGNAL);
    fds.push_back(fd);
  }
  const int fd = connect_to(port);
  const auto start = std::chrono::steady_clock::now();
  const int status = fd < 0 ? 0 : exchange(fd, kRawAsk);
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::printf("slow: %zu connections stuck mid-headers; a normal request got %d in %.1f ms\n",
              fds.size(), status, ms);
  if (fd >= 0) ::close(fd);
  for (const int stuck : fds) ::close(stuck);
  return status == 200 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  int port = 0;
  int seconds = 60;
  int workers = 8;
  int hold_count = 0;
  int slow_count = 0;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--port") == 0) port = std::atoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--seconds") == 0) seconds = std::atoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--workers") == 0) workers = std::atoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--hold") == 0) hold_count = std::atoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--slow") == 0) slow_count = std::atoi(argv[i + 1]);
  }
  if (port <= 0) {
    std::fprintf(
        stderr,
        "usage: chatmock-soak-load --port P (--seconds S [--workers N] | --hold N | --slow N)\n");
    return 2;
  }
  if (hold_count > 0) return hold(port, hold_count);
  if (slow_count > 0) return slow(port, slow_count);
  const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([&, w] {
      httplib::Client client("127.0.0.1", port);
      client.set_read_timeout(30, 0);
      for (long n = w; std::chrono::steady_clock::now() < end; ++n) {
        const auto op = static_cast<Op>(n % kOpCount);
        run_one(client, port, op);
        ++counts[op];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  long total = 0;
  std::string breakdown;
  for (int op = 0; op < kOpCount; ++op) {
    total += counts[op];
    breakdown += std::string(breakdown.empty() ? "" : ", ") + kOpNames[op] + "=" +
                 std::to_string(counts[op].load());
  }
  std::printf("soak-load: %ld requests in %d s (%s), unexpected=%ld\n", total, seconds,
              breakdown.c_str(), unexpected.load());
  return unexpected.load() == 0 ? 0 : 1;
}
