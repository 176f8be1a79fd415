// Key shapes: legacy "sk-" + 48 characters, "sk-proj-…", "sk-svcacct-…", and the masked form
// the API itself echoes in 401 messages ("sk-proj-****…abcd"); 20 characters after "sk-" keeps
// ordinary words such as "sk-learn" out. Exact request credentials are matched too, so a key of
// any shape that the client sent is never written.
#include "recording/redactor.h"

#include <algorithm>

namespace chatmock::recording {

namespace {
constexpr std::size_t kMinKeyBody = 20;
constexpr std::size_t kMinSecretLength = 6;

bool key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '*';
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}
}  // namespace

bool Redactor::is_credential_header(std::string_view lower_name) {
  return lower_name == "authorization" || lower_name == "proxy-authorization" ||
         lower_name == "api-key" || lower_name == "x-api-key" ||
         lower_name == "openai-organization" || lower_name == "openai-project" ||
         lower_name == "cookie" || lower_name == "set-cookie";
}

Redactor::Redactor(const std::vector<std::pair<std::string, std::string>>& request_headers) {
  for (const auto& [name, value] : request_headers) {
    if (!is_credential_header(lower(name))) continue;
    std::string_view secret = value;
    if (lower(secret.substr(0, 7)) == "bearer ") secret.remove_prefix(7);
    while (!secret.empty() && secret.front() == ' ') secret.remove_prefix(1);
    if (secret.size() >= kMinSecretLength) secrets_.emplace_back(secret);
  }
  // Longest first, so a secret that contains another is replaced whole.
  std::sort(secrets_.begin(), secrets_.end(),
            [](const auto& a, const auto& b) { return a.size() > b.size(); });
}

std::vector<Redactor::Range> Redactor::find(std::string_view text) const {
  std::vector<Range> ranges;
  for (const auto& secret : secrets_) {
    for (auto at = text.find(secret); at != std::string_view::npos;
         at = text.find(secret, at + secret.size())) {
      ranges.push_back({at, at + secret.size()});
    }
  }
  for (auto at = text.find("sk-"); at != std::string_view::npos; at = text.find("sk-", at + 3)) {
    std::size_t end = at + 3;
    while (end < text.size() && key_char(text[end])) ++end;
    if (end - at - 3 >= kMinKeyBody) ranges.push_back({at, end});
  }
  std::sort(ranges.begin(), ranges.end(),
            [](const Range& a, const Range& b) { return a.begin < b.begin; });
  std::vector<Range> merged;
  for (const auto& range : ranges) {
    if (!merged.empty() && range.begin <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, range.end);
    } else {
      merged.push_back(range);
    }
  }
  return merged;
}

std::string Redactor::redact(std::string_view text) const {
  const auto pieces = redact_pieces({std::string(text)});
  return pieces.front();
}

std::vector<std::string> Redactor::redact_pieces(const std::vector<std::string>& pieces) const {
  std::string whole;
  for (const auto& piece : pieces) whole += piece;
  const auto ranges = find(whole);
  if (ranges.empty()) return pieces;
  std::vector<std::string> out;
  out.reserve(pieces.size());
  std::size_t start = 0;
  std::size_t r = 0;
  for (const auto& piece : pieces) {
    const std::size_t end = start + piece.size();
    std::string redacted;
    std::size_t pos = start;
    while (pos < end) {
      while (r < ranges.size() && ranges[r].end <= pos) ++r;
      if (r < ranges.size() && ranges[r].begin <= pos) {
        if (ranges[r].begin == pos) redacted += kRedacted;
        pos = std::min(end, ranges[r].end);
        continue;
      }
      const std::size_t next = r < ranges.size() ? std::min(end, ranges[r].begin) : end;
      redacted.append(whole, pos, next - pos);
      pos = next;
    }
    out.push_back(std::move(redacted));
    start = end;
  }
  return out;
}

}  // namespace chatmock::recording
