// snapshot_of: one proxied exchange as a fixture stub (WireMock's "snapshot"): the request body
// as the match (volatile fields dropped), the reply exactly as it came — a body, or a stream's
// writes with the delay before each — with every secret redacted. Writing it is snapshot_writer's
// job.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "http/upstream_client.h"
#include "scenarios/scenario.h"
#include "wire/http_request.h"

namespace chatmock::recording {

struct Snapshot {
  nlohmann::ordered_json stub;  ///< a stub in the fixtures/README.md format
  std::string file_stem;        ///< e.g. "gpt-4o-mini-what-is-the-weather-in-paris-stream"
};

/// The fixture for `request` to `endpoint` answered by `response`; nullopt when the request
/// body is not a JSON object (nothing to match it by). `upstream` and `recorded_at` go into the
/// description; a Responses recording matches on `"url": "/v1/responses"`.
std::optional<Snapshot> snapshot_of(const wire::HttpRequest& request,
                                    const http::UpstreamResponse& response,
                                    const std::string& upstream, const std::string& recorded_at,
                                    scenarios::ScenarioApi endpoint = scenarios::ScenarioApi::chat);

/// Top-level request fields a recording does not match on: they change between runs of the same
/// conversation (user, metadata, safety_identifier, prompt_cache_key).
bool is_volatile_request_field(std::string_view key);

}  // namespace chatmock::recording
