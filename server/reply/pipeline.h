// The request half of POST /v1/chat/completions: admit (record-all, auth) → directives →
// scenario expression → body → validation → seed → sequence step → rate limit → selection
// (stub | recorder | strict miss | scenario composition) → rendering (reply/compose.h). The
// order matches the real API: a bad key fails before a bad body, a bad body before a rate limit.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "budget/work_budget.h"
#include "ratelimit/rate_limiter.h"
#include "reply/latency.h"
#include "scenarios/scenario_catalogue.h"
#include "scenarios/scenario_sequences.h"
#include "stubbing/near_miss_journal.h"
#include "stubbing/stub_registry.h"
#include "synthesis/random.h"
#include "validation/request_body.h"
#include "validation/request_validator.h"
#include "wire/http_request.h"
#include "wire/wire_reply.h"

namespace chatmock::reply {

struct ChaosSpec;  // reply/chaos.h

/// The server-wide settings the pipeline reads (from `chatmock serve` flags).
struct ReplySettings {
  bool no_auth = false;
  bool strict = false;  ///< unmatched requests get 404, not synthesis
  const validation::BodyLimits& body_limits;
  const validation::ValidationOptions& validation;
  Latency latency;                            ///< --latency
  budget::BudgetLimits budget;                ///< --work-budget-ms, --max-reply-bytes
  std::string default_scenario;               ///< for requests that select none
  std::optional<std::uint64_t> default_seed;  ///< for requests that carry none
  bool recording = false;                     ///< --record: unmatched requests are forwarded
  bool records_everything = false;            ///< --record-mode all
  const ChaosSpec* chaos = nullptr;           ///< --chaos (a request's X-Chatmock-Chaos wins)
};

/// The shared state the pipeline reads and moves (each member guards itself).
struct ReplyServices {
  ReplySettings settings;
  const scenarios::ScenarioCatalogue& catalogue;
  scenarios::ScenarioSequences& sequences;
  ratelimit::RateLimiter& rate_limiter;
  stubbing::StubRegistry& stubs;
  stubbing::NearMissJournal& near_misses;
  std::atomic<std::uint64_t>& unseeded_counter;
};

/// One request as the HTTP edge hands it over.
struct RequestEnvelope {
  const wire::HttpRequest& http;
  std::string_view path_scenario;  ///< the /scenarios/{name}/ prefix, or ""
  std::string api_key;             ///< the caller's key ("" when none), the rate-limit bucket
  std::string_view content_type;   ///< the body's Content-Type
  std::int64_t now_ms = 0;         ///< wall clock, for rate limits and near misses
};

struct Outcome {
  wire::WireReply reply;
  std::string scenario;  ///< what answered, for the journal and logs
  ratelimit::RateLimitDecision limits;
  bool forward = false;    ///< --record: the recorder answers (nothing here did)
  bool unmatched = false;  ///< no stub matched (the journal's GET /_chatmock/requests/unmatched)
  std::string chaos;       ///< the chaos fault that fired, or ""
};

/// The outcome of one chat completion request; `id_rng` is reseeded from the request's seed.
Outcome serve_chat_completion(ReplyServices& services, const RequestEnvelope& request,
                              synthesis::Rng& id_rng);

}  // namespace chatmock::reply
