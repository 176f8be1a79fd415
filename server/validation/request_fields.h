// The top-level fields of a Chat Completions request, as the official CreateChatCompletionRequest
// schema defines them, with the JSON kinds each may hold. A field not listed is refused with the
// API's "Unrecognized request argument supplied" unless --lenient-params.
#pragma once

#include <span>
#include <string_view>

namespace chatmock::validation {

struct RequestField {
  std::string_view name;
  /// detail::Kind bits (rule_context.h) the field may hold.
  unsigned kinds;
  /// True when a rule of its own words the wrong-type error (response_format's legacy message)
  /// instead of the generic "Invalid type for …".
  bool own_type_rule = false;
};

/// Every top-level field the schema defines, in schema order.
std::span<const RequestField> request_fields();

}  // namespace chatmock::validation
