// Config: everything `chatmock serve` can be told, as one value built by main.cpp from flags
// and consumed by App. Defaults here are the documented defaults.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "budget/work_budget.h"
#include "http/http_server.h"
#include "ratelimit/rate_limiter.h"
#include "recording/record_spec.h"
#include "reply/chaos.h"
#include "reply/latency.h"
#include "validation/request_body.h"
#include "validation/request_validator.h"

namespace chatmock::app {

enum class LogFormat {
  text,  ///< one human line per request on stderr
  json,  ///< one JSON object per request on stderr
  off,   ///< no request log
};

struct Config {
  http::HttpServerOptions http;
  std::string port_file;
  std::optional<std::uint64_t> seed;  ///< server-wide seed for requests that carry none
  bool no_auth = false;
  std::string admin_token;  ///< protects /_chatmock/* when set
  LogFormat log = LogFormat::text;
  bool log_color = false;                 ///< ANSI colours in text logs (stderr is a terminal)
  reply::Latency latency;                 ///< --latency, applied to every stream
  std::optional<reply::ChaosSpec> chaos;  ///< --chaos: seeded faults for every session
  ratelimit::RateLimitConfig rate_limit;  ///< --rate-limit
  std::vector<std::string> fixture_dirs;  ///< --fixtures; none → the shipped corpus
  bool strict = false;                    ///< unmatched requests get 404 instead of synthesis
  recording::RecordSpec record;           ///< --record DIR --upstream URL --record-mode
  std::size_t journal_capacity = 10000;
  std::size_t journal_body_bytes = 256 * 1024;  ///< request/response bytes kept per event
  // State bounds (docs/reliability.md, Limits): nothing a client sends grows memory unbounded.
  std::size_t journal_bytes = 256ULL * 1024 * 1024;     ///< --journal-bytes: the journal's total
  std::size_t max_sessions = 10000;                     ///< --max-sessions: sequence positions
  std::size_t max_session_bytes = 16ULL * 1024 * 1024;  ///< --max-session-bytes
  std::size_t max_stubs = 10000;                        ///< --max-stubs: stubs loaded or POSTed
  std::size_t max_stored_responses = 1000;  ///< --max-stored-responses: /v1/responses kept (LRU)
  std::vector<std::string> allowed_hosts;   ///< --allow-host: more Host names the admin API accepts
  validation::BodyLimits body_limits;
  validation::ValidationOptions validation;  ///< message, tool and string-length limits
  std::string default_scenario = "default";  ///< used when a request selects none
  budget::BudgetLimits budget;               ///< --work-budget-ms, --max-reply-bytes
};

}  // namespace chatmock::app
