// The Responses API's own error bodies (docs/interface.md, Responses API). Clients match their
// message, param and code to recover (previous_response_not_found → resend full history), so each
// is spelled once, here.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "api/api_error.h"
#include "responses/response_json.h"

namespace chatmock::responses {

/// The JSON type name the error messages use: "string", "integer", "number", "boolean", …
std::string_view kind_of(const Json& value);

/// 404 for GET/DELETE/input_items of an id that is not stored (in this session).
api::ApiError response_not_found(std::string_view id);
/// 400 previous_response_not_found: an unknown, deleted or `store:false` previous_response_id.
api::ApiError previous_response_not_found(std::string_view id);
/// 400 unknown_parameter for a top-level field CreateResponse does not define.
api::ApiError unknown_parameter(std::string_view name);
/// 400 missing_required_parameter.
api::ApiError missing_parameter(const std::string& path);
/// 400 invalid_type: "Invalid type for 'p': expected E, but got G instead."
api::ApiError wrong_type(const std::string& path, std::string_view expected, std::string_view got);
/// 400 invalid_value: "Invalid value: 'v'. Supported values are: 'a' and 'b'."
api::ApiError invalid_value(const std::string& path, std::string_view value,
                            std::string_view supported);
/// 400 integer_below_min_value / integer_above_max_value.
api::ApiError integer_out_of_range(const std::string& path, std::int64_t got, std::int64_t bound,
                                   bool below);
/// 400 decimal_below_min_value / decimal_above_max_value.
api::ApiError decimal_out_of_range(const std::string& path, double got, double bound, bool below);
/// 400 for an `item_reference` whose id names no item stored in this session.
api::ApiError item_not_found(std::string_view id);
/// 400 for a function_call_output answering no function_call of the input or the chain.
api::ApiError orphan_function_call_output(std::string_view call_id);
/// 400 unsupported_parameter, for CreateResponse fields this version of chatmock cannot honour.
api::ApiError unsupported_parameter(const std::string& name, std::string_view why);

}  // namespace chatmock::responses
