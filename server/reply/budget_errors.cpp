// 400s rather than 5xx: both SDKs retry 5xx, and the same request would only spend the same
// budget again. A cancelled request's error is never read (the client is gone) but is still
// a well-formed reply for the journal.
#include "reply/budget_errors.h"

namespace chatmock::reply {

api::ApiError reply_too_large(const budget::BudgetLimits& limits, std::size_t bytes,
                              std::optional<std::string> param) {
  return api::invalid_request(
      "The reply would exceed the reply budget of " + std::to_string(limits.reply_bytes) +
          " bytes (--max-reply-bytes)" +
          (bytes > limits.reply_bytes ? ": at least " + std::to_string(bytes) + " bytes" : "") +
          ". Ask for fewer choices, words or bytes, or raise --max-reply-bytes.",
      std::move(param), "reply_too_large");
}

api::ApiError budget_error(const budget::WorkBudget& budget, std::optional<std::string> param) {
  switch (budget.exhaustion()) {
    case budget::Exhaustion::reply_bytes:
      return reply_too_large(budget.limits(), budget.charged(), std::move(param));
    case budget::Exhaustion::cancelled:
      return {503, "The request was cancelled before its reply was ready.", "server_error",
              std::nullopt, "request_cancelled"};
    case budget::Exhaustion::deadline:
    case budget::Exhaustion::none:
      break;
  }
  return api::invalid_request("Building the reply took longer than the work budget of " +
                                  std::to_string(budget.limits().work.count()) +
                                  " ms (--work-budget-ms). Ask for a smaller reply, or raise "
                                  "--work-budget-ms.",
                              std::nullopt, "work_budget_exceeded");
}

}  // namespace chatmock::reply
