// A stateful model test of RequestJournal: under any sequence of record, snapshot, count and
// reset, for any capacity (0 turns the journal off), the journal holds the last `capacity`
// recorded events, oldest first, unchanged. Plus: redaction hides every credential value.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>
#include <rapidcheck/state.h>

#include <deque>

#include "generators/text_generators.h"
#include "journal/request_journal.h"

namespace chatmock::journal {
namespace {

struct JournalModel {
  std::size_t capacity = 0;
  std::deque<ServeEvent> events;
};

/// The fields a test can tell events apart by.
nlohmann::json fingerprint(const ServeEvent& e) {
  return {e.id,       e.method, e.path,           e.body,
          e.scenario, e.status, e.received_at_ms, e.headers.to_vector()};
}

struct Record : rc::state::Command<JournalModel, RequestJournal> {
  ServeEvent event = [] {
    ServeEvent e;
    e.id = "req_" + *property::identifier(8);
    e.method = *rc::gen::element<std::string>("GET", "POST", "DELETE");
    e.path =
        *rc::gen::element<std::string>("/v1/chat/completions", "/v1/models", "/_chatmock/requests");
    e.body = *property::text(16);
    e.status = *rc::gen::element(200, 400, 429, 500);
    e.received_at_ms = *rc::gen::inRange<std::int64_t>(0, 1'000'000);
    const std::string scenario = *property::text(8);
    e.headers = {{"x-chatmock-scenario", scenario}};
    return e;
  }();

  void apply(JournalModel& model) const override {
    if (model.capacity == 0) return;
    if (model.events.size() == model.capacity) model.events.pop_front();
    model.events.push_back(event);
  }
  void run(const JournalModel&, RequestJournal& journal) const override { journal.record(event); }
  void show(std::ostream& os) const override {
    os << "record(" << fingerprint(event).dump() << ")";
  }
};

struct Snapshot : rc::state::Command<JournalModel, RequestJournal> {
  void run(const JournalModel& model, RequestJournal& journal) const override {
    const auto events = journal.snapshot();
    RC_ASSERT(events.size() == model.events.size());
    for (std::size_t i = 0; i < events.size(); ++i)
      RC_ASSERT(fingerprint(events[i]) == fingerprint(model.events[i]));
  }
  void show(std::ostream& os) const override { os << "snapshot()"; }
};

struct Count : rc::state::Command<JournalModel, RequestJournal> {
  void run(const JournalModel& model, RequestJournal& journal) const override {
    RC_ASSERT(journal.count() == model.events.size());
    RC_ASSERT(journal.count() <= journal.capacity());
  }
  void show(std::ostream& os) const override { os << "count()"; }
};

struct Reset : rc::state::Command<JournalModel, RequestJournal> {
  void apply(JournalModel& model) const override { model.events.clear(); }
  void run(const JournalModel&, RequestJournal& journal) const override { journal.reset(); }
  void show(std::ostream& os) const override { os << "reset()"; }
};

RC_GTEST_PROP(RequestJournalState, KeepsTheLastCapacityEventsInOrder, ()) {
  const auto capacity = *rc::gen::weightedOneOf<std::size_t>(
      {{1, rc::gen::just<std::size_t>(0)}, {4, rc::gen::inRange<std::size_t>(1, 6)}});
  RequestJournal journal(capacity);
  rc::state::check(
      JournalModel{capacity, {}}, journal,
      rc::state::gen::execOneOfWithArgs<Record, Record, Record, Snapshot, Count, Reset>());
}

RC_GTEST_PROP(RequestJournalProperty, RedactionHidesEveryCredential, ()) {
  const std::vector<std::string> secrets = {
      "authorization",       "api-key",       "x-api-key", "cookie", "proxy-authorization",
      "openai-organization", "openai-project"};
  std::vector<std::pair<std::string, std::string>> headers;
  for (std::size_t i = 0, n = *rc::gen::inRange<std::size_t>(0, 6); i < n; ++i) {
    std::string name =
        *rc::gen::oneOf(rc::gen::elementOf(secrets), rc::gen::just(std::string("x-trace-id")));
    // Header names are case-insensitive (RFC 9110 §5.1).
    for (auto& c : name) {
      if (*rc::gen::inRange(0, 3) == 0)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    headers.emplace_back(name, *rc::gen::oneOf(rc::gen::just(std::string("Bearer sk-")),
                                               rc::gen::just(std::string("sk-"))) +
                                   *property::identifier(20));
  }
  const auto redacted = redact_headers(headers);
  RC_ASSERT(redacted.size() == headers.size());
  for (std::size_t i = 0; i < headers.size(); ++i) {
    std::string lower = headers[i].first;
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool secret = std::find(secrets.begin(), secrets.end(), lower) != secrets.end();
    RC_ASSERT(redacted[i].first == headers[i].first);
    if (secret) {
      RC_ASSERT(redacted[i].second.find("sk-") == std::string::npos);
    } else {  // kept, unless the value is key-shaped (sk- and 20 key characters)
      RC_ASSERT(redacted[i].second == headers[i].second ||
                redacted[i].second.find("sk-") == std::string::npos);
    }
  }
}

}  // namespace
}  // namespace chatmock::journal
