// Unit tests for parse_base_url: the OPENAI_BASE_URL forms the harness and users pass.
#include "chatmock/client/base_url.h"

#include <gtest/gtest.h>

namespace chatmock::client {
namespace {

TEST(BaseUrlTest, ParsesHostPortAndPrefix) {
  const auto url = parse_base_url("http://127.0.0.1:1234/v1");
  ASSERT_TRUE(url);
  EXPECT_EQ(url->scheme, "http");
  EXPECT_EQ(url->host, "127.0.0.1");
  EXPECT_EQ(url->port, 1234);
  EXPECT_EQ(url->path("/chat/completions"), "/v1/chat/completions");
}

TEST(BaseUrlTest, KeepsScenarioPrefixAndDropsTrailingSlashes) {
  const auto url = parse_base_url("http://localhost:8080/scenarios/refusal+sse_crlf/v1//");
  ASSERT_TRUE(url);
  EXPECT_EQ(url->path_prefix, "/scenarios/refusal+sse_crlf/v1");
}

TEST(BaseUrlTest, DefaultsPortBySchemeAndAllowsNoPath) {
  EXPECT_EQ(parse_base_url("https://api.openai.com/v1")->port, 443);
  const auto url = parse_base_url("HTTP://example.com");
  ASSERT_TRUE(url);
  EXPECT_EQ(url->scheme, "http");
  EXPECT_EQ(url->port, 80);
  EXPECT_EQ(url->path("/chat/completions"), "/chat/completions");
}

TEST(BaseUrlTest, ParsesBracketedIpv6) {
  const auto url = parse_base_url("http://[::1]:9000/v1?x=1");
  ASSERT_TRUE(url);
  EXPECT_EQ(url->host, "::1");
  EXPECT_EQ(url->port, 9000);
  EXPECT_EQ(url->path_prefix, "/v1");
}

TEST(BaseUrlTest, RejectsMalformedUrls) {
  for (const char* text :
       {"", "127.0.0.1:80/v1", "ftp://host/v1", "http://", "http://:80/v1", "http://host:/v1",
        "http://host:0", "http://host:70000", "http://host:8x", "http://user@host/v1",
        "http://[::1/v1", "http://[::1]x/v1"}) {
    EXPECT_FALSE(parse_base_url(text)) << text;
  }
}

}  // namespace
}  // namespace chatmock::client
