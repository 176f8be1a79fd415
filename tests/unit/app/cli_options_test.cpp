// The serve flags that guard the server itself: limits reach Config, and an exposed address
// without an admin token is refused before anything binds.
#include "app/cli_options.h"

#include <gtest/gtest.h>

#include <vector>

namespace chatmock::app {
namespace {

/// Parses `args` as `chatmock serve ARGS`; returns finish_serve_flags' verdict.
bool parse(std::vector<std::string> args, Config& config, std::string& error) {
  CLI::App command;
  ServeFlags flags;
  add_serve_flags(command, config, flags);
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  command.parse(reversed);
  return finish_serve_flags(config, flags, error);
}

TEST(CliOptionsTest, NonLoopbackHostWithoutAdminTokenIsRefused) {
  Config config;
  std::string error;
  EXPECT_FALSE(parse({"--host", "0.0.0.0"}, config, error));
  EXPECT_NE(error.find("--admin-token"), std::string::npos) << error;
}

TEST(CliOptionsTest, NonLoopbackHostWithAdminTokenIsAccepted) {
  Config config;
  std::string error;
  EXPECT_TRUE(parse({"--host", "0.0.0.0", "--admin-token", "s3cret"}, config, error)) << error;
}

TEST(CliOptionsTest, LoopbackHostsNeedNoAdminToken) {
  for (const std::string host : {"127.0.0.1", "127.0.0.2", "localhost", "::1"}) {
    Config config;
    std::string error;
    EXPECT_TRUE(parse({"--host", host}, config, error)) << host << ": " << error;
  }
}

TEST(CliOptionsTest, LimitFlagsReachTheConfig) {
  Config config;
  std::string error;
  ASSERT_TRUE(parse({"--max-connections",    "7",    "--header-timeout-ms",  "1500",
                     "--request-timeout-ms", "9000", "--max-header-bytes",   "4096",
                     "--max-headers",        "20",   "--max-json-depth",     "16",
                     "--max-messages",       "10",   "--max-tools",          "3",
                     "--max-string-bytes",   "100",  "--keep-alive-timeout", "2"},
                    config, error))
      << error;
  EXPECT_EQ(config.http.max_connections, 7U);
  EXPECT_EQ(config.http.header_timeout_ms, 1500);
  EXPECT_EQ(config.http.request_timeout_ms, 9000);
  EXPECT_EQ(config.http.max_header_bytes, 4096U);
  EXPECT_EQ(config.http.max_headers, 20U);
  EXPECT_EQ(config.http.keep_alive_timeout_s, 2);
  EXPECT_EQ(config.body_limits.max_depth, 16U);
  EXPECT_EQ(config.validation.max_messages, 10U);
  EXPECT_EQ(config.validation.max_tools, 3U);
  EXPECT_EQ(config.validation.max_string_bytes, 100U);
}

}  // namespace
}  // namespace chatmock::app
