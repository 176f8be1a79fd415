// What the recorder must never write: the request's credentials and anything key-shaped,
// including a key split across two stream writes.
#include "recording/redactor.h"

#include <gtest/gtest.h>

namespace chatmock::recording {
namespace {

const std::string kKey = "sk-proj-Zq8uTfakefakefake0123456789abcdef";

Redactor with_key() {
  return Redactor({{"authorization", "Bearer " + kKey},
                   {"openai-organization", "org-Acme123"},
                   {"openai-project", "proj_Secret42"},
                   {"content-type", "application/json"}});
}

TEST(RedactorTest, RequestCredentialsAreRedactedWhereverTheyAppear) {
  const auto text = with_key().redact(
      "key " + kKey + " org org-Acme123 project proj_Secret42 type application/json");
  EXPECT_EQ(text, "key [REDACTED] org [REDACTED] project [REDACTED] type application/json");
}

TEST(RedactorTest, KeyShapedStringsAreRedactedEvenWhenNotTheRequestsOwn) {
  const Redactor none(std::vector<std::pair<std::string, std::string>>{});
  EXPECT_EQ(none.redact("old sk-abcdefghijklmnopqrstuvwxyz012345 new"), "old [REDACTED] new");
  EXPECT_EQ(
      none.redact("Incorrect API key provided: sk-proj-********************************abcd."),
      "Incorrect API key provided: [REDACTED].");
  EXPECT_EQ(none.redact("pip install sk-learn; a risk-free task"),
            "pip install sk-learn; a risk-free task");
}

TEST(RedactorTest, ShortCredentialValuesAreNotTreatedAsSecrets) {
  const Redactor redactor(
      std::vector<std::pair<std::string, std::string>>{{"authorization", "Bearer x"}});
  EXPECT_EQ(redactor.redact("x marks the spot"), "x marks the spot");
}

TEST(RedactorTest, ASecretSplitAcrossPiecesIsRedactedAndBoundariesStay) {
  const std::string first = "data: {\"content\":\"" + kKey.substr(0, 10);
  const std::string second = kKey.substr(10) + "\"}\n\n";
  const std::string third = "data: [DONE]\n\n";
  const auto pieces = with_key().redact_pieces({first, second, third});
  ASSERT_EQ(pieces.size(), 3u);
  EXPECT_EQ(pieces[0], "data: {\"content\":\"[REDACTED]");
  EXPECT_EQ(pieces[1], "\"}\n\n");
  EXPECT_EQ(pieces[2], third);
}

TEST(RedactorTest, PiecesWithoutSecretsAreUntouched) {
  const std::vector<std::string> pieces = {"data: a\n\n", "data: b\n\n"};
  EXPECT_EQ(with_key().redact_pieces(pieces), pieces);
}

TEST(RedactorTest, CredentialHeadersAreKnownByName) {
  for (const char* name :
       {"authorization", "api-key", "openai-organization", "openai-project", "set-cookie"}) {
    EXPECT_TRUE(Redactor::is_credential_header(name)) << name;
  }
  EXPECT_FALSE(Redactor::is_credential_header("x-request-id"));
}

}  // namespace
}  // namespace chatmock::recording
