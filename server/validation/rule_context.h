// RuleContext: what every validation rule shares while it walks one request: the options, the
// param-path style, and the list of violations with the API's message shapes ("Invalid type
// for …", "Missing required parameter: …"). Internal to validation/; not a public header.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/model_catalogue.h"
#include "validation/request_validator.h"
#include "validation/violation.h"

namespace chatmock::validation::detail {

using nlohmann::json;

/// JSON kinds a field may hold, combined as a bit mask.
enum Kind : unsigned {
  kString = 1U << 0U,   ///< a JSON string
  kNumber = 1U << 1U,   ///< any JSON number
  kInteger = 1U << 2U,  ///< an integer, or a float with an integral value (2.0)
  kBoolean = 1U << 3U,  ///< true or false
  kArray = 1U << 4U,    ///< a JSON array
  kObject = 1U << 5U,   ///< a JSON object
  kNull = 1U << 6U,     ///< null: accepted only where the spec marks the field nullable
};

/// True when `value` is one of the kinds in `kinds`.
bool has_kind(const json& value, unsigned kinds);
/// The API's name for the kind of `value` ("string", "integer", "object", …).
std::string_view kind_name(const json& value);
/// `value` shortened to at most 64 bytes on a UTF-8 boundary, for quoting in a message.
std::string quote(std::string_view value);
/// True when `name` matches ^[a-zA-Z0-9_-]+$ (length is checked separately).
bool is_identifier(std::string_view name);

/// The member `key` of `object`, or nullptr when `object` is not an object or lacks it.
const json* member(const json& object, std::string_view key);

/// Collects violations and builds param paths in the configured style.
class RuleContext {
 public:
  explicit RuleContext(const ValidationOptions& options) : options_(options) {}

  [[nodiscard]] const ValidationOptions& options() const { return options_; }
  /// `base` indexed by `i`: "messages[2]", or "messages.[2]" in the legacy style.
  [[nodiscard]] std::string index(std::string_view base, std::size_t i) const;

  /// Records a violation as given.
  void report(std::string id, std::optional<std::string> param, std::optional<std::string> code,
              std::string message, int status = 400);
  /// "Missing required parameter: '<path>'." (missing_required_parameter).
  void missing(std::string id, const std::string& path);
  /// "Invalid type for '<path>': expected <kinds>, but got <kind> instead." (invalid_type).
  void wrong_type(const std::string& path, unsigned expected, const json& got);
  /// Reports wrong_type unless `value` has one of `kinds`; returns whether it does.
  bool expect(const json& value, unsigned kinds, const std::string& path);
  /// "Invalid value: '<x>'. Supported values are: …" (invalid_value) unless `value` is allowed.
  bool expect_one_of(std::string id, const json& value,
                     std::initializer_list<std::string_view> allowed, const std::string& path);
  /// "Invalid '<path>': empty array. …" (empty_array).
  void empty_array(std::string id, const std::string& path);
  /// "Invalid '<path>': array too long. …" (array_above_max_length).
  void array_too_long(std::string id, const std::string& path, std::size_t max, std::size_t got);
  /// `object[key]` when present with one of `kinds`; otherwise reports it missing or mistyped.
  const json* require(const json& object, std::string_view key, unsigned kinds,
                      const std::string& parent, std::string id = "validation.missing_field");
  /// Checks `object[key]` against `kinds` when present; returns it only if present and well-typed.
  const json* optional_member(const json& object, std::string_view key, unsigned kinds,
                              const std::string& parent);
  /// Checks a tool or function name against ^[a-zA-Z0-9_-]{1,64}$ at `path`.
  void check_name(std::string id, const json& name, const std::string& path);

  /// The violations recorded so far, in order.
  std::vector<Violation> take() { return std::move(violations_); }

 private:
  const ValidationOptions& options_;
  std::vector<Violation> violations_;
};

// The rule groups, one per file; each appends to `ctx` in a fixed order.
void check_unknown_fields(const json& body, RuleContext& ctx);   // request_fields.cpp
void check_parameter_types(const json& body, RuleContext& ctx);  // request_fields.cpp
void check_options(const json& body, RuleContext& ctx);          // option_rules.cpp
void check_messages(const json& body, RuleContext& ctx);         // message_rules.cpp
/// image_url, input_audio and file parts (`kind`) at `path`.                  content_rules.cpp
void check_media_part(const json& part, const std::string& kind, const std::string& path,
                      RuleContext& ctx);
/// The model the request is served as; nullopt when `model` is unusable (missing, mistyped,
/// or unknown under --strict-models, which is reported as the API's 404). model_rules.cpp
std::optional<models::ModelSpec> check_model(const json& body, RuleContext& ctx);
/// What `model` takes: reasoning limits, images, audio, search, n, logprobs, token budget.
void check_model_support(const json& body, const models::ModelSpec& model, RuleContext& ctx);
void check_sampling(const json& body, RuleContext& ctx);         // sampling_rules.cpp
void check_tools(const json& body, RuleContext& ctx);            // tool_rules.cpp
void check_response_format(const json& body, RuleContext& ctx);  // response_format_rules.cpp
void check_string_lengths(const json& body, RuleContext& ctx);   // request_validator.cpp

}  // namespace chatmock::validation::detail
