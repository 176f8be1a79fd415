// parse_request_body: content-type, size and depth guards, then a SAX parse that records where
// malformed JSON broke. Depth is checked by a flat byte scan before parsing so that a body of
// 200,000 '[' costs one pass and no recursion anywhere.
#include "validation/request_body.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "text/ascii.h"
#include "validation/rule_context.h"

namespace chatmock::validation {
namespace {

using nlohmann::json;

// The real API's answer to a body that is not JSON (observed verbatim in client bug reports).
constexpr std::string_view kNotJsonMessage =
    "We could not parse the JSON body of your request. (HINT: This likely means you aren't using "
    "your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not "
    "valid JSON. If you have trouble figuring out how to fix this, please contact us through our "
    "help center at help.openai.com.)";

constexpr std::size_t kMaxEchoedHeaderBytes = 100;
constexpr std::size_t kBytesPerMiB = std::size_t{1024} * 1024;

api::ApiError bad_request(std::string message) {
  return api::invalid_request(std::move(message), std::nullopt, std::nullopt);
}

// Header text is attacker-controlled: keep printable ASCII only, so the error body stays valid
// UTF-8.
std::string printable(std::string_view text) {
  std::string out;
  for (const char c : text.substr(0, kMaxEchoedHeaderBytes)) {
    out += c >= ' ' && c <= '~' ? c : '?';
  }
  return out;
}

// The media type without parameters ("application/json; charset=utf-8" → "application/json").
bool is_json_media_type(std::string_view content_type) {
  content_type = content_type.substr(0, content_type.find(';'));
  const auto first = content_type.find_first_not_of(" \t");
  if (first == std::string_view::npos) return true;  // no content type: read the body as JSON
  const auto last = content_type.find_last_not_of(" \t");
  content_type = content_type.substr(first, last - first + 1);
  return text::iequals(content_type, "application/json");
}

// "line 3, column 7 (byte 42)" for the 1-based byte `position` of `body`.
std::string describe_position(std::string_view body, std::size_t position) {
  const std::size_t end = std::min(position, body.size());
  std::size_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i + 1 < end; ++i) {
    if (body[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  const std::size_t column = end > line_start ? end - line_start : 1;
  return "line " + std::to_string(line) + ", column " + std::to_string(column) + " (byte " +
         std::to_string(position) + ")";
}

// The 1-based byte at which nesting first exceeds `max_depth`, or 0 when it never does.
std::size_t too_deep_at(std::string_view body, std::size_t max_depth) {
  std::size_t depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (std::size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return i + 1;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return 0;
}

// nlohmann's message minus its "[json.exception…] parse error at …: " prefix and the echoed
// token, which may hold invalid UTF-8: "syntax error while parsing value - invalid literal".
std::string describe_error(const std::string& what) {
  std::string detail = what;
  if (const auto tag = detail.find("] "); tag != std::string::npos) detail.erase(0, tag + 2);
  if (const auto colon = detail.find(": ");
      detail.starts_with("parse error") && colon != std::string::npos) {
    detail.erase(0, colon + 2);
  }
  if (const auto token = detail.find("; last read"); token != std::string::npos) {
    detail.erase(token);
  }
  return printable(detail);
}

// Builds the DOM like nlohmann's own SAX DOM parser, but keeps the error position instead of
// throwing. Nesting is bounded by the depth scan, so the stack stays small.
class DomBuilder final : public nlohmann::json_sax<json> {
 public:
  explicit DomBuilder(json& root) : root_(root) {}

  bool null() override { return add(nullptr); }
  bool boolean(bool value) override { return add(value); }
  bool number_integer(number_integer_t value) override { return add(value); }
  bool number_unsigned(number_unsigned_t value) override { return add(value); }
  bool number_float(number_float_t value, const string_t& /*text*/) override { return add(value); }
  bool string(string_t& value) override { return add(std::move(value)); }
  bool binary(binary_t& value) override { return add(json::binary(std::move(value))); }
  bool start_object(std::size_t /*elements*/) override { return open(json::object()); }
  bool key(string_t& name) override {
    member_ = &(*stack_.back())[std::move(name)];
    return true;
  }
  bool end_object() override { return close(); }
  bool start_array(std::size_t /*elements*/) override { return open(json::array()); }
  bool end_array() override { return close(); }
  bool parse_error(std::size_t position, const std::string& /*last_token*/,
                   const json::exception& error) override {
    error_position_ = position;
    error_detail_ = describe_error(error.what());
    return false;
  }

  [[nodiscard]] std::size_t error_position() const { return error_position_; }
  [[nodiscard]] const std::string& error_detail() const { return error_detail_; }

 private:
  template <class Value>
  json* place(Value&& value) {
    if (stack_.empty()) {
      root_ = json(std::forward<Value>(value));
      return &root_;
    }
    if (stack_.back()->is_array()) {
      stack_.back()->emplace_back(std::forward<Value>(value));
      return &stack_.back()->back();
    }
    *member_ = json(std::forward<Value>(value));
    return member_;
  }
  template <class Value>
  bool add(Value&& value) {
    place(std::forward<Value>(value));
    return true;
  }
  // Pointers into the parent stay valid: a parent grows only after its open child is closed.
  bool open(json container) {
    stack_.push_back(place(std::move(container)));
    return true;
  }
  bool close() {
    stack_.pop_back();
    return true;
  }

  json& root_;
  std::vector<json*> stack_;
  json* member_ = nullptr;
  std::size_t error_position_ = 0;
  std::string error_detail_;
};

}  // namespace

ParsedBody parse_request_body(std::string_view body, std::string_view content_type,
                              const BodyLimits& limits) {
  ParsedBody parsed;
  if (!is_json_media_type(content_type)) {
    parsed.error = bad_request("Invalid Content-Type header '" + printable(content_type) +
                               "'. The OpenAI API expects a JSON payload sent with "
                               "'Content-Type: application/json'.");
    return parsed;
  }
  if (body.size() > limits.max_bytes) {
    std::string limit = std::to_string(limits.max_bytes) + " bytes";
    if (limits.max_bytes >= kBytesPerMiB && limits.max_bytes % kBytesPerMiB == 0) {
      limit += " (" + std::to_string(limits.max_bytes / kBytesPerMiB) + " MiB)";
    }
    parsed.error = api::ApiError{413,
                                 "Request body too large: got " + std::to_string(body.size()) +
                                     " bytes, but the maximum is " + limit + ".",
                                 "invalid_request_error", std::nullopt, "request_too_large"};
    return parsed;
  }
  if (const std::size_t at = too_deep_at(body, limits.max_depth); at != 0) {
    parsed.error =
        bad_request(std::string(kNotJsonMessage) + " Nesting exceeds the maximum depth of " +
                    std::to_string(limits.max_depth) + " at " + describe_position(body, at) + ".");
    return parsed;
  }
  DomBuilder builder(parsed.json);
  if (!json::sax_parse(body.begin(), body.end(), &builder)) {
    parsed.json = nullptr;
    parsed.error = bad_request(std::string(kNotJsonMessage) + " Parse error at " +
                               describe_position(body, builder.error_position()) + ": " +
                               builder.error_detail() + ".");
    return parsed;
  }
  if (!parsed.json.is_object()) {
    parsed.error =
        api::invalid_request("Invalid type for request body: expected an object, but got " +
                                 std::string(detail::kind_name(parsed.json)) + " instead.",
                             std::nullopt, "invalid_type");
  }
  return parsed;
}

}  // namespace chatmock::validation
