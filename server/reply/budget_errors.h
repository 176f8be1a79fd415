// The errors a spent WorkBudget answers with, each naming the limit and the flag that raises it,
// and the cheap checks generators use to stop before building what the budget cannot hold.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "api/api_error.h"
#include "budget/work_budget.h"

namespace chatmock::reply {

/// 400 reply_too_large: a reply of `bytes` (or more) would pass --max-reply-bytes; `param`
/// names the request field or header that made it that large.
api::ApiError reply_too_large(const budget::BudgetLimits& limits, std::size_t bytes,
                              std::optional<std::string> param);
/// The error for `budget`'s exhaustion (deadline, reply bytes or cancellation).
api::ApiError budget_error(const budget::WorkBudget& budget, std::optional<std::string> param);

}  // namespace chatmock::reply
