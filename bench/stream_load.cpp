// chatmock-bench-streams: the load client wrk cannot be — thousands of concurrent SSE streams on
// one epoll loop, per-chunk lateness against the pacing the server was asked for, 100-chunk
// stream time, cold start, and measured against asked percentiles of a latency distribution.
// Raw sockets, so the client is never the bottleneck.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "reply/latency.h"

namespace {
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[std::min(values.size() - 1,
                         static_cast<std::size_t>(p * static_cast<double>(values.size())))];
}

std::string stream_request(int chunks, int ttft, int itl) {
  const std::string body = R"({"model":"gpt-4o-mini","stream":true,"max_tokens":)" +
                           std::to_string(chunks - 2) +
                           R"(,"messages":[{"role":"user","content":"Tell me a long story"}]})";
  return "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
         "sk-bench\r\n"
         "Content-Type: application/json\r\nX-Chatmock-Words: " +
         std::to_string(chunks * 2) + "\r\nX-Chatmock-Latency: ttft=" + std::to_string(ttft) +
         ",itl=" + std::to_string(itl) + "\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\nConnection: close\r\n\r\n" + body;
}

int connect_to(int port, bool blocking) {
  const int fd = socket(AF_INET, SOCK_STREAM | (blocking ? 0 : SOCK_NONBLOCK), 0);
  if (fd < 0) return -1;
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) < 0 && errno != EINPROGRESS) {
    close(fd);
    return -1;
  }
  return fd;
}

/// One blocking request/response; returns the whole response, "" on failure.
std::string exchange(int port, const std::string& request) {
  const int fd = connect_to(port, true);
  if (fd < 0) return "";
  if (send(fd, request.data(), request.size(), MSG_NOSIGNAL) < 0) {
    close(fd);
    return "";
  }
  std::string response;
  char buffer[65536];
  for (ssize_t n; (n = recv(fd, buffer, sizeof buffer, 0)) > 0;)
    response.append(buffer, static_cast<std::size_t>(n));
  close(fd);
  return response;
}

int single(int port, int runs) {
  std::vector<double> times;
  const auto request = stream_request(100, 0, 0);
  for (int i = 0; i < runs; ++i) {
    const auto start = Clock::now();
    const auto response = exchange(port, request);
    times.push_back(ms_since(start));
    if (response.find("data: [DONE]") == std::string::npos)
      return std::fprintf(stderr, "stream failed\n"), 1;
  }
  const double median = percentile(times, 0.5);
  std::printf(
      "{\"stream_100_chunks_ms_p50\":%.3f,\"stream_100_chunks_ms_p99\":%.3f,\"chunks_per_s\":%.0f}"
      "\n",
      median, percentile(times, 0.99), 100.0 / (median / 1000.0));
  return 0;
}

/// A Responses stream of `events` SSE events at zero latency, timed end to end. Deltas are
/// tokens (a word, or its punctuation), so the word count that gives `events` is searched for
/// first: the server is seeded, and the same request gives the same stream.
std::string responses_request(int words) {
  const std::string body = R"({"model":"gpt-4o-mini","stream":true,"input":"Tell me a story"})";
  return "POST /v1/responses HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer sk-bench\r\n"
         "Content-Type: application/json\r\nX-Chatmock-Words: " +
         std::to_string(words) + "\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\nConnection: close\r\n\r\n" + body;
}

int count_events(const std::string& response) {
  int seen = 0;
  for (std::size_t at = response.find("\nevent: "); at != std::string::npos;
       at = response.find("\nevent: ", at + 1))
    ++seen;
  return response.find("event: response.completed") == std::string::npos ? -1 : seen;
}

int responses_single(int port, int runs, int events) {
  int words = 1;
  for (int candidate = 1; candidate <= events * 8; ++candidate) {
    const auto probe = responses_request(candidate);  // an lvalue: a temporary picks std::exchange
    const int seen = count_events(exchange(port, probe));
    if (seen < 0) return std::fprintf(stderr, "responses stream failed\n"), 1;
    if (seen > events) break;
    words = candidate;
  }
  const auto request = responses_request(words);
  std::vector<double> times;
  int seen = 0;
  for (int i = 0; i < runs; ++i) {
    const auto start = Clock::now();
    seen = count_events(exchange(port, request));
    times.push_back(ms_since(start));
    if (seen < 0) return std::fprintf(stderr, "responses stream failed\n"), 1;
  }
  std::printf(
      "{\"responses_stream_events\":%d,\"responses_stream_ms_p50\":%.3f,"
      "\"responses_stream_ms_p99\":%.3f}\n",
      seen, percentile(times, 0.5), percentile(times, 0.99));
  return 0;
}

struct Stream {
  int fd = -1;
  std::string pending;
  std::size_t sent = 0;
  double sent_at_ms = 0;  ///< when the whole request was written: the stream's clock starts here
  int events = 0;
  bool done = false;
  bool failed = false;
  char tail[2] = {0, 0};
};

int concurrent(int port, int count, int ttft, int itl, int chunks) {
  rlimit limit{};
  getrlimit(RLIMIT_NOFILE, &limit);
  limit.rlim_cur = limit.rlim_max;
  setrlimit(RLIMIT_NOFILE, &limit);
  const auto request = stream_request(chunks, ttft, itl);
  const int epoll = epoll_create1(0);
  std::vector<Stream> streams(static_cast<std::size_t>(count));
  std::vector<double> lateness;
  std::vector<double> first_lateness;
  lateness.reserve(static_cast<std::size_t>(count) * static_cast<std::size_t>(chunks));
  const auto start = Clock::now();
  for (int i = 0; i < count; ++i) {
    auto& s = streams[static_cast<std::size_t>(i)];
    s.fd = connect_to(port, false);
    if (s.fd < 0) {
      s.failed = true;
      continue;
    }
    s.pending = request;
    epoll_event event{EPOLLOUT | EPOLLIN, {.u32 = static_cast<std::uint32_t>(i)}};
    epoll_ctl(epoll, EPOLL_CTL_ADD, s.fd, &event);
  }
  // All requests go out at once; chunk k of a stream is due ttft + k*itl after its request was
  // written. First-chunk lateness (queueing before the server answers) is reported apart from
  // the lateness of the chunks after it (the pacing itself).
  int open = count - static_cast<int>(std::count_if(streams.begin(), streams.end(),
                                                    [](auto& s) { return s.failed; }));
  std::vector<epoll_event> ready(1024);
  char buffer[16384];
  const double deadline_ms = ttft + static_cast<double>(itl) * chunks + 60000.0;
  while (open > 0 && ms_since(start) < deadline_ms) {
    const int n = epoll_wait(epoll, ready.data(), static_cast<int>(ready.size()), 1000);
    for (int r = 0; r < n; ++r) {
      auto& s = streams[ready[static_cast<std::size_t>(r)].data.u32];
      if (s.done || s.failed) continue;
      if ((ready[static_cast<std::size_t>(r)].events & EPOLLOUT) && s.sent < s.pending.size()) {
        const auto wrote =
            send(s.fd, s.pending.data() + s.sent, s.pending.size() - s.sent, MSG_NOSIGNAL);
        if (wrote > 0) s.sent += static_cast<std::size_t>(wrote);
        if (s.sent == s.pending.size()) {
          s.sent_at_ms = ms_since(start);
          epoll_event event{EPOLLIN, {.u32 = ready[static_cast<std::size_t>(r)].data.u32}};
          epoll_ctl(epoll, EPOLL_CTL_MOD, s.fd, &event);
        }
        continue;
      }
      const auto got = recv(s.fd, buffer, sizeof buffer, 0);
      if (got <= 0) {
        if (got < 0 && errno == EAGAIN) continue;
        s.failed = !s.done;
        close(s.fd);
        --open;
        continue;
      }
      const double now = ms_since(start);
      for (ssize_t i = 0; i < got; ++i) {
        // An SSE event ends at "\n\n"; only data events after the headers count.
        if (buffer[i] == '\n' && s.tail[1] == '\n' && s.tail[0] != '\r') {
          ++s.events;
          const double due = s.sent_at_ms + ttft + static_cast<double>(itl) * (s.events - 1);
          lateness.push_back(std::max(0.0, now - due));
          if (s.events == 1) first_lateness.push_back(lateness.back());
        }
        s.tail[0] = s.tail[1];
        s.tail[1] = buffer[i];
      }
      if (std::string_view(buffer, static_cast<std::size_t>(got)).find("data: [DONE]") !=
          std::string_view::npos) {
        s.done = true;
        close(s.fd);
        --open;
      }
    }
  }
  const auto completed =
      std::count_if(streams.begin(), streams.end(), [](auto& s) { return s.done; });
  std::printf(
      "{\"streams\":%d,\"completed\":%ld,\"errors\":%ld,\"lateness_ms_p50\":%.1f,\"lateness_ms_"
      "p99\":%.1f,"
      "\"first_chunk_lateness_ms_p99\":%.1f,\"seconds\":%.2f}\n",
      count, completed, count - completed, percentile(lateness, 0.5), percentile(lateness, 0.99),
      percentile(first_lateness, 0.99), ms_since(start) / 1000.0);
  return completed == count ? 0 : 1;
}

/// One stream's arrival times: when its first SSE event came (after the request was written) and
/// the gaps between consecutive events. False when the answer was not a finished 200 stream.
bool time_stream(int port, const std::string& request, std::vector<double>& firsts,
                 std::vector<double>& gaps) {
  const int fd = connect_to(port, true);
  if (fd < 0 || send(fd, request.data(), request.size(), MSG_NOSIGNAL) < 0) {
    if (fd >= 0) close(fd);
    return false;
  }
  const auto sent = Clock::now();
  std::string response;
  char buffer[16384];
  char tail[2] = {0, 0};
  double previous = -1;
  for (ssize_t n; (n = recv(fd, buffer, sizeof buffer, 0)) > 0;) {
    const double now = ms_since(sent);
    for (ssize_t i = 0; i < n; ++i) {
      // An SSE event ends at "\n\n"; the headers' "\r\n\r\n" does not count.
      if (buffer[i] == '\n' && tail[1] == '\n' && tail[0] != '\r') {
        (previous < 0 ? firsts : gaps).push_back(previous < 0 ? now : now - previous);
        previous = now;
      }
      tail[0] = tail[1];
      tail[1] = buffer[i];
    }
    response.append(buffer, static_cast<std::size_t>(n));
  }
  close(fd);
  if (response.rfind("HTTP/1.1 200", 0) != 0) {
    std::fprintf(stderr, "%s\n", response.substr(0, 600).c_str());
    return false;
  }
  return response.find("data: [DONE]") != std::string::npos;
}

std::string asked_json(std::chrono::milliseconds fixed,
                       const std::optional<chatmock::reply::LogNormal>& drawn,
                       const std::vector<double>& measured) {
  const auto p50 = drawn ? drawn->p50 : fixed;
  const auto p99 = drawn ? drawn->p99 : fixed;
  char text[256];
  std::snprintf(
      text, sizeof text,
      "{\"asked_p50\":%lld,\"asked_p99\":%lld,\"measured_p50\":%.1f,\"measured_p99\":%.1f,"
      "\"samples\":%zu}",
      static_cast<long long>(p50.count()), static_cast<long long>(p99.count()),
      percentile(measured, 0.5), percentile(measured, 0.99), measured.size());
  return text;
}

/// `latency PORT N SPEC`: N streams paced by X-Chatmock-Latency: SPEC, a few at a time, each with
/// its own X-Chatmock-Seed so the draws differ; prints the measured time to first chunk and gaps
/// between chunks next to the percentiles SPEC asked for (parsed by the server's own parser).
int latency(int port, int count, const std::string& spec) {
  const auto parsed = chatmock::reply::parse_latency(spec, "SPEC");
  if (!parsed) return std::fprintf(stderr, "%s\n", parsed.error().message.c_str()), 2;
  const auto asked = parsed->over({});
  const std::string body =
      R"({"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"hi"}]})";
  constexpr int kInFlight = 16;  // enough to finish in minutes, few enough not to be late
  std::atomic<int> next{0};
  std::atomic<int> completed{0};
  std::mutex merge;
  std::vector<double> firsts;
  std::vector<double> gaps;
  std::vector<std::thread> workers;
  const auto start = Clock::now();
  for (int w = 0; w < std::min(kInFlight, count); ++w) {
    workers.emplace_back([&] {
      std::vector<double> my_firsts;
      std::vector<double> my_gaps;
      for (int i; (i = next.fetch_add(1)) < count;) {
        const std::string request =
            "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            "Authorization: Bearer sk-bench\r\nContent-Type: application/json\r\n"
            "X-Chatmock-Words: 20\r\nX-Chatmock-Seed: " +
            std::to_string(i + 1) + "\r\nX-Chatmock-Latency: " + spec +
            "\r\nContent-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" +
            body;
        if (time_stream(port, request, my_firsts, my_gaps)) ++completed;
      }
      const std::lock_guard lock(merge);
      firsts.insert(firsts.end(), my_firsts.begin(), my_firsts.end());
      gaps.insert(gaps.end(), my_gaps.begin(), my_gaps.end());
    });
  }
  for (auto& worker : workers) worker.join();
  std::printf("{\"streams\":%d,\"completed\":%d,\"seconds\":%.1f,\"ttft_ms\":%s,\"itl_ms\":%s}\n",
              count, completed.load(), ms_since(start) / 1000.0,
              asked_json(asked.ttft, asked.ttft_distribution, firsts).c_str(),
              asked_json(asked.itl, asked.itl_distribution, gaps).c_str());
  return completed == count ? 0 : 1;
}

int cold_start(const char* binary, int runs) {
  std::vector<double> times;
  const std::string port_file = "/tmp/chatmock-bench-port-" + std::to_string(getpid());
  const std::string body = R"({"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]})";
  const std::string request =
      "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer sk\r\nContent-Type: "
      "application/json\r\n"
      "Content-Length: " +
      std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
  for (int i = 0; i < runs; ++i) {
    unlink(port_file.c_str());
    const auto start = Clock::now();
    const pid_t child = fork();
    if (child == 0) {
      freopen("/dev/null", "w", stdout);
      execl(binary, binary, "serve", "--port", "0", "--port-file", port_file.c_str(), "--log",
            "off", nullptr);
      _exit(127);
    }
    int port = 0;
    while (port == 0 && ms_since(start) < 10000) {
      std::ifstream in(port_file);
      if (!(in >> port)) port = 0, usleep(100);
    }
    while (exchange(port, request).rfind("HTTP/1.1 200", 0) != 0 && ms_since(start) < 10000)
      usleep(100);
    times.push_back(ms_since(start));
    kill(child, SIGTERM);
    waitpid(child, nullptr, 0);
  }
  unlink(port_file.c_str());
  std::printf("{\"cold_start_ms_p50\":%.1f}\n", percentile(times, 0.5));
  return 0;
}
}  // namespace

int main(int argc, char** argv) {
  signal(SIGPIPE, SIG_IGN);
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "single" && argc == 4) return single(std::atoi(argv[2]), std::atoi(argv[3]));
  if (mode == "concurrent" && argc == 7) {
    return concurrent(std::atoi(argv[2]), std::atoi(argv[3]), std::atoi(argv[4]),
                      std::atoi(argv[5]), std::atoi(argv[6]));
  }
  if (mode == "responses" && argc == 5) {
    return responses_single(std::atoi(argv[2]), std::atoi(argv[3]), std::atoi(argv[4]));
  }
  if (mode == "coldstart" && argc == 4) return cold_start(argv[2], std::atoi(argv[3]));
  if (mode == "latency" && argc == 5) {
    return latency(std::atoi(argv[2]), std::atoi(argv[3]), argv[4]);
  }
  std::fprintf(stderr,
               "usage: chatmock-bench-streams single PORT RUNS\n"
               "       chatmock-bench-streams concurrent PORT STREAMS TTFT_MS ITL_MS CHUNKS\n"
               "       chatmock-bench-streams responses PORT RUNS EVENTS\n"
               "       chatmock-bench-streams coldstart CHATMOCK_BINARY RUNS\n"
               "       chatmock-bench-streams latency PORT STREAMS SPEC\n");
  return 2;
}
