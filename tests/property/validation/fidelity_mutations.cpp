// Mutations for the fidelity rules: top-level fields the official request schema does not
// define, and limits that come from the model catalogue (server/models) or the schema's
// descriptions (metadata). Written from docs/synthesis.md, Validation.
#include <rapidcheck.h>

#include "request_mutations.h"

namespace chatmock::property {

namespace {

bool always(const json&) { return true; }

// Top-level names the official request schema does not define.
const std::vector<std::string> kUnknownFields = {"x_chatmock_note", "temprature",     "max_token",
                                                 "response",        "functions_call", "context"};

}  // namespace

std::vector<Mutation> fidelity_mutations() {
  std::vector<Mutation> out;

  out.push_back({"unknown_field", always, [](json& body, const PathStyle&) -> ExpectedViolation {
                   body[*rc::gen::elementOf(kUnknownFields)] =
                       *rc::gen::element(json(1), json("x"));
                   return {"validation.unrecognized_argument", std::nullopt, std::nullopt};
                 }});
  out.push_back(
      {"max_completion_tokens_too_large", always,
       [](json& body, const PathStyle&) -> ExpectedViolation {
         body["model"] = "gpt-4.1-mini";  // 32768 output tokens; takes whatever else is valid
         body.erase("max_tokens");
         body.erase("web_search_options");
         body["max_completion_tokens"] = *rc::gen::inRange<std::int64_t>(32769, 1000000);
         body.erase("n");
         return {"validation.max_tokens_too_large", "max_completion_tokens", "invalid_value"};
       }});
  out.push_back(
      {"metadata_too_many_pairs", always, [](json& body, const PathStyle&) -> ExpectedViolation {
         json metadata = json::object();
         const auto pairs = *rc::gen::inRange(17, 40);
         for (int i = 0; i < pairs; ++i) metadata["k" + std::to_string(i)] = "v";
         body["metadata"] = metadata;
         return {"validation.metadata_too_many_pairs", "metadata", "object_above_max_properties"};
       }});
  return out;
}

}  // namespace chatmock::property
