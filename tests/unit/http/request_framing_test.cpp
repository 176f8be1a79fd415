// framing_violation on header blocks: the ambiguous framings behind request smuggling are
// named, every unambiguous one passes.
#include "http/request_framing.h"

#include <gtest/gtest.h>

namespace chatmock::http {
namespace {

std::string head(const std::string& fields) {
  return "POST / HTTP/1.1\r\nHost: x\r\n" + fields + "\r\n";
}

TEST(RequestFraming, UnambiguousFramingsPass) {
  EXPECT_FALSE(framing_violation(head("")));
  EXPECT_FALSE(framing_violation(head("Content-Length: 12\r\n")));
  EXPECT_FALSE(framing_violation(head("content-length: 12\r\nContent-Length:  012 \r\n")));
  EXPECT_FALSE(framing_violation(head("Transfer-Encoding: chunked\r\n")));
  EXPECT_FALSE(framing_violation(head("transfer-encoding: Chunked\r\n")));
  EXPECT_FALSE(framing_violation("GET / HTTP/1.1\nHost: x\n\n"));
}

TEST(RequestFraming, AmbiguousFramingsAreNamed) {
  const auto both = framing_violation(head("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n"));
  ASSERT_TRUE(both);
  EXPECT_NE(both->find("both Transfer-Encoding and Content-Length"), std::string::npos);
  EXPECT_TRUE(framing_violation(head("Transfer-Encoding: chunked\r\nContent-Length: 5\r\n")));
  EXPECT_TRUE(framing_violation(head("Content-Length: 5\r\nContent-Length: 50\r\n")));
  EXPECT_TRUE(framing_violation(head("Content-Length: 5, 5\r\n")));
  EXPECT_TRUE(framing_violation(head("Content-Length: -5\r\n")));
  EXPECT_TRUE(framing_violation(head("Content-Length: \r\n")));
  EXPECT_TRUE(framing_violation(head("Transfer-Encoding: gzip\r\n")));
  EXPECT_TRUE(framing_violation(head("Transfer-Encoding: gzip, chunked\r\n")));
  EXPECT_TRUE(
      framing_violation(head("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n")));
  EXPECT_TRUE(framing_violation(head("Transfer-Encoding : chunked\r\n")));
  EXPECT_TRUE(framing_violation(head("X-A: 1\r\n Transfer-Encoding: chunked\r\n")));
}

}  // namespace
}  // namespace chatmock::http
