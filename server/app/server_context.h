// ServerContext: the state one running server shares across its handler threads — config,
// journal, scenario sequences, rate-limit buckets, stubs and the recorder. Each member guards
// itself; the context only groups them so endpoints take one argument.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>

#include "app/config.h"
#include "app/request_defaults.h"
#include "journal/request_journal.h"
#include "ratelimit/rate_limiter.h"
#include "recording/recorder.h"
#include "responses/response_store.h"
#include "scenarios/scenario_catalogue.h"
#include "scenarios/scenario_sequences.h"
#include "stubbing/near_miss_journal.h"
#include "stubbing/stub_registry.h"

namespace chatmock::app {

struct ServerContext {
  explicit ServerContext(Config c)
      : config(std::move(c)),
        journal(config.journal_capacity, config.journal_bytes),
        sequences(config.max_sessions, config.max_session_bytes),
        rate_limiter(config.rate_limit),
        catalogue(scenarios::builtin_catalogue()),
        stubs(config.max_sessions),
        defaults(config.default_scenario, config.seed) {}

  const Config config;
  journal::RequestJournal journal;
  scenarios::ScenarioSequences sequences;
  ratelimit::RateLimiter rate_limiter;
  const scenarios::ScenarioCatalogue& catalogue;
  std::atomic<std::uint64_t> unseeded_counter{0};  ///< varies replies when no seed is given
  stubbing::StubRegistry stubs;                    ///< fixtures: loaded, POSTed, recorded
  stubbing::NearMissJournal near_misses;           ///< requests no stub matched
  std::unique_ptr<recording::Recorder> recorder;   ///< set by App::start under --record
  RequestDefaults defaults;  ///< scenario and seed for requests that give none
  responses::ResponseStore responses{
      config.max_stored_responses};  ///< POST /v1/responses, store:true
};

}  // namespace chatmock::app
