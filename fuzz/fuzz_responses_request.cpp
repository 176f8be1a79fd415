// Fuzz target: request body bytes → parse_request_body → parse_create_response (strict and
// --lenient-params), the path every POST /v1/responses takes before stubs and synthesis, then
// the readings stubs and the rate limiter make of it. None may throw or crash on any input.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "responses/response_builder.h"
#include "responses/response_request.h"
#include "stubbing/match_input.h"
#include "validation/request_body.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  const auto parsed = chatmock::validation::parse_request_body(body, "application/json");
  if (!parsed) return 0;
  // Stubs read the raw body, validated or not (near misses, journal searches).
  const chatmock::stubbing::Conversation conversation(parsed.json);
  for (const auto& message : conversation.messages()) {
    static_cast<void>(chatmock::stubbing::message_text(message));
  }
  static_cast<void>(chatmock::stubbing::offered_tool_names(parsed.json));
  for (const bool lenient : {false, true}) {
    const auto request =
        chatmock::responses::parse_create_response(parsed.json, {.lenient_params = lenient});
    if (!request) {
      // The error body the server would send must serialise whatever the request said.
      if (request.error().body_text().empty()) std::abort();
      continue;
    }
    if (request->model.empty() && !parsed.json.contains("model")) std::abort();
    if (chatmock::responses::estimate_input_tokens(*request) < 0) std::abort();
    const auto items = chatmock::responses::identified_input_items(*request, 42);
    if (items.size() != request->input.size()) std::abort();
  }
  return 0;
}
