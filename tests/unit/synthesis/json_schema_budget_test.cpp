// Every schema that once hung or ballooned generation finishes fast with a valid value or a
// clean refusal (find_required_cycle), under the unlimited overloads (internal caps alone) and
// under a WorkBudget; a spent or cancelled budget stops generation at once.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>

#include "synthesis/json_schema_checker.h"
#include "synthesis/json_schema_cycles.h"
#include "synthesis/json_schema_generator.h"
#include "unit/synthesis/json_schema_findings.h"

namespace chatmock::synthesis {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

// Generous for ASan on a loaded two-core machine; a release build takes milliseconds.
constexpr auto kBound = std::chrono::seconds(5);

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

TEST(JsonSchemaBudget, EveryFindingIsAnsweredFast) {
  for (const auto& [name, schema] : findings::all()) {
    const auto start = Clock::now();
    Rng rng(11);
    const json valid = generate_instance(schema, rng);
    const json broken = generate_violating_instance(schema, rng);
    const bool refused = find_required_cycle(schema).has_value();
    const bool validates = check_instance(schema, valid).empty();
    const double took = seconds_since(start);
    RecordProperty(name + "_seconds", std::to_string(took));
    EXPECT_LT(took, std::chrono::duration<double>(kBound).count()) << name;
    // The ReDoS const fails its own pattern, and 1e12 items exceed every cap: no valid value.
    const bool satisfiable = name != "redos_pattern_41" && name != "nested_huge_minimums";
    EXPECT_TRUE(refused || validates || !satisfiable)
        << name << ": " << valid.dump().substr(0, 200);
    if (!satisfiable) {
      EXPECT_FALSE(check_instance(schema, broken).empty()) << name;
    }
    EXPECT_LT(valid.dump().size(), std::size_t{4} << 20) << name;
    EXPECT_LT(broken.dump().size(), std::size_t{4} << 20) << name;
  }
}

TEST(JsonSchemaBudget, OnlyTheRequiredCycleIsRefused) {
  for (const auto& [name, schema] : findings::all()) {
    EXPECT_EQ(find_required_cycle(schema).has_value(), name == "required_ref_cycle") << name;
  }
  EXPECT_EQ(find_required_cycle(findings::required_ref_cycle()).value_or(""),
            "# -> #/properties/x -> #");
}

TEST(JsonSchemaBudget, ReDoSPatternIsCheckedInLinearTime) {
  const auto start = Clock::now();
  for (const std::size_t length : {24U, 26U, 41U, 4000U}) {
    json schema = findings::redos_pattern(length);
    EXPECT_FALSE(check_instance(schema, schema["const"]).empty()) << length;
    const json failing = schema["const"];
    schema.erase("const");
    EXPECT_FALSE(check_instance(schema, failing).empty()) << length;
    EXPECT_TRUE(check_instance(schema, json(std::string(length, 'a'))).empty()) << length;
  }
  EXPECT_LT(seconds_since(start), 5.0);
}

TEST(JsonSchemaBudget, HugeMinimumsAllocateNothingLikeTheirSize) {
  Rng rng(3);
  for (int i = 0; i < 16; ++i) {  // as a request with n: 16 would
    const json value = generate_instance(findings::nested_huge_minimums(), rng);
    EXPECT_LE(value.dump().size(), std::size_t{2} << 20);
  }
  const json one_string = {{"type", "string"}, {"minLength", 1e12}};
  EXPECT_EQ(generate_instance(one_string, rng).get<std::string>().size(), 4096U);
  const json many_items = {{"type", "array"}, {"minItems", 1e12}};
  EXPECT_EQ(generate_instance(many_items, rng).size(), 256U);
}

TEST(JsonSchemaBudget, ReplyBytesLeftCapTheInstance) {
  budget::BudgetLimits limits;
  limits.reply_bytes = 100;
  budget::WorkBudget budget(limits);
  Rng rng(5);
  const json value = generate_instance({{"type", "string"}, {"minLength", 1000}}, rng, budget);
  EXPECT_LE(value.get<std::string>().size(), 100U);
}

TEST(JsonSchemaBudget, CancelledBudgetStopsAtOnce) {
  auto flag = std::make_shared<std::atomic<bool>>(true);
  budget::WorkBudget budget(budget::BudgetLimits{}, flag);
  Rng rng(9);
  const auto start = Clock::now();
  const json value = generate_instance(findings::combinator_chain(), rng, budget);
  const json broken = generate_violating_instance(findings::combinator_chain(), rng, budget);
  EXPECT_LT(seconds_since(start), 1.0);
  EXPECT_EQ(budget.exhaustion(), budget::Exhaustion::cancelled);
  (void)value;
  (void)broken;
}

TEST(JsonSchemaBudget, BudgetedOverloadsMatchTheUnlimitedOnesForOrdinarySchemas) {
  const json schema = json::parse(R"({"type":"object","properties":{"city":{"type":"string"},
      "days":{"type":"integer","minimum":1,"maximum":14}},"required":["city","days"]})");
  budget::WorkBudget budget(budget::BudgetLimits{});
  Rng a(42);
  Rng b(42);
  EXPECT_EQ(generate_instance(schema, a), generate_instance(schema, b, budget));
  EXPECT_EQ(generate_violating_instance(schema, a), generate_violating_instance(schema, b, budget));
}

TEST(JsonSchemaBudget, UniqueItemsAndEnumChecksAreNotQuadratic) {
  const auto start = Clock::now();
  const json unique = findings::unique_const(100'000);
  EXPECT_TRUE(check_instance(unique, unique["const"]).empty());
  json duplicated = unique["const"];
  duplicated.push_back(99'999);
  const auto violations = check_instance(unique, duplicated);
  ASSERT_FALSE(violations.empty());
  const json items_enum = {{"type", "array"}, {"items", findings::huge_enum(100'000)}};
  json values = json::array();
  for (int i = 0; i < 256; ++i) values.push_back("v" + std::to_string(i * 300));
  EXPECT_TRUE(check_instance(items_enum, values).empty());
  values.push_back("nope");
  EXPECT_FALSE(check_instance(items_enum, values).empty());
  EXPECT_LT(seconds_since(start), 5.0);
}

}  // namespace
}  // namespace chatmock::synthesis
