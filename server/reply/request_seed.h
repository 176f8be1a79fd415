// The seed of one request: X-Chatmock-Seed, else the body's `seed`, else the server's default
// (--seed, or MockServer::set_seed), mixed with a hash of the body so different requests under
// one seed still differ while the same request always gives the same bytes. Unseeded requests
// draw from a per-server counter.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string_view>

#include "reply/directives.h"

namespace chatmock::reply {

struct RequestSeed {
  std::uint64_t value = 0;
  bool seeded = false;
};

/// The seed to synthesize a request with `body` and these seeds; `unseeded_counter` varies
/// replies when none is given.
RequestSeed resolve_seed(const Directives& directives, const std::optional<std::int64_t>& body_seed,
                         const std::optional<std::uint64_t>& server_seed,
                         std::atomic<std::uint64_t>& unseeded_counter, std::string_view body);

/// FNV-1a of `bytes`, the stable hash used to mix seeds.
std::uint64_t stable_hash(std::string_view bytes);

}  // namespace chatmock::reply
