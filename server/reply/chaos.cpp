// Rates are parsed as decimals with from_chars (no locale); the draw hashes a length-prefixed
// key so no two (session, spec, k) tuples collide by concatenation.
#include "reply/chaos.h"

#include <charconv>

#include "api/api_error.h"
#include "reply/request_seed.h"

namespace chatmock::reply {

namespace {
// splitmix64's finaliser over the FNV-1a hash: keys differing only in k's last digit must still
// land far apart in [0, 1).
std::uint64_t mix(std::uint64_t z) {
  z += 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30U)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27U)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31U);
}

api::ApiError bad_chaos(const std::string& param, std::string_view entry, const std::string& why) {
  return api::invalid_request("Invalid " + param + " entry '" + std::string(entry.substr(0, 64)) +
                                  "': " + why +
                                  ". Expected NAME=P% entries joined with ',' (e.g. "
                                  "error_429=5%,error_500=2%,disconnect=1%), rates summing to at "
                                  "most 100%.",
                              param, std::string("invalid_chaos"));
}
}  // namespace

Expected<ChaosSpec> parse_chaos(std::string_view text,
                                const scenarios::ScenarioCatalogue& catalogue,
                                const std::string& param) {
  ChaosSpec spec;
  spec.text = std::string(text);
  if (text.size() > kMaxChaosBytes)
    return bad_chaos(param, text, "longer than " + std::to_string(kMaxChaosBytes) + " bytes");
  double total = 0;
  while (!text.empty()) {
    const auto comma = text.find(',');
    const std::string_view entry = text.substr(0, comma);
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    const auto equals = entry.find('=');
    if (equals == std::string_view::npos) return bad_chaos(param, entry, "no '=' before the rate");
    std::string_view rate_text = entry.substr(equals + 1);
    if (rate_text.ends_with('%')) rate_text.remove_suffix(1);
    double percent = 0;
    const auto [end, error] =
        std::from_chars(rate_text.data(), rate_text.data() + rate_text.size(), percent);
    if (error != std::errc() || end != rate_text.data() + rate_text.size() || !(percent > 0) ||
        percent > 100) {
      return bad_chaos(param, entry, "the rate must be a number above 0 and at most 100 (percent)");
    }
    const std::string_view name = entry.substr(0, equals);
    auto parsed = scenarios::parse_scenario_expression(name, catalogue);
    if (const auto* message = std::get_if<std::string>(&parsed))
      return bad_chaos(param, entry, *message);
    auto& expression = std::get<scenarios::ScenarioExpression>(parsed);
    if (expression.steps.size() != 1)
      return bad_chaos(param, entry, "a fault is one step, not a sequence");
    if (spec.faults.size() == kMaxChaosFaults)
      return bad_chaos(param, entry, "more than " + std::to_string(kMaxChaosFaults) + " faults");
    total += percent;
    if (total > 100 + 1e-9) return bad_chaos(param, entry, "the rates add up to more than 100%");
    spec.faults.push_back({std::string(name), std::move(expression.steps.front()), percent / 100});
  }
  if (spec.faults.empty()) return bad_chaos(param, spec.text, "no fault named");
  return spec;
}

const ChaosFault* pick_fault(const ChaosSpec& spec, std::uint64_t seed, std::string_view session,
                             std::uint64_t k) {
  std::string key = std::to_string(seed) + ':' + std::to_string(session.size()) + ':';
  key.append(session);
  key += std::to_string(spec.text.size()) + ':' + spec.text + ':' + std::to_string(k);
  const double u = static_cast<double>(mix(stable_hash(key)) >> 11U) * 0x1.0p-53;  // [0, 1)
  double cumulative = 0;
  for (const auto& fault : spec.faults) {
    cumulative += fault.rate;
    if (u < cumulative) return &fault;
  }
  return nullptr;
}

}  // namespace chatmock::reply
