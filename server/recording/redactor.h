// Redactor: what must never reach a fixture file — the request's own credentials
// (Authorization, api-key, OpenAI-Organization, OpenAI-Project values) wherever they appear, and
// any string that looks like an OpenAI key (sk-…, 20+ key characters). It rewrites text;
// deciding which headers to keep is the snapshot's job.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chatmock::recording {

/// What a secret is replaced with.
inline constexpr std::string_view kRedacted = "[REDACTED]";

class Redactor {
 public:
  /// Learns the secrets carried by `request_headers` (names lower-cased).
  explicit Redactor(const std::vector<std::pair<std::string, std::string>>& request_headers);

  /// `text` with every secret replaced by [REDACTED].
  std::string redact(std::string_view text) const;
  /// `pieces` redacted as one text, so a secret split across two writes is still caught; the
  /// replacement goes where the secret started and the piece boundaries stay where they were.
  std::vector<std::string> redact_pieces(const std::vector<std::string>& pieces) const;

  /// True for headers whose value is a credential (authorization, api-key, openai-project…).
  static bool is_credential_header(std::string_view lower_name);

 private:
  struct Range {
    std::size_t begin;
    std::size_t end;
  };
  std::vector<Range> find(std::string_view text) const;

  std::vector<std::string> secrets_;
};

}  // namespace chatmock::recording
