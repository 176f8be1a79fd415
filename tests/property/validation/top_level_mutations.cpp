// Mutations of top-level parameters: presence, JSON types (the spec's type per field), numeric
// ranges, enums, cross-field requirements, response_format, reasoning-model limits and sizes.
#include <rapidcheck.h>

#include "generators/text_generators.h"
#include "request_mutations.h"

namespace chatmock::property {

namespace {

const ExpectedViolation kTopInvalidType{"validation.invalid_type", {}, "invalid_type"};

ExpectedViolation top_at(ExpectedViolation v, std::string param) {
  v.param = std::move(param);
  return v;
}

bool always_applies(const json&) { return true; }

bool is_true(const json& body, const char* key) { return body.contains(key) && body[key] == true; }

// CreateChatCompletionRequest types, nullable where the spec says so.
const std::vector<std::pair<std::string, std::vector<std::string>>> kFieldKinds = {
    {"model", {"string"}},
    {"messages", {"array"}},
    {"temperature", {"number", "null"}},
    {"top_p", {"number", "null"}},
    {"n", {"integer", "null"}},
    {"presence_penalty", {"number", "null"}},
    {"frequency_penalty", {"number", "null"}},
    {"logit_bias", {"object", "null"}},
    {"logprobs", {"boolean", "null"}},
    {"top_logprobs", {"integer", "null"}},
    {"max_tokens", {"integer", "null"}},
    {"max_completion_tokens", {"integer", "null"}},
    {"stop", {"string", "array", "null"}},
    {"stream", {"boolean", "null"}},
    {"stream_options", {"object", "null"}},
    {"tools", {"array"}},
    {"tool_choice", {"string", "object"}},
    {"parallel_tool_calls", {"boolean"}},
    {"functions", {"array"}},
    {"function_call", {"string", "object"}},
    {"seed", {"integer", "null"}},
    {"service_tier", {"string", "null"}},
    {"user", {"string"}},
    {"metadata", {"object", "null"}},
    {"store", {"boolean", "null"}},
    {"modalities", {"array", "null"}},
    {"audio", {"object", "null"}},
    {"prediction", {"object", "null"}},
    {"reasoning_effort", {"string", "null"}},
    {"verbosity", {"string", "null"}},
    {"safety_identifier", {"string", "null"}},
    {"prompt_cache_key", {"string", "null"}},
    {"prompt_cache_retention", {"string", "null"}},
    {"prompt_cache_options", {"object"}},
    {"moderation", {"object", "null"}},
    {"web_search_options", {"object"}},
};

struct Range {
  std::string name;
  double min;
  std::optional<double> max;
  bool integer;
};
const std::vector<Range> kRanges = {
    {"temperature", 0, 2, false},
    {"top_p", 0, 1, false},
    {"presence_penalty", -2, 2, false},
    {"frequency_penalty", -2, 2, false},
    {"n", 1, 128, true},
    {"top_logprobs", 0, 20, true},
    {"max_tokens", 1, std::nullopt, true},
    {"max_completion_tokens", 1, std::nullopt, true},
};

json out_of_range(const Range& r, bool above) {
  if (r.integer) {
    const auto step = *rc::gen::inRange<std::int64_t>(1, 1000);
    return above ? json(static_cast<std::int64_t>(*r.max) + step)
                 : json(static_cast<std::int64_t>(r.min) - step);
  }
  const double step = *double_in(0.01, 50);
  return above ? json(*r.max + step) : json(r.min - step);
}

void add_type_mutations(std::vector<Mutation>& out) {
  for (const auto& [name, kinds] : kFieldKinds) {
    out.push_back({"wrong_type:" + name, always_applies,
                   [name = name, kinds = kinds](json& body, const PathStyle&) {
                     body[name] = wrong_kind(kinds);
                     return top_at(kTopInvalidType, name);
                   }});
  }
}

void add_range_mutations(std::vector<Mutation>& out) {
  for (const auto& range : kRanges) {
    for (const bool above : {false, true}) {
      if (above && !range.max) continue;
      out.push_back({"out_of_range:" + range.name + (above ? ":above" : ":below"), always_applies,
                     [range, above](json& body, const PathStyle&) -> ExpectedViolation {
                       body[range.name] = out_of_range(range, above);
                       const std::string kind = range.integer ? "integer" : "decimal";
                       return {"validation.out_of_range", range.name,
                               kind + (above ? "_above_max_value" : "_below_min_value")};
                     }});
    }
  }
}

json& logit_bias(json& body) {
  if (!body.contains("logit_bias") || !body["logit_bias"].is_object())
    body["logit_bias"] = json::object();
  return body["logit_bias"];
}

void add_option_mutations(std::vector<Mutation>& out, const MutationLimits& limits) {
  out.push_back(
      {"model_missing", always_applies, [](json& body, const PathStyle&) -> ExpectedViolation {
         body.erase("model");
         return {"validation.model_missing", "model", "missing_required_parameter"};
       }});
  out.push_back(
      {"messages_missing", always_applies, [](json& body, const PathStyle&) -> ExpectedViolation {
         body.erase("messages");
         return {"validation.messages_missing", "messages", "missing_required_parameter"};
       }});
  out.push_back(
      {"logit_bias_key_invalid", always_applies,
       [](json& body, const PathStyle&) -> ExpectedViolation {
         logit_bias(body)[*rc::gen::element<std::string>("abc", "12a", "", "-5", "1.5", " 7")] = 1;
         return {"validation.logit_bias_key_invalid", "logit_bias", "invalid_value"};
       }});
  out.push_back({"logit_bias_out_of_range", always_applies,
                 [](json& body, const PathStyle&) -> ExpectedViolation {
                   const bool above = *rc::gen::arbitrary<bool>();
                   const auto step = *rc::gen::inRange(1, 1000);
                   logit_bias(body)["50256"] = above ? 100 + step : -100 - step;
                   return {"validation.logit_bias_range", "logit_bias",
                           above ? "integer_above_max_value" : "integer_below_min_value"};
                 }});
  out.push_back({"logit_bias_value_wrong_type", always_applies, [](json& body, const PathStyle&) {
                   logit_bias(body)["42"] = wrong_kind({"number"});
                   return top_at(kTopInvalidType, "logit_bias");
                 }});
  out.push_back(
      {"top_logprobs_without_logprobs", always_applies,
       [](json& body, const PathStyle&) -> ExpectedViolation {
         // OpenAI API ref, top_logprobs: "logprobs must be set to true if this parameter is used."
         if (is_true(body, "logprobs") && body.contains("top_logprobs") &&
             !body["top_logprobs"].is_null()) {
           body.erase("logprobs");
         } else {
           body.erase("logprobs");
           body["top_logprobs"] = *rc::gen::inRange(0, 21);
         }
         return {"validation.top_logprobs_requires_logprobs", "top_logprobs", std::nullopt};
       }});
  out.push_back(
      {"stop_empty", always_applies, [](json& body, const PathStyle&) -> ExpectedViolation {
         body["stop"] = json::array();
         return {"validation.stop_empty", "stop", "empty_array"};
       }});
  out.push_back(
      {"stop_too_many", always_applies, [](json& body, const PathStyle&) -> ExpectedViolation {
         body["stop"] = *small_vector(text(4), 9, 5);
         return {"validation.stop_too_many", "stop", "array_above_max_length"};
       }});
  out.push_back({"stop_element_wrong_type", always_applies, [](json& body, const PathStyle& style) {
                   json stop = *small_vector(text(4), 3, 0);
                   const auto i = *rc::gen::inRange<std::size_t>(0, stop.size() + 1);
                   stop.insert(stop.begin() + static_cast<std::ptrdiff_t>(i),
                               wrong_kind({"string"}));
                   body["stop"] = stop;
                   return top_at(kTopInvalidType, style.index("stop", i));
                 }});
  out.push_back({"service_tier_invalid", always_applies,
                 [](json& body, const PathStyle&) -> ExpectedViolation {
                   body["service_tier"] =
                       *rc::gen::element<std::string>("turbo", "", "Default", "auto ");
                   return {"validation.service_tier_invalid", "service_tier", "invalid_value"};
                 }});
  out.push_back(
      {"verbosity_invalid", always_applies, [](json& body, const PathStyle&) -> ExpectedViolation {
         body["verbosity"] = *rc::gen::element<std::string>("loud", "", "LOW");
         return {"validation.invalid_enum_value", "verbosity", "invalid_value"};
       }});
  out.push_back(
      {"modalities_element_invalid", always_applies,
       [](json& body, const PathStyle& style) -> ExpectedViolation {
         const bool wrong_type = *rc::gen::arbitrary<bool>();
         body["modalities"] = json::array({"text"});
         body["modalities"].push_back(wrong_type ? wrong_kind({"string"}) : json("image"));
         if (wrong_type) return top_at(kTopInvalidType, style.index("modalities", 1));
         return {"validation.invalid_enum_value", style.index("modalities", 1), "invalid_value"};
       }});
  out.push_back({"metadata_value_wrong_type", always_applies, [](json& body, const PathStyle&) {
                   if (!body.contains("metadata") || !body["metadata"].is_object())
                     body["metadata"] = json::object();
                   const std::string key = *identifier(8);
                   body["metadata"][key] = wrong_kind({"string"});
                   return top_at(kTopInvalidType, "metadata." + key);
                 }});
  out.push_back(
      {"safety_identifier_too_long", always_applies,
       [](json& body, const PathStyle&) -> ExpectedViolation {
         body["safety_identifier"] =
             std::string(static_cast<std::size_t>(*rc::gen::inRange(65, 200)), 'u');
         return {"validation.string_too_long", "safety_identifier", "string_above_max_length"};
       }});
  out.push_back(
      {"stream_options_flag_wrong_type", always_applies, [](json& body, const PathStyle&) {
         const std::string flag =
             *rc::gen::element<std::string>("include_usage", "include_obfuscation");
         body["stream"] = true;
         if (!body.contains("stream_options") || !body["stream_options"].is_object()) {
           body["stream_options"] = json::object();
         }
         body["stream_options"][flag] = wrong_kind({"boolean", "null"});
         return top_at(kTopInvalidType, "stream_options." + flag);
       }});
  // OpenAI API ref, stream_options: "Only set this when you set stream: true." Either field can
  // break it alone: stream_options added to a non-streaming request, or stream turned off.
  const auto streaming_with_options = [](const json& body) {
    return is_true(body, "stream") && body.contains("stream_options") &&
           body["stream_options"].is_object();
  };
  const auto can_break_stream_options = [streaming_with_options](const json& body) {
    return !is_true(body, "stream") || streaming_with_options(body);
  };
  out.push_back(
      {"stream_options_without_stream", can_break_stream_options,
       [streaming_with_options](json& body, const PathStyle&) -> ExpectedViolation {
         if (streaming_with_options(body)) {
           body["stream"] = *rc::gen::element(json(false), json(nullptr));
         } else {
           body["stream_options"] = json{{"include_usage", true}};
         }
         return {"validation.stream_options_requires_stream", "stream_options", "invalid_value"};
       }});
  out.push_back({"string_too_long", always_applies,
                 [limits](json& body, const PathStyle&) -> ExpectedViolation {
                   const auto length =
                       limits.max_string_bytes + *rc::gen::inRange<std::size_t>(1, 100);
                   body["user"] = std::string(length, 'n');  // a known field no other rule bounds
                   return {"validation.string_too_long", "user", "string_above_max_length"};
                 }});
}

bool has_format(const json& body, const char* type) {
  return body.contains("response_format") && body["response_format"].value("type", "") == type;
}

void add_response_format_mutations(std::vector<Mutation>& out) {
  out.push_back(
      {"response_format_not_object", always_applies,
       [](json& body, const PathStyle&) -> ExpectedViolation {
         body["response_format"] =
             *rc::gen::element(json("json_object"), json(5), json(nullptr), json::array());
         return {"validation.response_format_not_object", "response_format", std::nullopt};
       }});
  out.push_back(
      {"response_format_type_invalid", always_applies,
       [](json& body, const PathStyle&) -> ExpectedViolation {
         body["response_format"] = {{"type", *rc::gen::element<std::string>("json", "xml", "")}};
         return {"validation.response_format_type_invalid", "response_format.type",
                 "invalid_value"};
       }});
  out.push_back(
      {"response_format_type_missing", always_applies,
       [](json& body, const PathStyle&) -> ExpectedViolation {
         body["response_format"] = json::object();
         return {"validation.missing_field", "response_format.type", "missing_required_parameter"};
       }});
  out.push_back({"json_schema_missing", always_applies,
                 [](json& body, const PathStyle&) -> ExpectedViolation {
                   body["response_format"] = {{"type", "json_schema"}};
                   return {"validation.missing_field", "response_format.json_schema",
                           "missing_required_parameter"};
                 }});
  const auto with_schema = [](const json& body) { return has_format(body, "json_schema"); };
  out.push_back({"json_schema_name_missing", with_schema,
                 [](json& body, const PathStyle&) -> ExpectedViolation {
                   body["response_format"]["json_schema"].erase("name");
                   return {"validation.missing_field", "response_format.json_schema.name",
                           "missing_required_parameter"};
                 }});
  out.push_back({"json_schema_name_invalid", with_schema,
                 [](json& body, const PathStyle&) -> ExpectedViolation {
                   body["response_format"]["json_schema"]["name"] =
                       *rc::gen::element<std::string>("my schema", "a.b", "é");
                   return {"validation.json_schema_name_invalid",
                           "response_format.json_schema.name", "invalid_value"};
                 }});
  out.push_back({"json_schema_schema_wrong_type", with_schema, [](json& body, const PathStyle&) {
                   body["response_format"]["json_schema"]["schema"] = wrong_kind({"object"});
                   return top_at(kTopInvalidType, "response_format.json_schema.schema");
                 }});
  const auto no_json_word = [](const json& body) {
    for (const auto& message : body["messages"]) {
      std::string text = message.contains("content") ? message["content"].dump() : "";
      for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (text.find("json") != std::string::npos) return false;
    }
    return true;
  };
  out.push_back({"json_object_without_json_word", no_json_word,
                 [](json& body, const PathStyle&) -> ExpectedViolation {
                   body["response_format"] = {{"type", "json_object"}};
                   return {"validation.json_mode_missing_word", "messages", std::nullopt};
                 }});
}

void add_reasoning_mutations(std::vector<Mutation>& out) {
  const auto reasoning = [](const json& body) {
    std::string model = body["model"];
    if (model.starts_with("ft:")) model = model.substr(3);
    return (model.size() >= 2 && model[0] == 'o' &&
            std::isdigit(static_cast<unsigned char>(model[1])) != 0) ||
           model.starts_with("gpt-5");
  };
  out.push_back(
      {"reasoning_model_max_tokens", reasoning,
       [](json& body, const PathStyle&) -> ExpectedViolation {
         body["max_tokens"] = *rc::gen::inRange(1, 5000);
         return {"validation.max_tokens_unsupported", "max_tokens", "unsupported_parameter"};
       }});
  out.push_back(
      {"reasoning_model_temperature", reasoning,
       [](json& body, const PathStyle&) -> ExpectedViolation {
         body["temperature"] =
             *rc::gen::suchThat(double_in(0, 2), [](double t) { return t != 1.0; });
         return {"validation.temperature_unsupported", "temperature", "unsupported_value"};
       }});
}

}  // namespace

std::vector<Mutation> top_level_mutations(const MutationLimits& limits) {
  std::vector<Mutation> out;
  add_type_mutations(out);
  add_range_mutations(out);
  add_option_mutations(out, limits);
  add_response_format_mutations(out);
  add_reasoning_mutations(out);
  return out;
}

}  // namespace chatmock::property
