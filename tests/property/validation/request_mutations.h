// Single-field mutations of a valid request body, each paired with the violation the validator
// must report first (id, param, code). Written from the rules in server/validation/*.cpp and
// docs/openai-behaviour.md §4; the validator's own code is never consulted at run time.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chatmock::property {

using nlohmann::json;

/// The violation a mutation must cause, as the API reports it.
struct ExpectedViolation {
  std::string id;
  std::optional<std::string> param;
  std::optional<std::string> code;
};

/// How param paths are spelled: "messages[2]" or, in the legacy style, "messages.[2]".
struct PathStyle {
  bool legacy = false;
  std::string index(std::string_view base, std::size_t i) const {
    return std::string(base) + (legacy ? ".[" : "[") + std::to_string(i) + "]";
  }
};

/// One way to break one field of a valid body.
struct Mutation {
  std::string name;
  /// Whether `body` has what the mutation needs (a tool message, array content, tools…).
  std::function<bool(const json& body)> applies;
  /// Breaks one field of `body` (drawing details with RapidCheck) and returns what must be
  /// reported.
  std::function<ExpectedViolation(json& body, const PathStyle& style)> apply;
};

/// Largest string, message and tool counts the mutations may assume the validator allows.
struct MutationLimits {
  std::size_t max_messages;
  std::size_t max_tools;
  std::size_t max_string_bytes;
};

std::vector<Mutation> top_level_mutations(const MutationLimits& limits);
std::vector<Mutation> message_mutations(const MutationLimits& limits);
std::vector<Mutation> tool_mutations(const MutationLimits& limits);
std::vector<Mutation> fidelity_mutations();

// Small helpers shared by the mutation files.
/// Indexes of the messages for which `pred(message)` holds.
std::vector<std::size_t> messages_where(const json& body,
                                        const std::function<bool(const json&)>& pred);
/// The role of `message`, or "" when it has none.
std::string role_of(const json& message);
/// A value of none of the JSON kinds in `allowed` ("string", "integer", "number", "boolean",
/// "array", "object", "null"); an integral number counts as both integer and number.
json wrong_kind(const std::vector<std::string>& allowed);

}  // namespace chatmock::property
