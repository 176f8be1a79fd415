// Request-side validation of a parsed Chat Completions body (edge-cases.md §4): types, ranges,
// message and tool-call structure, and the cross-field rules the real API enforces. Pure: no
// HTTP, no I/O, never throws; byte-level parsing and size limits live in request_body.h.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <vector>

#include "validation/violation.h"

namespace chatmock::validation {

/// Knobs for the rules the API has changed over time or that only guard the mock itself.
struct ValidationOptions {
  /// Emit the older API's param paths ("messages.[3].tool_call_id") and its tool-role wording.
  bool legacy_param_paths = false;
  std::size_t max_messages = 100000;
  std::size_t max_tools = 128;
  std::size_t max_string_bytes = std::size_t{10} * 1024 * 1024;
};

/// All violations of `body`, in a stable order; the first is the one the server reports.
std::vector<Violation> validate_request(const nlohmann::json& body,
                                        const ValidationOptions& options = {});

}  // namespace chatmock::validation
