// StubRegistry: the live set of stubs — thread-safe add / remove / reload, best-match selection
// (priority, then specificity, then newest) with reply sequences and scenario state per session,
// and near-miss ranking. Readers take an immutable snapshot, so a SIGHUP reload or an admin
// change never disturbs a request already being served.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenarios/scenario_sequences.h"
#include "stubbing/match_input.h"
#include "stubbing/near_miss.h"
#include "stubbing/scenario_states.h"
#include "stubbing/stub_mapping.h"

namespace chatmock::stubbing {

/// An immutable generation of stubs, in matching order.
struct StubSet {
  std::vector<StubMapping> stubs;
  bool uses_state = false;  ///< some stub reads or moves scenario state
  /// Some stub is the user's (a file or admin-API stub, not a shipped demo): only then is an
  /// unmatched request worth keeping as a near miss.
  bool has_own_stubs = false;
};

/// The stub chosen for a request and the reply it gives this time.
struct Selection {
  std::shared_ptr<const StubSet> set;  ///< keeps `stub` alive while the reply is built
  const StubMapping* stub = nullptr;
  const StubReply* reply = nullptr;
  std::size_t reply_index = 0;
};

class StubRegistry {
 public:
  /// `max_scenario_states`: (session, scenario) states kept before the least recent is forgotten.
  explicit StubRegistry(std::size_t max_scenario_states = 10000);

  /// Replaces every file-loaded stub with `stubs` (startup, SIGHUP); admin-API stubs stay, and
  /// win over a file stub with the same id.
  void replace_file_stubs(std::vector<StubMapping> stubs);
  /// Adds `stubs`, each replacing any stub with its id; stubs without an id get "stub-N".
  /// Returns the ids.
  std::vector<std::string> add(std::vector<StubMapping> stubs);
  /// As add, unless the stubs kept afterwards would number more than `max_stubs`: then nothing
  /// is added and the result is nullopt. Checked under the registry's lock, so concurrent
  /// POSTs cannot pass the bound together.
  std::optional<std::vector<std::string>> add_within(std::vector<StubMapping> stubs,
                                                     std::size_t max_stubs);
  /// Removes the stub called `id`; false when there is none.
  bool remove(std::string_view id);
  /// Removes every stub.
  void clear();
  /// Removes the stubs scoped to `session`; returns how many.
  std::size_t remove_session(std::string_view session);
  /// The current stubs, in matching order.
  std::shared_ptr<const StubSet> snapshot() const;
  /// The current set's has_own_stubs, without the snapshot's lock and reference count (read
  /// once per unmatched request).
  bool has_own_stubs() const { return has_own_stubs_.load(std::memory_order_relaxed); }

  /// The best stub for `input`, advancing its reply sequence and moving its scenario state;
  /// nullopt when no stub matches.
  std::optional<Selection> select(const MatchInput& input);
  /// Up to `limit` stubs that did not match `input`, closest first.
  std::vector<NearMiss> near_misses(const MatchInput& input, std::size_t limit) const;
  /// Reply sequences and scenario states back to their start.
  void reset_state();
  /// The same for `session` only.
  void reset_session_state(const std::string& session);
  /// Scenario states kept and forgotten, for GET /_chatmock/state.
  const ScenarioStates& scenario_states() const { return states_; }

 private:
  void publish(std::vector<StubMapping> stubs);  // caller holds mutex_

  mutable std::mutex mutex_;  ///< guards stubs_ and the counters
  std::shared_ptr<const StubSet> stubs_;
  std::atomic<bool> has_own_stubs_ = false;  ///< stubs_->has_own_stubs, written in publish
  std::uint64_t next_order_ = 1;
  std::uint64_t next_id_ = 1;
  std::mutex serving_mutex_;  ///< makes "match, then move state" atomic when state is in play
  ScenarioStates states_;
  scenarios::ScenarioSequences positions_;
};

}  // namespace chatmock::stubbing
