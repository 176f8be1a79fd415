// The one credential list and the one redactor: which header names hide their values, which
// text is a secret, and that finding them is linear however hostile the text.
#include "journal/credentials.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>

namespace chatmock::journal {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

TEST(CredentialsTest, NamedCredentialHeadersInAnyCase) {
  for (const char* name :
       {"authorization", "Proxy-Authorization", "cookie", "Set-Cookie", "openai-organization",
        "OpenAI-Project", "api-key", "x-api-key", "X-Goog-Api-Key", "x-auth-token"}) {
    EXPECT_TRUE(is_credential_header(name)) << name;
  }
}

TEST(CredentialsTest, KeyShapedNamesAreCredentialsButCountsAreNot) {
  for (const char* name : {"x-amz-security-token", "x-client-secret", "apikey", "x-apikey",
                           "x-authentication", "x-db-password", "private_key"}) {
    EXPECT_TRUE(is_credential_header(name)) << name;
  }
  for (const char* name :
       {"content-type", "x-request-id", "x-ratelimit-remaining-tokens", "x-ratelimit-limit-tokens",
        "keep-alive", "x-chatmock-session", "x-stainless-retry-count", "openai-version"}) {
    EXPECT_FALSE(is_credential_header(name)) << name;
  }
  // A name longer than any real header is kept out of the journal rather than scanned.
  EXPECT_TRUE(is_credential_header(std::string(300, 'a')));
}

TEST(CredentialsTest, BearerValuesKeepTheirScheme) {
  EXPECT_EQ(redacted_header_value("Bearer sk-abc"), "Bearer [REDACTED]");
  EXPECT_EQ(redacted_header_value("bearer sk-abc"), "Bearer [REDACTED]");
  EXPECT_EQ(redacted_header_value("sk-abc"), "[REDACTED]");
}

TEST(CredentialsTest, RequestSecretsFromEveryCredentialHeaderAreFoundInText) {
  const SecretRedactor redactor(Pairs{{"X-Goog-Api-Key", "AIzaFakeGoogleKey123"},
                                      {"x-auth-token", "tok-123456"},
                                      {"authorization", "Bearer opaque-token-9"},
                                      {"x-trace", "not-a-secret"}});
  EXPECT_EQ(redactor.redact("a AIzaFakeGoogleKey123 b tok-123456 c opaque-token-9 not-a-secret"),
            "a [REDACTED] b [REDACTED] c [REDACTED] not-a-secret");
}

TEST(CredentialsTest, KeyShapesAreFoundAnywhereAndShortOnesAreNot) {
  const SecretRedactor redactor;
  EXPECT_EQ(redactor.redact("say sk-proj-abcdefghijklmnopqrstuvwx now"), "say [REDACTED] now");
  EXPECT_EQ(redactor.redact("pip install sk-learn"), "pip install sk-learn");
  EXPECT_TRUE(redactor.contains_secret("x sk-abcdefghijklmnopqrstuvwxyz"));
  EXPECT_FALSE(redactor.contains_secret("x sk-short"));
}

TEST(CredentialsTest, RedactingToALimitHidesAKeyStraddlingTheCut) {
  const SecretRedactor redactor;
  const std::string text = "0123456789sk-abcdefghijklmnopqrstuvwxyz";
  const auto cut = redactor.redact(text, 20);
  EXPECT_EQ(cut.size(), 20U);
  EXPECT_EQ(cut.find("sk-abc"), std::string::npos);
  EXPECT_EQ(cut, "0123456789[REDACTED]");
  EXPECT_EQ(redactor.redact("abc", 2), "ab");
}

double seconds_to_redact(const SecretRedactor& redactor, const std::string& text) {
  const auto start = std::chrono::steady_clock::now();
  const auto out = redactor.redact(text);
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  EXPECT_LE(out.size(), text.size() + kRedacted.size());
  return took.count();
}

// Was quadratic: every "sk-" rescanned the rest of the run (19 s for 300 KB when recording).
TEST(CredentialsTest, ARunOfSkSkSkIsRedactedInLinearTime) {
  std::string text;
  while (text.size() < 300 * 1024) text += "sk-";
  const double took = seconds_to_redact(SecretRedactor(), text);
  std::printf("redacting 300 KB of sk-sk-…: %.2f ms\n", took * 1000);
  EXPECT_LT(took, 2.0);
  EXPECT_EQ(SecretRedactor().redact(text), kRedacted);
}

TEST(CredentialsTest, AHostileRequestSecretIsFoundInLinearTime) {
  const std::string secret = std::string(8 * 1024, 'a') + "b";
  const SecretRedactor redactor(Pairs{{"x-api-key", secret}});
  const std::string text(256 * 1024, 'a');
  const double took = seconds_to_redact(redactor, text);
  std::printf("searching 256 KB for an 8 KB near-miss secret: %.2f ms\n", took * 1000);
  EXPECT_LT(took, 2.0);
  EXPECT_EQ(redactor.redact(text + "b"), std::string(256 * 1024 - 8 * 1024, 'a') + "[REDACTED]");
}

TEST(CredentialsTest, PiecesAreRedactedAsOneText) {
  const SecretRedactor redactor;
  const auto pieces = redactor.redact_pieces({"data: sk-abcdefghij", "klmnopqrstuvwxyz\n\n"});
  ASSERT_EQ(pieces.size(), 2U);
  EXPECT_EQ(pieces[0], "data: [REDACTED]");
  EXPECT_EQ(pieces[1], "\n\n");
}

}  // namespace
}  // namespace chatmock::journal
