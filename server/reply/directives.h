// Directives: everything a request tells chatmock beyond the API itself — the X-Chatmock-*
// headers and the /scenarios/{name}/ path prefix — read and validated here, once, at the edge.
// Every later stage (selection, synthesis, scenario hooks, rendering) reads this typed value;
// none reads an HTTP header. A bad or over-cap value is a 400 naming the header and the form.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reply/directives_session.h"
#include "reply/expected.h"
#include "reply/latency.h"
#include "wire/http_request.h"

namespace chatmock::reply {

inline constexpr std::int64_t kMaxWords = 100000;        ///< X-Chatmock-Words
inline constexpr std::size_t kMaxScenariosPerStep = 32;  ///< names joined with '+'
inline constexpr std::size_t kMaxSequenceSteps = 64;     ///< steps joined with ','
inline constexpr std::size_t kMaxFreeTextBytes = 64;     ///< finish reason, service tier
inline constexpr int kMaxFuzzLevel = 3;

/// Where the scenario expression came from; `server_default` means neither header nor path.
enum class ScenarioSource { server_default, header, path, chaos };

/// Limits some directives are checked against; they follow server flags.
struct DirectiveLimits {
  std::size_t max_reply_bytes = std::size_t{64} << 20;  ///< --max-reply-bytes
};

struct Directives {
  std::string scenario;  ///< expression text; "" = server default
  ScenarioSource scenario_source = ScenarioSource::server_default;
  std::optional<std::uint64_t> seed;             ///< X-Chatmock-Seed
  std::string session;                           ///< X-Chatmock-Session ("" = global)
  LatencyOverride latency;                       ///< X-Chatmock-Latency (only keys it names)
  std::optional<std::int64_t> size;              ///< X-Chatmock-Size, bytes
  std::optional<std::int64_t> disconnect_after;  ///< X-Chatmock-Disconnect-After, bytes
  std::vector<std::string> variants;             ///< X-Chatmock-Variant, in order
  std::optional<std::int64_t> words;             ///< X-Chatmock-Words
  std::optional<int> fuzz_level;                 ///< X-Chatmock-Fuzz-Level, 1..3
  std::string service_tier;                      ///< X-Chatmock-Service-Tier
  std::string finish_reason;                     ///< X-Chatmock-Finish-Reason
  std::string chaos;  ///< X-Chatmock-Chaos, as sent (parsed against the catalogue by the pipeline)
  std::string api_key;  ///< the bearer key, for errors that echo it

  /// True when the request chose its scenario (header or path) rather than taking the default.
  bool chose_scenario() const { return scenario_source != ScenarioSource::server_default; }
  /// True when X-Chatmock-Variant lists `variant`.
  bool has_variant(std::string_view variant) const;
  /// The first listed variant that is one of `options`, or "" when none is.
  std::string_view first_variant_of(const std::vector<std::string_view>& options) const;
};

/// The directives of `request` under `path_scenario` (the /scenarios/{name}/ prefix, or "").
Expected<Directives> parse_directives(const wire::HttpRequest& request,
                                      std::string_view path_scenario,
                                      const DirectiveLimits& limits);

/// Where the scenario came from, as the `param` of a 400 about it: "X-Chatmock-Scenario",
/// "/scenarios/{name}/" or "--scenario" (the server default).
std::string scenario_param(const Directives& directives);

/// Every value X-Chatmock-Variant accepts, sorted.
const std::vector<std::string_view>& known_variants();

}  // namespace chatmock::reply
