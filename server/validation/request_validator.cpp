// validate_request: runs the rule groups in a fixed order (unknown fields, required fields,
// types, model existence, messages, sampling ranges, options, tools, response_format,
// model-specific, sizes) so the first violation is stable.
#include "validation/request_validator.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "validation/rule_context.h"

namespace chatmock::validation {
namespace {

using detail::json;
using detail::RuleContext;

void check_required(const json& body, RuleContext& ctx) {
  if (detail::member(body, "model") == nullptr) ctx.missing("validation.model_missing", "model");
  if (detail::member(body, "messages") == nullptr) {
    ctx.missing("validation.messages_missing", "messages");
  }
}

}  // namespace

namespace detail {

void check_string_lengths(const json& body, RuleContext& ctx) {
  // An explicit stack, not recursion: the validator must survive any DOM a caller builds.
  std::vector<std::pair<const json*, std::string>> pending = {{&body, std::string()}};
  const std::size_t limit = ctx.options().max_string_bytes;
  while (!pending.empty()) {
    const json* node = pending.back().first;
    const std::string path = std::move(pending.back().second);
    pending.pop_back();
    // Paths are built only for containers and offenders; most strings are short.
    const auto visit = [&](const json& child, const auto& make_path) {
      if (child.is_structured()) {
        pending.emplace_back(&child, make_path());
      } else if (child.is_string() && child.get_ref<const std::string&>().size() > limit) {
        const std::string child_path = make_path();
        ctx.report("validation.string_too_long", child_path, "string_above_max_length",
                   "Invalid '" + child_path +
                       "': string too long. Expected a string with maximum length " +
                       std::to_string(limit) + ", but got a string with length " +
                       std::to_string(child.get_ref<const std::string&>().size()) + " instead.");
      }
    };
    if (node->is_object()) {
      for (const auto& item : node->items()) {
        const std::string& key = item.key();
        visit(item.value(), [&] { return path.empty() ? quote(key) : path + "." + quote(key); });
      }
    } else {
      for (std::size_t i = 0; i < node->size(); ++i) {
        visit((*node)[i], [&] { return ctx.index(path, i); });
      }
    }
  }
}

}  // namespace detail

std::vector<Violation> validate_request(const json& body, const ValidationOptions& options) {
  RuleContext ctx(options);
  if (!body.is_object()) {
    ctx.report("validation.body_not_object", std::nullopt, "invalid_type",
               "Invalid type for request body: expected an object, but got " +
                   std::string(detail::kind_name(body)) + " instead.");
    return ctx.take();
  }
  detail::check_unknown_fields(body, ctx);
  check_required(body, ctx);
  detail::check_parameter_types(body, ctx);
  const auto model = detail::check_model(body, ctx);
  detail::check_messages(body, ctx);
  detail::check_sampling(body, ctx);
  detail::check_options(body, ctx);
  detail::check_tools(body, ctx);
  detail::check_response_format(body, ctx);
  if (model) detail::check_model_support(body, *model, ctx);
  detail::check_string_lengths(body, ctx);
  return ctx.take();
}

}  // namespace chatmock::validation
