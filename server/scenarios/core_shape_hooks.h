// Hooks of the core scenarios that change which keys a body or chunk carries without changing
// the answer: unknown extra fields, only the required fields, and explicit nulls for optional
// fields. Each works on JSON (body and chunks alike). Registration is in catalogue_core.cpp.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

namespace chatmock::scenarios {

/// Adds plausible provider-specific unknown keys to every object of a body or chunk.
void add_unknown_fields(nlohmann::json& root);

/// Drops every optional key of a completion body that does not carry the answer.
void keep_only_required_in_body(nlohmann::json& body);
/// Drops optional chunk keys and null delta keys; drops the usage chunk left with nothing.
void keep_only_required_in_chunks(std::vector<nlohmann::json>& chunks);

/// Sends optional keys that are absent (or empty arrays) as explicit null; with
/// `nullable_only`, only those the spec declares nullable (so the output stays valid).
void null_absent_in_body(nlohmann::json& body, bool nullable_only);
void null_absent_in_chunk(nlohmann::json& chunk, bool nullable_only);

}  // namespace chatmock::scenarios
