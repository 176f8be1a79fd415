// A recency list plus an index under one mutex: sequences are short-lived test state, not a hot
// path at scale. The index keys are views into the list's strings (list nodes never move), so
// each key is held once; its cost is its bytes plus a fixed estimate for node and index entry.
#include "scenarios/scenario_sequences.h"

#include <algorithm>

namespace chatmock::scenarios {

namespace {
constexpr std::size_t kEntryOverhead = 96;  // list node, index entry, string header

std::string key_of(const std::string& session, const std::string& expression) {
  return std::to_string(session.size()) + ':' + session + expression;
}
}  // namespace

std::size_t ScenarioSequences::next_step(const std::string& session, const std::string& expression,
                                         std::size_t step_count) {
  if (step_count <= 1) return 0;
  const std::string key = key_of(session, expression);
  const std::size_t cost = key.size() + kEntryOverhead;
  const std::lock_guard lock(mutex_);
  auto found = index_.find(key);
  if (found == index_.end()) {
    if (max_count_ == 0 || cost > max_bytes_) return 0;  // cannot be remembered: always step 0
    while (!recency_.empty() && (recency_.size() >= max_count_ || bytes_ + cost > max_bytes_)) {
      bytes_ -= recency_.back().key.size() + kEntryOverhead;
      index_.erase(recency_.back().key);
      recency_.pop_back();
      ++evicted_;
    }
    recency_.push_front({key, 0});
    bytes_ += cost;
    found = index_.emplace(recency_.front().key, recency_.begin()).first;
  } else {
    recency_.splice(recency_.begin(), recency_, found->second);
  }
  std::size_t& position = found->second->position;
  const std::size_t step = std::min(position, step_count - 1);
  if (position < step_count) ++position;
  return step;
}

void ScenarioSequences::reset() {
  const std::lock_guard lock(mutex_);
  index_.clear();
  recency_.clear();
  bytes_ = 0;
  evicted_ = 0;
}

void ScenarioSequences::reset_session(const std::string& session) {
  const std::string prefix = key_of(session, "");
  const std::lock_guard lock(mutex_);
  for (auto it = recency_.begin(); it != recency_.end();) {
    if (it->key.starts_with(prefix)) {
      bytes_ -= it->key.size() + kEntryOverhead;
      index_.erase(it->key);
      it = recency_.erase(it);
    } else {
      ++it;
    }
  }
}

SequenceUsage ScenarioSequences::usage() const {
  const std::lock_guard lock(mutex_);
  return {recency_.size(), bytes_, max_count_, max_bytes_, evicted_};
}

}  // namespace chatmock::scenarios
