// RE2 behind a mutex-guarded LRU keyed by the ECMAScript source. Each entry is charged its
// max_mem whatever it uses so far, because RE2's DFA caches grow up to it while matching;
// unsupported patterns are cached too (at their source size), so they are not recompiled.
#include "synthesis/json_schema_regex.h"

#include <re2/re2.h>

#include <cstdint>
#include <list>
#include <mutex>
#include <unordered_map>
#include <utility>

namespace chatmock::synthesis {

namespace {

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

class RegexCache {
 public:
  std::shared_ptr<const re2::RE2> get(const std::string& pattern) {
    {
      const std::lock_guard lock(mutex_);
      if (const auto it = index_.find(pattern); it != index_.end()) {
        entries_.splice(entries_.begin(), entries_, it->second);
        return it->second->compiled;
      }
    }
    // Compile outside the lock: other requests need not wait for this one's pattern.
    std::shared_ptr<const re2::RE2> compiled = compile(pattern);
    const std::size_t cost = compiled != nullptr ? kRegexMemory : pattern.size() + 64;
    const std::lock_guard lock(mutex_);
    if (index_.find(pattern) == index_.end()) {
      entries_.push_front(Entry{pattern, compiled, cost});
      index_.emplace(pattern, entries_.begin());
      bytes_ += cost;
      while (bytes_ > kRegexCacheBytes && entries_.size() > 1) {
        bytes_ -= entries_.back().cost;
        index_.erase(entries_.back().pattern);
        entries_.pop_back();
      }
    }
    return compiled;
  }

  std::size_t entries() {
    const std::lock_guard lock(mutex_);
    return entries_.size();
  }
  std::size_t bytes() {
    const std::lock_guard lock(mutex_);
    return bytes_;
  }

 private:
  struct Entry {
    std::string pattern;
    std::shared_ptr<const re2::RE2> compiled;
    std::size_t cost;
  };

  static std::shared_ptr<const re2::RE2> compile(const std::string& pattern) {
    const auto translated = ecmascript_to_re2(pattern);
    if (!translated) return nullptr;
    re2::RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(static_cast<std::int64_t>(kRegexMemory));
    auto compiled = std::make_shared<re2::RE2>(*translated, options);
    if (!compiled->ok()) return nullptr;
    return compiled;
  }

  std::mutex mutex_;
  std::list<Entry> entries_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  std::size_t bytes_ = 0;
};

RegexCache& cache() {
  static RegexCache instance;
  return instance;
}

}  // namespace

std::optional<std::string> ecmascript_to_re2(std::string_view pattern) {
  std::string out;
  out.reserve(pattern.size());
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      const char next = pattern[i + 1];
      if (next == 'u' && i + 5 < pattern.size() && is_hex(pattern[i + 2]) &&
          is_hex(pattern[i + 3]) && is_hex(pattern[i + 4]) && is_hex(pattern[i + 5])) {
        out += "\\x{" + std::string(pattern.substr(i + 2, 4)) + "}";
        i += 5;
        continue;
      }
      if (next == 'u' && i + 2 < pattern.size() && pattern[i + 2] == '{') {
        out += "\\x";  // \u{1F600}, the u-flag form, is RE2's \x{1F600}
        ++i;
        continue;
      }
      // Backreferences need a backtracking engine: unsupported, not approximated.
      if ((next >= '1' && next <= '9') || next == 'k') return std::nullopt;
      out += c;
      out += next;
      ++i;
      continue;
    }
    if (c == '(' && pattern.substr(i, 3) == "(?<" && i + 3 < pattern.size() &&
        pattern[i + 3] != '=' && pattern[i + 3] != '!') {
      out += "(?P<";  // named group; RE2 of Debian 12 knows only the (?P<name>...) spelling
      i += 2;
      continue;
    }
    out += c;
  }
  return out;
}

std::shared_ptr<const re2::RE2> compiled_pattern(const std::string& pattern) {
  return cache().get(pattern);
}

bool regex_search(const re2::RE2& re, std::string_view value) {
  return re2::RE2::PartialMatch(re2::StringPiece(value.data(), value.size()), re);
}

bool regex_full_match(const re2::RE2& re, std::string_view value) {
  return re2::RE2::FullMatch(re2::StringPiece(value.data(), value.size()), re);
}

std::size_t regex_cache_entries() { return cache().entries(); }
std::size_t regex_cache_bytes() { return cache().bytes(); }

}  // namespace chatmock::synthesis
