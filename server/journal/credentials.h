// The one list of what counts as a credential, shared by the request journal, the near-miss
// journal and the recorder, so the admin API and fixture files can never disagree about what to
// hide. SecretRedactor rewrites text in linear time (a prompt of `sk-sk-sk-…` used to be
// quadratic).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chatmock::journal {

/// What a secret is replaced with.
inline constexpr std::string_view kRedacted = "[REDACTED]";

/// True when a header named `name` (any case) carries a credential: authorization,
/// proxy-authorization, cookie, set-cookie, openai-organization, openai-project, api-key,
/// x-api-key, x-goog-api-key, x-auth-token, or a key-shaped name — one of its `-`/`_`/`.`
/// separated words starts with "auth" or ends with "key", "token", "secret" or holds "password"
/// (so x-ratelimit-remaining-tokens, a count, stays visible).
bool is_credential_header(std::string_view name);
/// What a credential header's value is shown as: a bearer token keeps its scheme.
std::string_view redacted_header_value(std::string_view value);

/// Finds and replaces secrets in text: the credentials a request carried (its credential
/// headers' values, 6+ characters, a bearer token without its scheme) wherever they appear, and
/// anything key-shaped ("sk-" followed by 20+ key characters) even when not the request's own.
class SecretRedactor {
 public:
  /// A redactor for key shapes only.
  SecretRedactor() = default;
  /// Learns the secrets carried by `request_headers`.
  explicit SecretRedactor(const std::vector<std::pair<std::string, std::string>>& request_headers);

  /// True when `text` holds a secret; no allocation when it does not.
  bool contains_secret(std::string_view text) const;
  /// `text` with every secret replaced by [REDACTED], cut to at most `limit` bytes; the secrets
  /// are found in the whole text, so a key straddling the cut is still hidden.
  std::string redact(std::string_view text, std::size_t limit = std::string_view::npos) const;
  /// `pieces` redacted as one text, so a secret split across two writes is still caught; the
  /// replacement goes where the secret started and the piece boundaries stay where they were.
  std::vector<std::string> redact_pieces(const std::vector<std::string>& pieces) const;

  /// The shared credential-header rule, under the name the recorder has always used.
  static bool is_credential_header(std::string_view name) {
    return journal::is_credential_header(name);
  }

 private:
  struct Range {
    std::size_t begin;
    std::size_t end;
  };
  struct Secret {
    std::string text;
    std::vector<std::size_t> failure;  ///< Knuth–Morris–Pratt table: linear search, any input
  };
  std::vector<Range> find(std::string_view text, bool first_only) const;

  std::vector<Secret> secrets_;
};

}  // namespace chatmock::journal
