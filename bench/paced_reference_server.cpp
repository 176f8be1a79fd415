// chatmock-bench-paced: the reference for paced streams, as the minimal httplib server is for
// throughput. One epoll thread, no HTTP framework, no synthesis: each request is answered with
// SSE headers and pre-rendered ~350-byte chunks sent on the same schedule chatmock is asked for
// (ttft, then itl), so its lateness is what loopback and the load client allow on this machine.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <queue>
#include <string>
#include <unordered_map>
#include <vector>

namespace {
using Clock = std::chrono::steady_clock;

// The shape and size of a chatmock content chunk.
const std::string kChunk =
    "data: "
    "{\"id\":\"chatcmpl-AbCdEfGhIjKlMnOpQrStUvWxYz0123\",\"object\":\"chat.completion.chunk\","
    "\"created\":1735689600,\"model\":\"gpt-4o-mini-2024-07-18\",\"service_tier\":\"default\","
    "\"system_fingerprint\":\"fp_0123456789\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" "
    "word\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null,\"obfuscation\":\"aBcD\"}"
    "\n\n";
const std::string kDone = "data: [DONE]\n\n";
const std::string kHeaders =
    "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: "
    "no-cache\r\n"
    "Connection: close\r\n\r\n";

struct Connection {
  std::string input;
  std::string output;  ///< bytes the socket did not take yet
  int next_event = 0;  ///< events sent so far (chunks, then [DONE])
  Clock::time_point start;
  bool answering = false;
};

struct Due {
  Clock::time_point at;
  int fd;
  bool operator>(const Due& other) const { return at > other.at; }
};

/// True once `input` holds the request head and its Content-Length body.
bool request_complete(const std::string& input) {
  const auto end = input.find("\r\n\r\n");
  if (end == std::string::npos) return false;
  const auto at = input.find("Content-Length: ");
  const std::size_t length =
      at != std::string::npos && at < end ? std::stoul(input.substr(at + 16)) : 0;
  return input.size() >= end + 4 + length;
}

class PacedServer {
 public:
  PacedServer(int ttft, int itl, int chunks) : ttft_(ttft), itl_(itl), chunks_(chunks) {}

  int listen_on_loopback() {
    listener_ = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    int one = 1;
    setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof addr;
    if (bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        listen(listener_, 4096) != 0 ||
        getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &length) != 0) {
      return -1;
    }
    epoll_ = epoll_create1(0);
    watch(listener_, EPOLLIN);
    return ntohs(addr.sin_port);
  }

  void run() {
    std::vector<epoll_event> ready(1024);
    while (true) {
      int timeout_ms = -1;
      if (!due_.empty()) {
        const auto wait =
            std::chrono::ceil<std::chrono::milliseconds>(due_.top().at - Clock::now()).count();
        timeout_ms = static_cast<int>(std::max<std::int64_t>(0, wait));
      }
      const int n = epoll_wait(epoll_, ready.data(), static_cast<int>(ready.size()), timeout_ms);
      for (int i = 0; i < n; ++i) {
        const int fd = ready[static_cast<std::size_t>(i)].data.fd;
        if (fd == listener_) {
          accept_all();
        } else {
          serve(fd, ready[static_cast<std::size_t>(i)].events);
        }
      }
      send_due();
    }
  }

 private:
  void watch(int fd, std::uint32_t events) {
    epoll_event event{events, {.fd = fd}};
    if (epoll_ctl(epoll_, EPOLL_CTL_MOD, fd, &event) != 0)
      epoll_ctl(epoll_, EPOLL_CTL_ADD, fd, &event);
  }

  void accept_all() {
    for (int fd; (fd = accept4(listener_, nullptr, nullptr, SOCK_NONBLOCK)) >= 0;) {
      int one = 1;
      setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      connections_[fd] = Connection{};
      watch(fd, EPOLLIN);
    }
  }

  void serve(int fd, std::uint32_t events) {
    if ((events & (EPOLLHUP | EPOLLERR)) != 0) return finish(fd);
    auto& c = connections_[fd];
    if ((events & EPOLLIN) != 0 && !c.answering) {
      char buffer[4096];
      const auto got = recv(fd, buffer, sizeof buffer, 0);
      if (got <= 0) return finish(fd);
      c.input.append(buffer, static_cast<std::size_t>(got));
      if (!request_complete(c.input)) return;
      c.answering = true;
      c.start = Clock::now();
      c.output = kHeaders;
      due_.push({c.start + std::chrono::milliseconds(ttft_), fd});
    }
    flush(fd, c);
  }

  void send_due() {
    const auto now = Clock::now();
    while (!due_.empty() && due_.top().at <= now) {
      const int fd = due_.top().fd;
      due_.pop();
      auto it = connections_.find(fd);
      if (it == connections_.end()) continue;
      auto& c = it->second;
      c.output += c.next_event < chunks_ ? kChunk : kDone;
      ++c.next_event;
      if (c.next_event <= chunks_) {
        due_.push({c.start + std::chrono::milliseconds(ttft_ + itl_ * c.next_event), fd});
      }
      flush(fd, c);
    }
  }

  void flush(int fd, Connection& c) {
    while (!c.output.empty()) {
      const auto wrote = send(fd, c.output.data(), c.output.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
      if (wrote < 0) {
        if (errno == EAGAIN) return watch(fd, EPOLLOUT);
        return finish(fd);
      }
      c.output.erase(0, static_cast<std::size_t>(wrote));
    }
    if (c.next_event > chunks_) return finish(fd);
    if (c.answering) watch(fd, 0);
  }

  void finish(int fd) {
    connections_.erase(fd);
    close(fd);
  }

  int ttft_, itl_, chunks_;
  int listener_ = -1;
  int epoll_ = -1;
  std::unordered_map<int, Connection> connections_;
  std::priority_queue<Due, std::vector<Due>, std::greater<>> due_;
};
}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: chatmock-bench-paced PORT_FILE TTFT_MS ITL_MS CHUNKS\n");
    return 2;
  }
  signal(SIGPIPE, SIG_IGN);
  rlimit limit{};
  getrlimit(RLIMIT_NOFILE, &limit);
  limit.rlim_cur = limit.rlim_max;
  setrlimit(RLIMIT_NOFILE, &limit);
  PacedServer server(std::atoi(argv[2]), std::atoi(argv[3]), std::atoi(argv[4]));
  const int port = server.listen_on_loopback();
  if (port < 0) return std::perror("listen"), 1;
  std::ofstream(argv[1]) << port << "\n";
  server.run();
}
