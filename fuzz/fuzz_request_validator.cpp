// Fuzz target: request body bytes → parse_request_body → validate_request, the path every
// POST /v1/chat/completions takes before matching. Neither may throw or crash on any input, and
// a violation always names a stable id.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "validation/request_body.h"
#include "validation/request_validator.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  const auto parsed = chatmock::validation::parse_request_body(body, "application/json");
  if (!parsed) return 0;
  for (const bool legacy : {false, true}) {
    chatmock::validation::ValidationOptions options;
    options.legacy_param_paths = legacy;
    for (const auto& violation : chatmock::validation::validate_request(parsed.json, options)) {
      if (violation.id.empty()) std::abort();
      // The error body the server would send must serialise whatever the request said.
      if (chatmock::validation::to_api_error(violation).body_text().empty()) std::abort();
    }
  }
  return 0;
}
