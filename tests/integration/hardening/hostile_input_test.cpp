// Thousands of malformed requests over real sockets: each gets an HTTP answer or a clean
// close (never a hang, never a crash), and a normal request is served right after. Runs under
// the ASan+UBSan preset too. `scripts/hostile --count N` (CHATMOCK_HOSTILE_COUNT) runs more.
#include <gtest/gtest.h>
#include <httplib.h>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <random>

#include "raw_socket.h"
#include "support/running_server.h"

namespace chatmock::testing {
namespace {

const std::string kHostileGoodBody =
    R"({"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]})";

std::string post_with(const std::string& body, const std::string& extra_headers = "") {
  return "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer sk-x\r\n"
         "Content-Type: application/json\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\n" + extra_headers + "\r\n" + body;
}

/// One malformed request of kind `kind`, drawn from `rng`.
std::string hostile_request(int kind, std::mt19937_64& rng) {
  auto random_bytes = [&rng](std::size_t n) {
    std::string s(n, '\0');
    for (auto& c : s) c = static_cast<char>(rng() & 0xFF);
    return s;
  };
  switch (kind) {
    case 0:
      return random_bytes(1 + rng() % 512);
    case 1:
      return "GET\r\n\r\n";
    case 2:
      return "POST /v1/chat/completions HTTP/9.9\r\n\r\n";
    case 3:
      return post_with(kHostileGoodBody)
          .substr(0, rng() % post_with(kHostileGoodBody).size());  // truncated
    case 4:
      return post_with(random_bytes(64));  // not JSON
    case 5:
      return post_with(R"({"model":"m","messages":[{"role":"user","content":")" +
                       std::string("\xff\xfe\xc3", 3) + "\"}]}");
    case 6:
      return post_with(kHostileGoodBody, "X-Huge: " + std::string(100000, 'a') + "\r\n");
    case 7:
      return "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: "
             "chunked\r\n\r\nzz\r\nabc\r\n";
    case 8:
      return post_with(std::string(100000, '[') + std::string(100000, ']'));  // deep nesting
    case 9:
      return "POST /v1/chat/completions HTTP/1.1\r\nContent-Length: -5\r\n\r\n";
    case 10: {
      std::string headers;
      for (int i = 0; i < 500; ++i) headers += "X-H" + std::to_string(i) + ": v\r\n";
      return post_with(kHostileGoodBody, headers);
    }
    default:
      return "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + random_bytes(32);  // a TLS hello
  }
}

TEST(HostileInput, EveryMalformedRequestIsAnsweredOrClosedAndServingContinues) {
  RunningServer server;
  const char* env = std::getenv("CHATMOCK_HOSTILE_COUNT");
  const int count = env != nullptr ? std::atoi(env) : 2000;
  std::mt19937_64 rng(20261125);
  int answered = 0;
  for (int i = 0; i < count; ++i) {
    const int kind = static_cast<int>(rng() % 12);
    const auto outcome = exchange_raw(server.port(), hostile_request(kind, rng));
    EXPECT_TRUE(outcome.closed_or_answered) << "case " << i << " kind " << kind << " hung";
    if (outcome.response.starts_with("HTTP/1.1 ")) {
      ++answered;
      const auto status = std::atoi(outcome.response.c_str() + 9);
      EXPECT_TRUE(status == 200 || (status >= 400 && status < 500))
          << "kind " << kind << ": " << status;
    }
  }
  // How many are answered rather than closed depends on timing: cpp-httplib drops the reply to a
  // client that half-closed first (raw_socket.h). Either is a correct outcome.
  RecordProperty("answered", answered);
  httplib::Client client("127.0.0.1", server.port());
  const auto res = client.Post("/v1/chat/completions", {{"Authorization", "Bearer sk-x"}},
                               kHostileGoodBody, "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

TEST(HostileInput, DeeplyNestedJsonIsA400NotAStackOverflow) {
  RunningServer server;
  const auto outcome =
      exchange_raw(server.port(), post_with(std::string(200000, '[') + std::string(200000, ']')),
                   /*half_close=*/false);
  ASSERT_TRUE(outcome.response.starts_with("HTTP/1.1 400")) << outcome.response.substr(0, 80);
  const auto body =
      nlohmann::json::parse(outcome.response.substr(outcome.response.find("\r\n\r\n") + 4));
  EXPECT_EQ(body["error"]["type"], "invalid_request_error");
}

}  // namespace
}  // namespace chatmock::testing
