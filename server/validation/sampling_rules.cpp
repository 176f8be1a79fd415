// Sampling and output-length rules: numeric ranges, logit_bias, logprobs/top_logprobs and stop.
// Types were already checked by the type table; these rules only look at well-typed values.
#include <array>
#include <cmath>
#include <optional>
#include <string_view>

#include "validation/rule_context.h"

namespace chatmock::validation::detail {
namespace {

struct Range {
  std::string_view name;
  double min;
  std::optional<double> max;
  bool integer;  ///< integer_* codes and wording instead of decimal_*
};

// Bounds from CreateChatCompletionRequest (spec:33105-33506), see docs/openai-behaviour.md §4.
constexpr std::array<Range, 8> kRanges = {{
    {"temperature", 0, 2, false},
    {"top_p", 0, 1, false},
    {"presence_penalty", -2, 2, false},
    {"frequency_penalty", -2, 2, false},
    {"n", 1, 128, true},
    {"top_logprobs", 0, 20, true},
    {"max_tokens", 1, std::nullopt, true},
    {"max_completion_tokens", 1, std::nullopt, true},
}};

constexpr double kLogitBiasLimit = 100;
constexpr std::size_t kMaxStopSequences = 4;

std::string format_bound(double bound) { return std::to_string(std::llround(bound)); }

// "Invalid 'n': integer below minimum value. Expected a value >= 1, but got 0 instead."
void check_range(const json& value, const Range& range, std::string id, const std::string& param,
                 std::string_view subject, RuleContext& ctx) {
  const double number = value.get<double>();
  const std::string kind = range.integer ? "integer" : "decimal";
  if (number < range.min) {
    ctx.report(std::move(id), param, kind + "_below_min_value",
               "Invalid " + std::string(subject) + ": " + kind +
                   " below minimum value. Expected a value >= " + format_bound(range.min) +
                   ", but got " + value.dump() + " instead.");
  } else if (range.max && number > *range.max) {
    ctx.report(std::move(id), param, kind + "_above_max_value",
               "Invalid " + std::string(subject) + ": " + kind +
                   " above maximum value. Expected a value <= " + format_bound(*range.max) +
                   ", but got " + value.dump() + " instead.");
  }
}

bool is_token_id(std::string_view key) {
  if (key.empty()) return false;
  for (const char c : key) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

void check_logit_bias(const json& bias, RuleContext& ctx) {
  const Range range{"logit_bias", -kLogitBiasLimit, kLogitBiasLimit, true};
  for (const auto& item : bias.items()) {
    const std::string& token = item.key();
    if (!is_token_id(token)) {
      ctx.report("validation.logit_bias_key_invalid", "logit_bias", "invalid_value",
                 "Invalid key in 'logit_bias': '" + quote(token) +
                     "'. Keys must be token IDs (integers written as strings).");
      continue;
    }
    if (!has_kind(item.value(), kNumber)) {
      ctx.wrong_type("logit_bias", kNumber, item.value());
      continue;
    }
    check_range(item.value(), range, "validation.logit_bias_range", "logit_bias",
                "'logit_bias' for token " + quote(token), ctx);
  }
}

void check_stop(const json& stop, RuleContext& ctx) {
  if (!stop.is_array()) return;
  if (stop.empty()) {
    ctx.empty_array("validation.stop_empty", "stop");
    return;
  }
  if (stop.size() > kMaxStopSequences) {
    ctx.array_too_long("validation.stop_too_many", "stop", kMaxStopSequences, stop.size());
  }
  for (std::size_t i = 0; i < stop.size(); ++i) ctx.expect(stop[i], kString, ctx.index("stop", i));
}

}  // namespace

void check_sampling(const json& body, RuleContext& ctx) {
  for (const Range& range : kRanges) {
    const json* value = member(body, range.name);
    if (!value || !has_kind(*value, range.integer ? kInteger : kNumber)) continue;
    const std::string name(range.name);
    check_range(*value, range, "validation.out_of_range", name, "'" + name + "'", ctx);
  }
  if (const json* bias = member(body, "logit_bias"); bias && bias->is_object()) {
    check_logit_bias(*bias, ctx);
  }
  // OpenAI API ref, top_logprobs: "logprobs must be set to true if this parameter is used."
  const json* top_logprobs = member(body, "top_logprobs");
  const json* logprobs = member(body, "logprobs");
  if (top_logprobs && !top_logprobs->is_null() &&
      !(logprobs && logprobs->is_boolean() && logprobs->get<bool>())) {
    ctx.report("validation.top_logprobs_requires_logprobs", "top_logprobs", std::nullopt,
               "Invalid value for 'top_logprobs': 'logprobs' must be set to true when "
               "'top_logprobs' is used.");
  }
  if (const json* stop = member(body, "stop")) check_stop(*stop, ctx);
}

}  // namespace chatmock::validation::detail
