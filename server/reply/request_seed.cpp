// Retries of one request (same body, new x-stainless-retry-count header) hash identically, so a
// retried seeded request gets the same reply bytes; so do SDKs in different languages sending the
// same value, since the hash is of the canonical form rather than the bytes on the wire.
#include "reply/request_seed.h"

#include <chrono>

namespace chatmock::reply {

std::uint64_t stable_hash(std::string_view bytes) {
  std::uint64_t hash = 0xCBF29CE484222325ULL;
  for (const char c : bytes) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001B3ULL;
  return hash;
}

RequestSeed resolve_seed(const Directives& directives, const std::optional<std::int64_t>& body_seed,
                         const std::optional<std::uint64_t>& server_seed,
                         std::atomic<std::uint64_t>& unseeded_counter,
                         std::string_view canonical_body) {
  const std::string_view body = canonical_body;
  std::optional<std::uint64_t> seed = directives.seed;
  if (!seed && body_seed) seed = static_cast<std::uint64_t>(*body_seed);
  if (!seed) seed = server_seed;
  if (seed) return {*seed ^ stable_hash(body), true};
  const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
  const auto counter = unseeded_counter.fetch_add(1, std::memory_order_relaxed);
  return {stable_hash(body) ^ static_cast<std::uint64_t>(now) ^ (counter * 0x9E3779B97F4A7C15ULL),
          false};
}

std::string canonical_request(const nlohmann::json& body) {
  // Replacing invalid UTF-8 keeps this total: a body the parser accepted always has a form.
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace chatmock::reply
