// ASCII case folding for protocol tokens (header names, media types, auth schemes): the one home
// for it. Locale-free on purpose: std::tolower folds by the C locale, and HTTP tokens are ASCII.
#pragma once

#include <cstddef>
#include <string_view>

namespace chatmock::text {

constexpr char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

/// `text` equals `lower` (already lower case) ignoring ASCII case.
constexpr bool iequals(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (ascii_lower(text[i]) != lower[i]) return false;
  }
  return true;
}

constexpr bool istarts_with(std::string_view text, std::string_view lower) {
  return text.size() >= lower.size() && iequals(text.substr(0, lower.size()), lower);
}

constexpr bool iends_with(std::string_view text, std::string_view lower) {
  return text.size() >= lower.size() && iequals(text.substr(text.size() - lower.size()), lower);
}

/// `text` contains `lower` ignoring ASCII case (short needles: a plain scan).
constexpr bool icontains(std::string_view text, std::string_view lower) {
  if (lower.empty()) return true;
  for (std::size_t i = 0; i + lower.size() <= text.size(); ++i) {
    if (iequals(text.substr(i, lower.size()), lower)) return true;
  }
  return false;
}

}  // namespace chatmock::text
