// SchemaWork: the one meter every schema walk of a top-level call (generate, violate, check)
// charges, so no schema — recursive, combinator-heavy or huge — costs more than a fixed number
// of steps, whatever budget the caller passes. It also carries the caller's WorkBudget (deadline,
// cancellation, reply bytes) and the output caps of the instance being built.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>

#include "budget/work_budget.h"

namespace chatmock::synthesis {

/// Units one top-level call may spend: a unit is about one schema or instance node visited,
/// copied or compared (~0.2-1 µs in a release build), so this keeps any schema well under a
/// second while leaving ordinary schemas (hundreds of nodes) a hundredfold room.
inline constexpr long kSchemaWorkUnits = 400'000;
/// Most string bytes one generated instance holds (before budget.remaining_bytes() lowers it).
inline constexpr std::size_t kMaxInstanceBytes = std::size_t{256} << 10U;

class SchemaWork {
 public:
  explicit SchemaWork(budget::WorkBudget& budget, long units = kSchemaWorkUnits)
      : budget_(budget), left_(units) {}

  /// Charges `units`; false (and sticky) once the units are gone or the budget is spent.
  bool spend(long units = 1) {
    if (exhausted_) return false;
    left_ -= units;
    if (left_ < 0 || budget_.spent()) exhausted_ = true;
    return !exhausted_;
  }
  /// Charges `weight` deep copies of `value` (its node count, counted only as far as the units
  /// reach).
  bool spend_copy(const nlohmann::json& value, long weight = 1);
  [[nodiscard]] bool exhausted() const { return exhausted_; }
  [[nodiscard]] long left() const { return left_; }
  budget::WorkBudget& budget() { return budget_; }

  /// String bytes the instance under construction may still take.
  std::size_t instance_bytes_left = kMaxInstanceBytes;
  /// Starts a new instance: its byte allowance is the cap, or what the reply has left if less.
  void start_instance() {
    const std::size_t reply_left = budget_.remaining_bytes();
    instance_bytes_left = reply_left < kMaxInstanceBytes ? reply_left : kMaxInstanceBytes;
  }

 private:
  budget::WorkBudget& budget_;
  long left_;
  bool exhausted_ = false;
};

/// Nodes in `value` (itself included), counting no further than `limit`.
std::size_t node_count(const nlohmann::json& value, std::size_t limit);

}  // namespace chatmock::synthesis
