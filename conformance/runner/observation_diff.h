// Observation comparison: the first way a client's observation differs from the one the runner
// derived from the served bytes, worded for a failure report. Pure; no I/O.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace chatmock::conform {

/// The first difference between `served` (ground truth) and `observed` (the adapter's), as
/// "choices[0].finish_reason: served \"length\", client reported \"stop\""; nullopt when equal.
/// An absent key counts as null and an absent or null `tool_calls` as []; for errors only status,
/// type and code are compared (SDKs format messages differently).
std::optional<std::string> observation_difference(const nlohmann::json& served,
                                                  const nlohmann::json& observed);

/// The first difference between two ok:true Responses observations (status, incomplete reason,
/// response error code, output items, output_text, usage, event count, id, model); nullopt
/// when equal. `events` is compared only when the client reported a number.
std::optional<std::string> response_success_difference(const nlohmann::json& served,
                                                       const nlohmann::json& observed);

/// "PATH: served X, client reported Y" when the two values differ, else nullopt.
std::optional<std::string> field_difference(const std::string& path, const nlohmann::json& served,
                                            const nlohmann::json& observed);

/// The first difference of `checks` that is set.
std::optional<std::string> first_difference(const std::vector<std::optional<std::string>>& checks);

/// Why `observation` is not a well-formed observation (docs/interface.md), or nullopt.
std::optional<std::string> malformed_observation(const nlohmann::json& observation);

/// `value` as compact JSON, cut to about `limit` bytes with "…" for reports.
std::string brief_json(const nlohmann::json& value, std::size_t limit = 80);

}  // namespace chatmock::conform
