// Fuzz target: the JSON Schema engine as a request drives it — required-cycle refusal, then
// generation, violation and checking under one request-sized WorkBudget. Whatever the schema,
// it must finish within the budget (the smoke runs it with -timeout=2 -rss_limit_mb=512),
// never throw, and give values that serialize.
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <nlohmann/json.hpp>

#include "budget/work_budget.h"
#include "synthesis/json_schema_checker.h"
#include "synthesis/json_schema_cycles.h"
#include "synthesis/json_schema_generator.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using nlohmann::json;
  namespace synthesis = chatmock::synthesis;
  const json schema = json::parse(data, data + size, nullptr, false);
  if (schema.is_discarded()) return 0;
  (void)synthesis::find_required_cycle(schema);
  chatmock::budget::BudgetLimits limits;
  limits.work = std::chrono::milliseconds(400);
  chatmock::budget::WorkBudget budget(limits);
  synthesis::Rng rng(size);
  try {
    const json valid = synthesis::generate_instance(schema, rng, budget);
    (void)synthesis::check_instance(schema, valid, budget);
    const json broken = synthesis::generate_violating_instance(schema, rng, budget);
    (void)valid.dump();
    (void)broken.dump();
  } catch (const std::exception&) {
    std::abort();  // the engine promises never to throw, and to build valid UTF-8
  }
  return 0;
}
