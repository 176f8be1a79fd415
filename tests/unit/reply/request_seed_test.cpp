// resolve_seed: one seed per request value. Whitespace, key order and escapes of the body do not
// change the seed; a different value or seed does.
#include "reply/request_seed.h"

#include <gtest/gtest.h>

namespace chatmock::reply {
namespace {

std::uint64_t seeded(std::string_view body_text, std::uint64_t seed = 42) {
  Directives directives;
  directives.seed = seed;
  std::atomic<std::uint64_t> counter{0};
  const auto body = nlohmann::json::parse(body_text);
  return resolve_seed(directives, std::nullopt, std::nullopt, counter, canonical_request(body))
      .value;
}

TEST(RequestSeed, WhitespaceKeyOrderAndEscapesDoNotChangeTheSeed) {
  const auto compact =
      seeded(R"({"model":"gpt-4o-mini","messages":[{"role":"user","content":"caf\u00e9"}],"n":1})");
  EXPECT_EQ(compact, seeded(R"({ "n": 1,
      "messages": [ { "content": "café", "role": "user" } ],
      "model": "gpt-4o-mini" })"));
}

TEST(RequestSeed, AnotherValueOrSeedGivesAnotherSeed) {
  const auto base = seeded(R"({"model":"gpt-4o-mini","messages":[]})");
  EXPECT_NE(base, seeded(R"({"model":"gpt-4o","messages":[]})"));
  EXPECT_NE(base, seeded(R"({"model":"gpt-4o-mini","messages":[]})", 43));
}

TEST(RequestSeed, CanonicalFormIsCompactWithSortedKeys) {
  EXPECT_EQ(canonical_request(nlohmann::json::parse(R"({ "b" : [1, 2], "a" : {"d":1, "c":"x"} })")),
            R"({"a":{"c":"x","d":1},"b":[1,2]})");
}

}  // namespace
}  // namespace chatmock::reply
