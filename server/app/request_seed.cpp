// Retries of one request (same body, new x-stainless-retry-count header) hash identically, so a
// retried seeded request gets the same reply bytes.
#include "app/request_seed.h"

#include <charconv>
#include <chrono>

namespace chatmock::app {

std::uint64_t stable_hash(std::string_view bytes) {
  std::uint64_t hash = 0xCBF29CE484222325ULL;
  for (const char c : bytes) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001B3ULL;
  return hash;
}

RequestSeed resolve_seed(ServerContext& server, const wire::HttpRequest& request,
                         const std::optional<std::int64_t>& body_seed) {
  std::optional<std::uint64_t> seed;
  const auto header = request.header("x-chatmock-seed");
  std::uint64_t parsed = 0;
  if (!header.empty() &&
      std::from_chars(header.data(), header.data() + header.size(), parsed).ec == std::errc()) {
    seed = parsed;
  } else if (body_seed) {
    seed = static_cast<std::uint64_t>(*body_seed);
  } else {
    seed = server.defaults.seed();
  }
  if (seed) return {*seed ^ stable_hash(request.body), true};
  const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
  const auto counter = server.unseeded_counter.fetch_add(1, std::memory_order_relaxed);
  return {stable_hash(request.body) ^ static_cast<std::uint64_t>(now) ^ (counter * 0x9E3779B97F4A7C15ULL),
          false};
}

}  // namespace chatmock::app
