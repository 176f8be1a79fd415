// Key shapes: legacy "sk-" + 48 characters, "sk-proj-…", "sk-svcacct-…", and the masked form
// the API itself echoes in 401 messages ("sk-proj-****…abcd"); 20 characters after "sk-" keeps
// ordinary words such as "sk-learn" out. Every scan is linear: a key-character run is walked
// once (an "sk-" inside it ends where it ends), and request secrets use KMP, not find().
#include "journal/credentials.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "text/ascii.h"

namespace chatmock::journal {

namespace {
constexpr std::size_t kMinKeyBody = 20;
constexpr std::size_t kMinSecretLength = 6;

bool key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '*';
}

std::vector<std::size_t> failure_table(std::string_view pattern) {
  std::vector<std::size_t> failure(pattern.size(), 0);
  for (std::size_t i = 1, k = 0; i < pattern.size(); ++i) {
    while (k > 0 && pattern[i] != pattern[k]) k = failure[k - 1];
    if (pattern[i] == pattern[k]) ++k;
    failure[i] = k;
  }
  return failure;
}
}  // namespace

namespace {
// One `-`/`_`/`.`-separated word of a header name, any case (see is_credential_header).
bool credential_word(std::string_view word) {
  if (text::istarts_with(word, "auth")) return true;
  switch (word.empty() ? '\0' : text::ascii_lower(word.back())) {  // only the suffix it allows
    case 'y':
      return text::iends_with(word, "key");
    case 'n':
      return text::iends_with(word, "token");
    case 't':
      return text::iends_with(word, "secret");
    default:
      break;
  }
  return word.size() >= 8 && text::icontains(word, "password");
}
}  // namespace

bool is_credential_header(std::string_view name) {
  // Runs for every request and response header of every journaled exchange (~20 calls a
  // request), so it reads the name once, in place: most names fail every word test on its first
  // or last letter. The named headers are those the word rule does not catch (authorization,
  // api-key, x-auth-token… are words ending or starting as credentials).
  constexpr std::size_t kLongest = 256;
  if (name.size() > kLongest) return true;  // no real header name is this long: keep it out
  switch (name.size()) {
    case 6:
      if (text::iequals(name, "cookie")) return true;
      break;
    case 10:
      if (text::iequals(name, "set-cookie")) return true;
      break;
    case 14:
      if (text::iequals(name, "openai-project")) return true;
      break;
    case 19:
      if (text::iequals(name, "openai-organization")) return true;
      break;
    default:
      break;
  }
  std::size_t from = 0;
  for (std::size_t i = 0; i <= name.size(); ++i) {
    if (i < name.size() && name[i] != '-' && name[i] != '_' && name[i] != '.') continue;
    if (credential_word(name.substr(from, i - from))) return true;
    from = i + 1;
  }
  return false;
}

std::string_view redacted_header_value(std::string_view value) {
  return text::istarts_with(value, "bearer ") ? "Bearer [REDACTED]" : kRedacted;
}

SecretRedactor::SecretRedactor(
    const std::vector<std::pair<std::string, std::string>>& request_headers) {
  for (const auto& [name, value] : request_headers) {
    if (!is_credential_header(name)) continue;
    std::string_view secret = value;
    if (text::istarts_with(secret, "bearer ")) secret.remove_prefix(7);
    while (!secret.empty() && secret.front() == ' ') secret.remove_prefix(1);
    if (secret.size() < kMinSecretLength) continue;
    if (std::any_of(secrets_.begin(), secrets_.end(),
                    [&](const Secret& known) { return known.text == secret; }))
      continue;
    secrets_.push_back({std::string(secret), failure_table(secret)});
  }
}

std::vector<SecretRedactor::Range> SecretRedactor::find(std::string_view text,
                                                        bool first_only) const {
  std::vector<Range> ranges;
  for (const auto& secret : secrets_) {
    const std::string_view pattern = secret.text;
    for (std::size_t i = 0, k = 0; i < text.size(); ++i) {
      if (k == 0) {  // nothing matched yet: jump to the next candidate first character
        const void* next = std::memchr(text.data() + i, pattern[0], text.size() - i);
        if (next == nullptr) break;
        i = static_cast<std::size_t>(static_cast<const char*>(next) - text.data());
      }
      while (k > 0 && text[i] != pattern[k]) k = secret.failure[k - 1];
      if (text[i] == pattern[k]) ++k;
      if (k == pattern.size()) {
        ranges.push_back({i + 1 - k, i + 1});
        if (first_only) return ranges;
        k = secret.failure[k - 1];
      }
    }
  }
  for (auto at = text.find("sk-"); at != std::string_view::npos; at = text.find("sk-", at)) {
    std::size_t end = at + 3;
    while (end < text.size() && key_char(text[end])) ++end;
    if (end - at - 3 >= kMinKeyBody) {
      ranges.push_back({at, end});
      if (first_only) return ranges;
    }
    at = end;  // every "sk-" inside this run ends where it ends, and is shorter
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

bool SecretRedactor::contains_secret(std::string_view text) const {
  return !find(text, true).empty();
}

std::string SecretRedactor::redact(std::string_view text, std::size_t limit) const {
  const auto ranges = find(text, false);
  std::string out;
  out.reserve(std::min(text.size(), limit));
  std::size_t at = 0;
  for (const auto& range : ranges) {
    if (out.size() >= limit) break;
    out.append(text.substr(at, range.begin - at));
    out.append(kRedacted);
    at = range.end;
  }
  if (out.size() < limit) out.append(text.substr(at, limit - out.size()));
  if (out.size() > limit) out.resize(limit);
  return out;
}

std::vector<std::string> SecretRedactor::redact_pieces(
    const std::vector<std::string>& pieces) const {
  std::string whole;
  for (const auto& piece : pieces) whole += piece;
  const auto ranges = find(whole, false);
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

}  // namespace chatmock::journal
