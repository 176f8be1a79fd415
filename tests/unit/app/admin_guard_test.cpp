// Who may reach the admin API: loopback is decided by address, never by how a name starts, and
// requests a web page could make (rebound Host, another Origin, text/plain or form posts) are
// refused with a 403 naming the way out.
#include <gtest/gtest.h>

#include <vector>

#include "app/authorization.h"
#include "app/cli_options.h"

namespace chatmock::app {
namespace {

bool parse_serve(std::vector<std::string> args, Config& config, std::string& error) {
  CLI::App command;
  ServeFlags flags;
  add_serve_flags(command, config, flags);
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  command.parse(reversed);
  return finish_serve_flags(config, flags, error);
}

wire::HttpRequest admin_request(std::string method,
                                std::vector<std::pair<std::string, std::string>> headers,
                                std::string body = "") {
  wire::HttpRequest request;
  request.method = std::move(method);
  request.path = "/_chatmock/fixtures";
  request.headers = std::move(headers);
  request.body = std::move(body);
  return request;
}

const AdminGuard kLoopback{"127.0.0.1", {}, true};

TEST(AdminGuardTest, LoopbackLiteralsAreNumbersNotPrefixes) {
  for (const char* host : {"127.0.0.1", "127.1.2.3", "::1", "[::1]"}) {
    EXPECT_TRUE(is_loopback_literal(host)) << host;
  }
  for (const char* host :
       {"127.evil.example", "127.0.0.1.evil.example", "10.0.0.1", "0.0.0.0", "::", ""}) {
    EXPECT_FALSE(is_loopback_literal(host)) << host;
  }
}

TEST(AdminGuardTest, ANameStartingWith127IsNotLoopback) {
  EXPECT_FALSE(is_loopback_host("127.evil.example"));
  EXPECT_FALSE(is_loopback_host("0.0.0.0"));
  EXPECT_TRUE(is_loopback_host("localhost"));
  EXPECT_TRUE(is_loopback_host("127.0.0.1"));
}

TEST(AdminGuardTest, BindingANameThatLooksLoopbackNeedsAnAdminToken) {
  Config config;
  std::string error;
  EXPECT_FALSE(parse_serve({"--host", "127.evil.example"}, config, error));
  EXPECT_NE(error.find("--admin-token"), std::string::npos) << error;
}

TEST(AdminGuardTest, StateFlagsReachTheConfig) {
  Config config;
  std::string error;
  ASSERT_TRUE(
      parse_serve({"--journal-bytes", "1048576", "--max-sessions", "50", "--max-session-bytes",
                   "65536", "--max-rate-limit-keys", "20", "--rate-limit", "rpm=5", "--allow-host",
                   "a.test", "--allow-host", "b.test"},
                  config, error))
      << error;
  EXPECT_EQ(config.journal_bytes, 1048576U);
  EXPECT_EQ(config.max_sessions, 50U);
  EXPECT_EQ(config.max_session_bytes, 65536U);
  EXPECT_EQ(config.rate_limit.max_keys, 20U);
  EXPECT_EQ(config.rate_limit.requests_per_minute, 5);
  EXPECT_EQ(config.allowed_hosts, (std::vector<std::string>{"a.test", "b.test"}));
}

TEST(AdminGuardTest, LoopbackAndBoundHostsAreAccepted) {
  for (const char* host :
       {"127.0.0.1:8080", "localhost:1", "LOCALHOST", "[::1]:9", "127.0.0.5", "localhost."}) {
    EXPECT_FALSE(admin_request_refusal(admin_request("GET", {{"host", host}}), kLoopback)) << host;
  }
  const AdminGuard named{"mock.internal", {}, true};
  EXPECT_FALSE(admin_request_refusal(admin_request("GET", {{"host", "mock.internal:80"}}), named));
}

TEST(AdminGuardTest, AnotherHostIsRefusedUnlessAllowed) {
  const auto refusal =
      admin_request_refusal(admin_request("GET", {{"host", "evil.example:8080"}}), kLoopback);
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->status, 403);
  EXPECT_EQ(refusal->code, "admin_host_not_allowed");
  EXPECT_NE(refusal->message.find("--allow-host evil.example"), std::string::npos)
      << refusal->message;
  const AdminGuard allowing{"127.0.0.1", {"Evil.Example"}, true};
  EXPECT_FALSE(
      admin_request_refusal(admin_request("GET", {{"host", "evil.example:8080"}}), allowing));
  const AdminGuard token{"0.0.0.0", {}, false};
  EXPECT_FALSE(admin_request_refusal(admin_request("GET", {{"host", "mock.example"}}), token));
}

TEST(AdminGuardTest, AForeignOriginIsRefusedAndTheServersOwnIsNot) {
  const auto foreign = admin_request_refusal(
      admin_request("GET", {{"host", "127.0.0.1:8080"}, {"origin", "https://evil.example"}}),
      kLoopback);
  ASSERT_TRUE(foreign);
  EXPECT_EQ(foreign->code, "admin_cross_origin");
  EXPECT_TRUE(admin_request_refusal(
      admin_request("GET", {{"host", "127.0.0.1:8080"}, {"origin", "null"}}), kLoopback));
  EXPECT_FALSE(admin_request_refusal(
      admin_request("GET", {{"host", "127.0.0.1:8080"}, {"origin", "http://127.0.0.1:8080"}}),
      kLoopback));
}

TEST(AdminGuardTest, WritesMustBeJson) {
  const auto plain = admin_request_refusal(
      admin_request("POST", {{"host", "127.0.0.1"}, {"content-type", "text/plain"}}, "{}"),
      kLoopback);
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->code, "admin_content_type");
  EXPECT_TRUE(admin_request_refusal(
      admin_request("POST",
                    {{"host", "127.0.0.1"}, {"content-type", "application/x-www-form-urlencoded"}}),
      kLoopback));
  EXPECT_TRUE(
      admin_request_refusal(admin_request("POST", {{"host", "127.0.0.1"}}, "{}"), kLoopback));
  EXPECT_TRUE(admin_request_refusal(
      admin_request("DELETE", {{"host", "127.0.0.1"}, {"content-type", "text/plain"}}), kLoopback));
  EXPECT_FALSE(admin_request_refusal(
      admin_request("POST",
                    {{"host", "127.0.0.1"}, {"content-type", "Application/JSON; charset=utf-8"}},
                    "{}"),
      kLoopback));
  // A bodiless write without a content type (DELETE, the Python client's POST /reset) is fine:
  // a browser sending one cross-site also sends Origin, refused above.
  EXPECT_FALSE(admin_request_refusal(admin_request("POST", {{"host", "127.0.0.1"}}), kLoopback));
  EXPECT_FALSE(admin_request_refusal(admin_request("DELETE", {{"host", "127.0.0.1"}}), kLoopback));
}

}  // namespace
}  // namespace chatmock::app
