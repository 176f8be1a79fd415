// Request-side validation of a parsed Chat Completions body (docs/openai-behaviour.md §4): types,
// ranges, message and tool-call structure, and the cross-field rules the real API enforces. Pure:
// no HTTP, no I/O, never throws; byte-level parsing and size limits live in request_body.h.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

#include "models/model_catalogue.h"
#include "validation/violation.h"

namespace chatmock::validation {

/// Knobs for the rules the API has changed over time or that only guard the mock itself.
struct ValidationOptions {
  /// Emit the older API's param paths ("messages.[3].tool_call_id") and its tool-role wording.
  bool legacy_param_paths = false;
  std::size_t max_messages = 100000;
  std::size_t max_tools = 128;
  std::size_t max_string_bytes = std::size_t{10} * 1024 * 1024;
  /// Accept top-level fields the API does not define (--lenient-params) instead of the 400.
  bool lenient_params = false;
  /// Answer model ids the catalogue does not know with the API's 404 (--strict-models).
  bool strict_models = false;
  /// The models and what each takes (--models FILE); null means Catalogue::builtin().
  std::shared_ptr<const models::Catalogue> models;
  /// Most completion tokens one request may ask for across its choices, n × max tokens
  /// (--max-total-completion-tokens); bounds what synthesis may be made to produce.
  std::int64_t max_total_completion_tokens = std::int64_t{1} << 20U;
};

/// All violations of `body`, in a stable order; the first is the one the server reports.
std::vector<Violation> validate_request(const nlohmann::json& body,
                                        const ValidationOptions& options = {});

}  // namespace chatmock::validation
