// Shared builders and assertions for the validation unit tests: a minimal valid request to
// mutate, and a check that a body breaks exactly one rule with a given id, param and code.
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "validation/request_validator.h"

namespace chatmock::validation::testing {

using nlohmann::json;

/// The smallest request the validator accepts: one user message to gpt-4o.
inline json minimal_request() {
  return {{"model", "gpt-4o"}, {"messages", json::array({{{"role", "user"}, {"content", "Hi"}}})}};
}

/// A JSON array of `items`. Braces around one json expression ({value}) mean a copy under
/// Clang but a one-element array under GCC (CWG 2137), so tests spell arrays with this.
inline json list(std::initializer_list<json> items) {
  json array = json::array();
  for (const json& item : items) array.push_back(item);
  return array;
}

/// `minimal_request()` with `messages` replaced.
inline json with_messages(std::initializer_list<json> messages) {
  json body = minimal_request();
  body["messages"] = list(messages);
  return body;
}

/// An assistant message calling `ids` (function get_weather) with null content.
inline json assistant_calling(const std::vector<std::string>& ids) {
  json calls = json::array();
  for (const auto& id : ids) {
    calls.push_back({{"id", id},
                     {"type", "function"},
                     {"function", {{"name", "get_weather"}, {"arguments", "{}"}}}});
  }
  return {{"role", "assistant"}, {"content", nullptr}, {"tool_calls", calls}};
}

/// A tool message answering `id`.
inline json tool_reply(const std::string& id) {
  return {{"role", "tool"}, {"tool_call_id", id}, {"content", "sunny"}};
}

inline std::string describe(const std::vector<Violation>& violations) {
  std::ostringstream out;
  out << violations.size() << " violation(s):";
  for (const auto& v : violations) {
    out << "\n  " << v.id << " param=" << v.param.value_or("null")
        << " code=" << v.code.value_or("null") << " : " << v.message;
  }
  return out.str();
}

/// Succeeds when `violation` has exactly this id, param and code.
inline ::testing::AssertionResult is_violation(const Violation& violation, std::string_view id,
                                               const std::optional<std::string>& param,
                                               const std::optional<std::string>& code) {
  if (violation.id == id && violation.param == param && violation.code == code) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure()
         << "expected " << id << " param=" << param.value_or("null")
         << " code=" << code.value_or("null") << "\n got " << describe({violation});
}

/// Succeeds when `body` breaks exactly one rule, with this id, param and code.
inline ::testing::AssertionResult violates(const json& body, std::string_view id,
                                           const std::optional<std::string>& param,
                                           const std::optional<std::string>& code,
                                           const ValidationOptions& options = {}) {
  const auto violations = validate_request(body, options);
  if (violations.size() != 1) {
    return ::testing::AssertionFailure()
           << "expected exactly " << id << ", got " << describe(violations);
  }
  return is_violation(violations.front(), id, param, code);
}

/// Succeeds when the first (reported) violation of `body` has this id, param and code.
inline ::testing::AssertionResult first_violates(const json& body, std::string_view id,
                                                 const std::optional<std::string>& param,
                                                 const std::optional<std::string>& code,
                                                 const ValidationOptions& options = {}) {
  const auto violations = validate_request(body, options);
  if (violations.empty()) return ::testing::AssertionFailure() << "no violations";
  return is_violation(violations.front(), id, param, code) << "\n all: " << describe(violations);
}

/// Succeeds when `body` breaks no rule.
inline ::testing::AssertionResult is_valid(const json& body,
                                           const ValidationOptions& options = {}) {
  const auto violations = validate_request(body, options);
  if (violations.empty()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << describe(violations);
}

}  // namespace chatmock::validation::testing
