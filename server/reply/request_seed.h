// The seed of one request: X-Chatmock-Seed, else the body's `seed`, else the server's default
// (--seed, or MockServer::set_seed), mixed with a hash of the request's canonical form so
// different requests under one seed still differ while the same request value always gives the
// same bytes, however the client serialised it. Unseeded requests draw from a per-server counter.
#pragma once

#include <atomic>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "reply/directives.h"

namespace chatmock::reply {

struct RequestSeed {
  std::uint64_t value = 0;
  bool seeded = false;
};

/// The seed to synthesize a request whose canonical form is `canonical_body` (see
/// canonical_request) with these seeds; `unseeded_counter` varies replies when none is given.
RequestSeed resolve_seed(const Directives& directives, const std::optional<std::int64_t>& body_seed,
                         const std::optional<std::uint64_t>& server_seed,
                         std::atomic<std::uint64_t>& unseeded_counter,
                         std::string_view canonical_body);

/// The parsed body re-serialised compactly with its keys sorted (nlohmann::json keeps objects
/// sorted): bodies that differ only in whitespace, key order or string escapes share it.
std::string canonical_request(const nlohmann::json& body);

/// FNV-1a of `bytes`, the stable hash used to mix seeds.
std::uint64_t stable_hash(std::string_view bytes);

}  // namespace chatmock::reply
