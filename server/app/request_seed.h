// The seed of one request: X-Chatmock-Seed, else the body's `seed`, else the server's default
// (RequestDefaults: --seed, or MockServer::set_seed), mixed with a hash of the body so different
// requests under one seed still differ while the same request always gives the same bytes.
// Unseeded requests draw from a per-server counter.
#pragma once

#include <cstdint>
#include <string_view>

#include "app/server_context.h"
#include "wire/http_request.h"

namespace chatmock::app {

struct RequestSeed {
  std::uint64_t value = 0;
  bool seeded = false;
};

/// The seed to synthesize `request` with; `body_seed` is the parsed body's `seed`, if any.
RequestSeed resolve_seed(ServerContext& server, const wire::HttpRequest& request,
                         const std::optional<std::int64_t>& body_seed);

/// FNV-1a of `bytes`, the stable hash used to mix seeds.
std::uint64_t stable_hash(std::string_view bytes);

}  // namespace chatmock::app
