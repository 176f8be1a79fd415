// Slow clients must not starve others: connections stuck mid-headers each hold a pool thread
// until the header deadline (GuardedServer), so the pool grows for them and a normal request is
// still answered at once.
#include <gtest/gtest.h>
#include <httplib.h>
#include <sys/resource.h>

#include <algorithm>
#include <vector>

#include "raw_socket.h"
#include "support/running_server.h"

namespace chatmock::testing {
namespace {

TEST(SlowClients, FourHundredConnectionsStuckMidHeadersDoNotBlockANormalRequest) {
  // Both ends of 400 connections live in this process: 800 descriptors, near a 1024 soft limit.
  rlimit files{};
  ::getrlimit(RLIMIT_NOFILE, &files);
  files.rlim_cur = std::max<rlim_t>(files.rlim_cur, std::min<rlim_t>(files.rlim_max, 4096));
  ::setrlimit(RLIMIT_NOFILE, &files);
  RunningServer server;
  std::vector<int> stuck;
  for (int i = 0; i < 400; ++i) {
    const int fd = open_socket(server.port());
    ASSERT_GE(fd, 0);
    const std::string partial = "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nX-Slow: ";
    ::send(fd, partial.data(), partial.size(), MSG_NOSIGNAL);
    stuck.push_back(fd);
  }
  httplib::Client client("127.0.0.1", server.port());
  client.set_connection_timeout(1, 0);
  client.set_read_timeout(1, 0);  // the requirement: answered within a second
  const auto res = client.Post(
      "/v1/chat/completions", {{"Authorization", "Bearer sk-x"}},
      R"({"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]})", "application/json");
  for (const int fd : stuck) ::close(fd);
  ASSERT_TRUE(res) << httplib::to_string(res.error());
  EXPECT_EQ(res->status, 200);
}

}  // namespace
}  // namespace chatmock::testing
