// Instances synthesized from a schema validate against it, for every schema in the supported,
// satisfiable subset (json_schema_generator.h); near-miss instances do not; and the same seed
// gives the same instance. Schemas come from generators/schema_generators.h.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "generators/schema_generators.h"
#include "synthesis/json_schema_checker.h"
#include "synthesis/json_schema_generator.h"

namespace chatmock::synthesis {
namespace {

std::string describe(const std::vector<SchemaViolation>& violations) {
  std::string out;
  for (const auto& v : violations) out += v.path + " [" + v.keyword + "] " + v.message + "\n";
  return out;
}

void assert_valid(const nlohmann::json& schema, const nlohmann::json& instance) {
  const auto violations = check_instance(schema, instance);
  if (!violations.empty()) {
    RC_FAIL("instance " + instance.dump() + " breaks schema " + schema.dump() + ":\n" +
            describe(violations));
  }
}

RC_GTEST_PROP(JsonSchemaInstanceProperty, GeneratedInstanceValidates, (const std::uint64_t seed)) {
  const auto schema = *property::satisfiable_schema();
  Rng rng(seed);
  assert_valid(schema, generate_instance(schema, rng));
}

RC_GTEST_PROP(JsonSchemaInstanceProperty, GeneratedInstanceValidatesStrictSchemas,
              (const std::uint64_t seed)) {
  const auto schema = *property::strict_object_schema();
  Rng rng(seed);
  assert_valid(schema, generate_instance(schema, rng));
}

RC_GTEST_PROP(JsonSchemaInstanceProperty, ViolatingInstanceIsRejected, (const std::uint64_t seed)) {
  // Every object schema constrains at least the type, so a near miss must break something.
  const auto schema = *rc::gen::oneOf(property::object_schema(), property::strict_object_schema());
  Rng rng(seed);
  const auto instance = generate_violating_instance(schema, rng);
  RC_LOG() << "schema: " << schema.dump() << "\ninstance: " << instance.dump() << "\n";
  RC_ASSERT(!check_instance(schema, instance).empty());
}

RC_GTEST_PROP(JsonSchemaInstanceProperty, SameSeedGivesSameInstance, (const std::uint64_t seed)) {
  const auto schema = *property::satisfiable_schema();
  Rng first(seed);
  Rng second(seed);
  RC_ASSERT(generate_instance(schema, first) == generate_instance(schema, second));
}

}  // namespace
}  // namespace chatmock::synthesis
