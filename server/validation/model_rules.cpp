// Rules that depend on the model: whether it exists (--strict-models), what it takes (from the
// catalogue in models/), and the completion budget it can serve. Messages are the API's where
// docs/openai-behaviour.md quotes them and the same style otherwise (docs/synthesis.md,
// Validation).
#include <string>

#include "validation/rule_context.h"

namespace chatmock::validation::detail {
namespace {

using models::ModelSpec;

bool is_true(const json* value) { return value && value->is_boolean() && value->get<bool>(); }

// A present, well-typed integer as a double: comparisons only, never cast back (no UB).
std::optional<double> integer_of(const json& body, std::string_view name) {
  const json* value = member(body, name);
  if (value == nullptr || !has_kind(*value, kInteger)) return std::nullopt;
  return value->get<double>();
}

void unsupported_parameter(const std::string& name, RuleContext& ctx) {
  ctx.report("validation." + name + "_unsupported", name, "unsupported_parameter",
             "Unsupported parameter: '" + name + "' is not supported with this model.");
}

void check_reasoning(const json& body, RuleContext& ctx) {
  if (const json* max_tokens = member(body, "max_tokens"); max_tokens && !max_tokens->is_null()) {
    ctx.report("validation.max_tokens_unsupported", "max_tokens", "unsupported_parameter",
               "Unsupported parameter: 'max_tokens' is not supported with this model. Use "
               "'max_completion_tokens' instead.");
  }
  const json* temperature = member(body, "temperature");
  if (temperature && temperature->is_number() && temperature->get<double>() != 1.0) {
    ctx.report("validation.temperature_unsupported", "temperature", "unsupported_value",
               "Unsupported value: 'temperature' does not support " + temperature->dump() +
                   " with this model. Only the default (1) value is supported.");
  }
}

// The first image part of any message, reported once: one is enough to refuse the request.
void check_images(const json& body, RuleContext& ctx) {
  const json* messages = member(body, "messages");
  if (messages == nullptr || !messages->is_array()) return;
  for (std::size_t i = 0; i < messages->size(); ++i) {
    const json* content = member((*messages)[i], "content");
    if (content == nullptr || !content->is_array()) continue;
    for (std::size_t j = 0; j < content->size(); ++j) {
      const json* type = member((*content)[j], "type");
      if (type == nullptr || *type != "image_url") continue;
      ctx.report("validation.images_unsupported",
                 ctx.index(ctx.index("messages", i) + ".content", j) + ".type", std::nullopt,
                 "Invalid content type. image_url is only supported by certain models.");
      return;
    }
  }
}

void check_audio_output(const json& body, const ModelSpec& model, RuleContext& ctx) {
  const json* modalities = member(body, "modalities");
  if (modalities == nullptr || !modalities->is_array()) return;
  bool wants_audio = false;
  for (const json& modality : *modalities) wants_audio = wants_audio || modality == "audio";
  if (!wants_audio) return;
  if (!model.audio) {
    ctx.report("validation.audio_unsupported", "modalities", "unsupported_value",
               "Unsupported value: 'modalities' does not support 'audio' with this model.");
    return;
  }
  const json* audio = member(body, "audio");
  if (audio == nullptr || audio->is_null()) {
    ctx.report("validation.audio_missing", "audio", "missing_required_parameter",
               "Missing required parameter: 'audio'. It is required when 'modalities' includes "
               "'audio'.");
  }
}

void check_prediction_combinations(const json& body, RuleContext& ctx) {
  const json* prediction = member(body, "prediction");
  if (prediction == nullptr || prediction->is_null()) return;
  const json* tools = member(body, "tools");
  if (tools != nullptr && tools->is_array() && !tools->empty()) {
    ctx.report("validation.prediction_with_tools", "prediction", "invalid_value",
               "Invalid value for 'prediction': predicted outputs are not supported with "
               "'tools'.");
  }
  if (const auto n = integer_of(body, "n"); n && *n > 1) {
    ctx.report("validation.prediction_with_n", "prediction", "invalid_value",
               "Invalid value for 'prediction': predicted outputs are not supported with 'n' "
               "greater than 1.");
  }
}

void check_n(const json& body, const ModelSpec& model, RuleContext& ctx) {
  constexpr double kSchemaMaxN = 128;  // above it the range rule has already spoken
  const auto n = integer_of(body, "n");
  if (!n || *n <= static_cast<double>(model.max_n) || *n > kSchemaMaxN) return;
  const std::string got = member(body, "n")->dump();
  if (model.max_n == 1) {
    ctx.report("validation.n_unsupported", "n", "unsupported_value",
               "Unsupported value: 'n' does not support " + got +
                   " with this model. Only the default (1) value is supported.");
  } else {
    ctx.report("validation.n_unsupported", "n", "integer_above_max_value",
               "Invalid 'n': integer above maximum value. Expected a value <= " +
                   std::to_string(model.max_n) + ", but got " + got + " instead.");
  }
}

// The output budget: each max-tokens field within the model's limit, and n × max tokens within
// what chatmock will synthesize for one request.
void check_budget(const json& body, const ModelSpec& model, RuleContext& ctx) {
  for (const char* name : {"max_tokens", "max_completion_tokens"}) {
    const auto requested = integer_of(body, name);
    if (!requested || !model.max_output_tokens ||
        *requested <= static_cast<double>(*model.max_output_tokens)) {
      continue;
    }
    const std::string got = member(body, name)->dump();
    ctx.report("validation.max_tokens_too_large", name, "invalid_value",
               std::string(name) + " is too large: " + got + ". This model supports at most " +
                   std::to_string(*model.max_output_tokens) +
                   " completion tokens, whereas you provided " + got + ".");
  }
  const char* budget_name = "max_completion_tokens";
  auto budget = integer_of(body, budget_name);
  if (!budget) {
    budget_name = "max_tokens";
    budget = integer_of(body, budget_name);
  }
  const auto n = integer_of(body, "n");
  const double cap = static_cast<double>(ctx.options().max_total_completion_tokens);
  if (!budget || !n || *n * *budget <= cap) return;
  ctx.report("validation.completion_budget_too_large", "n", "invalid_value",
             "Invalid 'n': n × " + std::string(budget_name) + " = " + member(body, "n")->dump() +
                 " × " + member(body, budget_name)->dump() + " is above chatmock's limit of " +
                 std::to_string(ctx.options().max_total_completion_tokens) +
                 " completion tokens per request (raise it with "
                 "--max-total-completion-tokens).");
}

}  // namespace

std::optional<ModelSpec> check_model(const json& body, RuleContext& ctx) {
  const json* model = member(body, "model");
  if (model == nullptr || !model->is_string()) return std::nullopt;
  const auto& id = model->get_ref<const std::string&>();
  const auto& catalogue = models::Catalogue::or_builtin(ctx.options().models.get());
  if (const ModelSpec* known = catalogue.resolve(id)) return *known;
  if (ctx.options().strict_models) {
    // The API's 404 (docs/openai-behaviour.md §3.1), backticks included.
    ctx.report("validation.model_not_found", std::nullopt, "model_not_found",
               "The model `" + quote(id) + "` does not exist or you do not have access to it.",
               404);
    return std::nullopt;
  }
  return models::Catalogue::generic(id);
}

void check_model_support(const json& body, const ModelSpec& model, RuleContext& ctx) {
  if (model.reasoning) check_reasoning(body, ctx);
  if (!model.logprobs && is_true(member(body, "logprobs"))) unsupported_parameter("logprobs", ctx);
  if (!model.images) check_images(body, ctx);
  check_audio_output(body, model, ctx);
  if (const json* search = member(body, "web_search_options"); search && !model.search) {
    unsupported_parameter("web_search_options", ctx);
  }
  check_prediction_combinations(body, ctx);
  check_n(body, model, ctx);
  check_budget(body, model, ctx);
}

}  // namespace chatmock::validation::detail
