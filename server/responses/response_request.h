// CreateResponse (POST /v1/responses) as a typed value: the fields this slice honours, checked
// with the API's error wording, and the defaults the Response echoes. Fields the spec defines but
// chatmock ignores are accepted; a field the spec does not define is a 400 unknown_parameter.
#pragma once

#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reply/expected.h"
#include "responses/response_json.h"

namespace chatmock::responses {

struct ResponseRequest {
  std::string model;
  std::vector<Json> input;  ///< normalised items (response_input.h)
  std::optional<std::string> instructions;
  std::optional<std::int64_t> max_output_tokens;  ///< >= 16
  bool stream = false;
  bool store = true;
  std::optional<std::string> previous_response_id;
  double temperature = 1.0;
  double top_p = 1.0;
  Json metadata = Json::object();
  Json tools = Json::array();  ///< function tools with `strict` filled in
  Json tool_choice = "auto";
  bool parallel_tool_calls = true;
  Json text_format = Json{{"type", "text"}};
  std::optional<std::string> user;
  std::string truncation = "disabled";
  Json reasoning = Json{{"effort", nullptr}, {"summary", nullptr}};
  std::vector<std::string> include;  ///< extra output the caller asks for (encrypted reasoning…)
  std::int64_t top_logprobs = 0;     ///< 0–20 alternatives per token, with output_text logprobs

  /// Whether `include` asks for `what` (e.g. "message.output_text.logprobs").
  bool includes(std::string_view what) const {
    return std::find(include.begin(), include.end(), what) != include.end();
  }
};

struct ParseOptions {
  bool lenient_params = false;  ///< --lenient-params: unknown top-level fields are ignored
};

/// The typed request, or the first 400 the API would answer `body` with.
reply::Expected<ResponseRequest> parse_create_response(const nlohmann::json& body,
                                                       const ParseOptions& options = {});

}  // namespace chatmock::responses
