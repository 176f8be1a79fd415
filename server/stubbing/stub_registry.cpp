// Order of preference (WireMock's): lowest priority number, then the most specific pattern,
// then the most recently added. Matching only takes a lock when some stub uses scenario state,
// because only then must "state allows it" and "move the state" happen as one step.
#include "stubbing/stub_registry.h"

#include <algorithm>
#include <limits>

namespace chatmock::stubbing {

namespace {
bool state_allows(const StubMapping& stub, const ScenarioStates& states, std::string_view session) {
  return !stub.required_state || states.state(session, stub.scenario_name) == *stub.required_state;
}
}  // namespace

StubRegistry::StubRegistry(std::size_t max_scenario_states)
    : stubs_(std::make_shared<const StubSet>()), states_(max_scenario_states) {}

void StubRegistry::publish(std::vector<StubMapping> stubs) {
  std::vector<std::pair<std::size_t, StubMapping>> ranked;
  ranked.reserve(stubs.size());
  for (auto& stub : stubs)
    ranked.emplace_back(stub.request.specificity() + (stub.required_state ? 1 : 0),
                        std::move(stub));
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    if (a.second.priority != b.second.priority) return a.second.priority < b.second.priority;
    if (a.first != b.first) return a.first > b.first;
    return a.second.order > b.second.order;
  });
  auto set = std::make_shared<StubSet>();
  for (auto& [specificity, stub] : ranked) {
    set->uses_state = set->uses_state || !stub.scenario_name.empty();
    set->has_own_stubs = set->has_own_stubs || !stub.demo;
    set->stubs.push_back(std::move(stub));
  }
  has_own_stubs_.store(set->has_own_stubs, std::memory_order_relaxed);
  stubs_ = std::move(set);
}

void StubRegistry::replace_file_stubs(std::vector<StubMapping> stubs) {
  const std::lock_guard lock(mutex_);
  std::vector<StubMapping> next;
  for (const auto& stub : stubs_->stubs) {
    if (!stub.from_file) next.push_back(stub);
  }
  for (auto& stub : stubs) {
    const bool shadowed = std::any_of(
        next.begin(), next.end(), [&](const auto& s) { return !s.from_file && s.id == stub.id; });
    if (shadowed) continue;
    stub.order = next_order_++;
    next.push_back(std::move(stub));
  }
  publish(std::move(next));
}

std::vector<std::string> StubRegistry::add(std::vector<StubMapping> stubs) {
  return *add_within(std::move(stubs), std::numeric_limits<std::size_t>::max());
}

std::optional<std::vector<std::string>> StubRegistry::add_within(std::vector<StubMapping> stubs,
                                                                 std::size_t max_stubs) {
  const std::lock_guard lock(mutex_);
  std::vector<StubMapping> next = stubs_->stubs;
  std::vector<std::string> ids;
  for (auto& stub : stubs) {
    if (stub.id.empty()) stub.id = "stub-" + std::to_string(next_id_++);
    if (stub.name.empty()) stub.name = stub.id;
    stub.order = next_order_++;
    std::erase_if(next, [&](const StubMapping& s) { return s.id == stub.id; });
    ids.push_back(stub.id);
    next.push_back(std::move(stub));
  }
  if (next.size() > max_stubs) return std::nullopt;
  publish(std::move(next));
  return ids;
}

std::size_t StubRegistry::remove_session(std::string_view session) {
  const std::lock_guard lock(mutex_);
  std::vector<StubMapping> next = stubs_->stubs;
  const auto removed = std::erase_if(
      next, [&](const StubMapping& s) { return !s.session.empty() && s.session == session; });
  if (removed > 0) publish(std::move(next));
  return removed;
}

bool StubRegistry::remove(std::string_view id) {
  const std::lock_guard lock(mutex_);
  std::vector<StubMapping> next = stubs_->stubs;
  if (std::erase_if(next, [&](const StubMapping& s) { return s.id == id; }) == 0) return false;
  publish(std::move(next));
  return true;
}

void StubRegistry::clear() {
  const std::lock_guard lock(mutex_);
  publish({});
}

std::shared_ptr<const StubSet> StubRegistry::snapshot() const {
  const std::lock_guard lock(mutex_);
  return stubs_;
}

std::optional<Selection> StubRegistry::select(const MatchInput& input) {
  auto set = snapshot();
  if (set->stubs.empty()) return std::nullopt;
  const std::string session(input.session());
  std::unique_lock serving(serving_mutex_, std::defer_lock);
  if (set->uses_state) serving.lock();
  const auto endpoint = input.api();
  for (const auto& stub : set->stubs) {
    if (!stub.session.empty() && stub.session != session) continue;
    if (stub.request.endpoint() != endpoint) continue;
    if (!state_allows(stub, states_, session) || !stub.request.matches(input)) continue;
    const std::size_t step = positions_.next_step(session, stub.id, stub.replies.size());
    if (stub.new_state) states_.set(session, stub.scenario_name, *stub.new_state);
    return Selection{set, &stub, &stub.replies[step], step};
  }
  return std::nullopt;
}

std::vector<NearMiss> StubRegistry::near_misses(const MatchInput& input, std::size_t limit) const {
  const auto set = snapshot();
  const std::string session(input.session());
  std::vector<NearMiss> misses;
  const auto endpoint = input.api();
  for (const auto& stub : set->stubs) {
    if (!stub.session.empty() && stub.session != session) continue;  // another test's stub
    if (stub.request.endpoint() != endpoint) continue;               // the other API's stub
    auto result = stub.request.match(input);
    if (stub.required_state) {
      const auto state = states_.state(session, stub.scenario_name);
      if (state != *stub.required_state) {
        result.differences.push_back({"scenario_state[" + stub.scenario_name + "]",
                                      "\"" + *stub.required_state + "\"", "\"" + state + "\""});
        result.distance = (result.distance * static_cast<double>(result.fields) + 1.0) /
                          static_cast<double>(result.fields + 1);
      }
    }
    if (result.is_exact_match()) continue;
    misses.push_back(
        {stub.id, stub.name, stub.source, result.distance, std::move(result.differences)});
  }
  std::stable_sort(misses.begin(), misses.end(),
                   [](const auto& a, const auto& b) { return a.distance < b.distance; });
  if (misses.size() > limit) misses.resize(limit);
  return misses;
}

void StubRegistry::reset_state() {
  states_.reset();
  positions_.reset();
}

void StubRegistry::reset_session_state(const std::string& session) {
  states_.reset_session(session);
  positions_.reset_session(session);
}

}  // namespace chatmock::stubbing
