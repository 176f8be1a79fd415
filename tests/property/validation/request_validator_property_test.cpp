// The validator accepts every valid request and, for each single-field mutation of one, reports
// the violation that field deserves first, with the right id, param and code, in both param-path
// styles. Limits are tightened so the size rules are reachable with small bodies.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "generators/arbitrary.h"
#include "generators/valid_request.h"
#include "request_mutations.h"
#include "validation/request_validator.h"

namespace chatmock::validation {
namespace {

using property::ExpectedViolation;
using property::Mutation;

constexpr property::MutationLimits kLimits{property::kValidMaxMessages, property::kValidMaxTools,
                                           property::kValidMaxStringBytes};

ValidationOptions tight_options(bool legacy) {
  ValidationOptions options;
  options.legacy_param_paths = legacy;
  options.max_messages = kLimits.max_messages;
  options.max_tools = kLimits.max_tools;
  options.max_string_bytes = kLimits.max_string_bytes;
  return options;
}

const std::vector<Mutation>& all_mutations() {
  static const std::vector<Mutation> mutations = [] {
    std::vector<Mutation> out = property::top_level_mutations(kLimits);
    for (auto& m : property::message_mutations(kLimits)) out.push_back(std::move(m));
    for (auto& m : property::tool_mutations(kLimits)) out.push_back(std::move(m));
    for (auto& m : property::fidelity_mutations()) out.push_back(std::move(m));
    return out;
  }();
  return mutations;
}

std::string describe(const std::vector<Violation>& violations) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& v : violations) {
    out.push_back({{"id", v.id},
                   {"param", v.param ? nlohmann::json(*v.param) : nlohmann::json()},
                   {"code", v.code ? nlohmann::json(*v.code) : nlohmann::json()}});
  }
  return out.dump();
}

RC_GTEST_PROP(RequestValidatorProperty, AcceptsEveryValidRequest, (const bool legacy)) {
  const nlohmann::json body = *property::valid_request();
  const auto tight = validate_request(body, tight_options(legacy));
  RC_LOG() << "body: " << body.dump() << "\n";
  RC_ASSERT(describe(tight) == "[]");
  RC_ASSERT(validate_request(body).empty());  // the server's default limits are looser still
}

RC_GTEST_PROP(RequestValidatorProperty, RejectsEachSingleFieldMutationWithItsParamAndCode,
              (const bool legacy)) {
  const nlohmann::json valid = *property::valid_request();
  const property::PathStyle style{legacy};
  for (const auto& mutation : all_mutations()) {
    if (!mutation.applies(valid)) continue;
    nlohmann::json body = valid;
    const ExpectedViolation expected = mutation.apply(body, style);
    const auto violations = validate_request(body, tight_options(legacy));
    const bool reported = !violations.empty() && violations.front().id == expected.id &&
                          violations.front().param == expected.param &&
                          violations.front().code == expected.code;
    if (!reported) {
      RC_FAIL("mutation " + mutation.name + " expects " + expected.id + " param=" +
              expected.param.value_or("null") + " code=" + expected.code.value_or("null") +
              "\nreported: " + describe(violations) + "\nbody: " + body.dump());
    }
  }
}

}  // namespace
}  // namespace chatmock::validation
