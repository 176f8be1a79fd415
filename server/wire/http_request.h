// HttpRequest: the transport-neutral view of one request that every concept above http/ sees.
// http/ fills it from cpp-httplib; tests and the in-process fuzzer build it directly.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "budget/work_budget.h"

namespace chatmock::wire {

/// A request as received: method, path (no query), lower-cased headers, raw body.
struct HttpRequest {
  std::string method = "POST";
  std::string path;
  std::vector<std::pair<std::string, std::string>> headers;  ///< names lower-cased
  std::string body;
  std::string remote_addr;
  /// The query string's parameters, decoded, in order (the admin API's filters read them).
  std::vector<std::pair<std::string, std::string>> query;
  /// Raised by the HTTP layer when the client hangs up while its reply waits (ttft/itl delays,
  /// paced writes) and for every request when the server stops. Null outside a server (tests,
  /// the fuzzer): treat as never cancelled. Pass it to budget::WorkBudget.
  budget::CancelFlag cancelled;

  /// The first value of header `name` (case-insensitive), or "" when absent.
  std::string_view header(std::string_view name) const;
  bool has_header(std::string_view name) const;
  /// The first value of query parameter `name` (exact), or nullopt when absent.
  std::optional<std::string_view> query_value(std::string_view name) const;
};

/// `text` lower-cased (ASCII), for header names.
std::string lower_ascii(std::string_view text);

}  // namespace chatmock::wire
