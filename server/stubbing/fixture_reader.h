// FixtureReader: typed access to one JSON object of a fixture with errors that say where
// (a JSON pointer such as /replies/1/status), and a check that no unknown key is present, so a
// misspelt "prority" fails loudly instead of being silently ignored.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace chatmock::stubbing {

/// A fixture that says something invalid; `pointer` locates it inside its document.
class StubParseError : public std::runtime_error {
 public:
  StubParseError(std::string pointer, const std::string& reason)
      : std::runtime_error(reason), pointer_(std::move(pointer)) {}
  const std::string& pointer() const { return pointer_; }

 private:
  std::string pointer_;
};

class FixtureReader {
 public:
  /// Reads `json`, found at `pointer`; throws unless it is an object.
  FixtureReader(const nlohmann::ordered_json& json, std::string pointer);

  const nlohmann::ordered_json& json() const { return json_; }
  const std::string& pointer() const { return pointer_; }
  /// The pointer of member `key`.
  std::string at(std::string_view key) const;
  bool has(const char* key) const { return json_.contains(key); }
  /// Throws for any key outside `known` (keys starting with "_" are comments and allowed).
  void allow_only(std::initializer_list<std::string_view> known) const;

  std::optional<std::string> string(const char* key) const;
  std::optional<std::int64_t> integer(const char* key) const;
  std::optional<bool> boolean(const char* key) const;
  /// A member of any type, if present.
  const nlohmann::ordered_json* member(const char* key) const;
  /// Throws StubParseError at member `key` (or at this object when key is empty).
  [[noreturn]] void fail(std::string_view key, const std::string& reason) const;

 private:
  const nlohmann::ordered_json& json_;
  std::string pointer_;
};

/// Escapes a JSON pointer token (RFC 6901 §4: "~" → "~0", "/" → "~1").
std::string pointer_token(std::string_view key);

}  // namespace chatmock::stubbing
