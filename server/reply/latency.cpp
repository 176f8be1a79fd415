// Durations are parsed with std::from_chars into integers and compared with the cap before any
// unit scaling, so "ttft=9223372036854775807" or "itl=1e13" is a 400 rather than a signed
// overflow in chrono or an out-of-range float cast. A distribution's p50 and p99 go through the
// same check, and its draws are clamped to the cap (reply/latency_distribution.cpp).
#include "reply/latency.h"

#include <algorithm>
#include <charconv>
#include <cstdint>

namespace chatmock::reply {

namespace {
using std::chrono::milliseconds;

constexpr std::string_view kForm =
    "Expected ttft=T,itl=T[,jitter=PCT] where T is milliseconds written N, Nms or Ns "
    "(e.g. ttft=800ms,itl=40) or a distribution lognormal:p50=T,p99=T with 0 < p50 <= p99 "
    "(keys then separated by ';', e.g. ttft=lognormal:p50=300,p99=2000;itl=20), and PCT a whole "
    "percent 0-100";

api::ApiError bad_latency(const std::string& param, std::string_view item, std::string_view why) {
  return api::invalid_request("Invalid " + param + " value '" + std::string(item) +
                                  "': " + std::string(why) + ". " + std::string(kForm) +
                                  "; ttft is at most " + std::to_string(kMaxTtft.count()) +
                                  " ms, itl at most " + std::to_string(kMaxItl.count()) + " ms.",
                              param, "invalid_latency");
}

std::optional<std::int64_t> whole_number(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value < 0) {
    return std::nullopt;
  }
  return value;
}

/// "800", "800ms" or "2s" within `cap`; a message otherwise.
std::variant<milliseconds, std::string> duration(std::string_view text, milliseconds cap) {
  std::int64_t scale = 1;
  if (text.ends_with("ms")) {
    text.remove_suffix(2);
  } else if (text.ends_with("s")) {
    text.remove_suffix(1);
    scale = 1000;
  }
  const auto value = whole_number(text);
  if (!value) return std::string("not a whole, non-negative number of ms or s");
  if (*value > cap.count() / scale) {
    return "over the cap of " + std::to_string(cap.count()) + " ms";
  }
  return milliseconds(*value * scale);
}

/// "lognormal:p50=T,p99=T" (parameters in any order) within `cap`; a message otherwise.
std::variant<LogNormal, std::string> distribution(std::string_view text, milliseconds cap) {
  const auto colon = text.find(':');
  const auto name = text.substr(0, colon);
  if (name != "lognormal") {
    return "unknown distribution '" + std::string(name) + "' (the one known is lognormal)";
  }
  std::optional<milliseconds> p50;
  std::optional<milliseconds> p99;
  for (auto rest = text.substr(colon + 1); !rest.empty();) {
    const auto comma = rest.find(',');
    const auto parameter = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    const auto equals = parameter.find('=');
    const auto key = parameter.substr(0, equals);
    if (equals == std::string_view::npos || (key != "p50" && key != "p99")) {
      return "unknown parameter '" + std::string(parameter) +
             "' (lognormal takes p50= and p99=; a key after it follows a ';')";
    }
    auto& slot = key == "p50" ? p50 : p99;
    if (slot) return std::string(key) + " given twice";
    const auto parsed = duration(parameter.substr(equals + 1), cap);
    if (const auto* why = std::get_if<std::string>(&parsed)) return std::string(key) + " " + *why;
    slot = std::get<milliseconds>(parsed);
  }
  if (!p50 || !p99) return std::string("lognormal needs both p50= and p99=");
  if (p50->count() == 0) return std::string("p50 must be over 0");
  if (*p99 < *p50) return std::string("p99 must be at least p50");
  return LogNormal{*p50, *p99};
}
}  // namespace

Latency LatencyOverride::over(const Latency& base) const {
  Latency out = base;
  if (ttft) {
    out.ttft = *ttft;
    out.ttft_distribution.reset();
  }
  if (ttft_distribution) {
    out.ttft = ttft_distribution->p50;
    out.ttft_distribution = ttft_distribution;
  }
  if (itl) {
    out.itl = *itl;
    out.itl_distribution.reset();
  }
  if (itl_distribution) {
    out.itl = itl_distribution->p50;
    out.itl_distribution = itl_distribution;
  }
  if (jitter_percent) out.jitter = static_cast<double>(*jitter_percent) / 100.0;
  return out;
}

Expected<LatencyOverride> parse_latency(std::string_view text, std::string param) {
  LatencyOverride out;
  while (!text.empty()) {
    auto end = text.find_first_of(",;");
    auto item = text.substr(0, end);
    const auto equals = item.find('=');
    if (equals == std::string_view::npos) return bad_latency(param, item, "no '='");
    // A distribution's parameters are themselves comma-separated: it runs to the next ';'.
    if (item.find(':', equals) != std::string_view::npos && end != std::string_view::npos &&
        text[end] == ',') {
      end = text.find(';');
      item = text.substr(0, end);
    }
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    const auto key = item.substr(0, equals);
    const auto value = item.substr(equals + 1);
    if (key == "jitter") {
      const auto percent =
          whole_number(value.ends_with('%') ? value.substr(0, value.size() - 1) : value);
      if (!percent || *percent > kMaxJitterPercent)
        return bad_latency(param, item, "jitter is 0-100");
      out.jitter_percent = static_cast<int>(*percent);
      continue;
    }
    if (key != "ttft" && key != "itl") return bad_latency(param, item, "unknown key");
    const auto cap = key == "ttft" ? kMaxTtft : kMaxItl;
    auto& fixed = key == "ttft" ? out.ttft : out.itl;
    auto& drawn = key == "ttft" ? out.ttft_distribution : out.itl_distribution;
    if (value.find(':') != std::string_view::npos) {
      const auto parsed = distribution(value, cap);
      if (const auto* why = std::get_if<std::string>(&parsed)) {
        return bad_latency(param, item, *why);
      }
      drawn = std::get<LogNormal>(parsed);
      fixed.reset();
      continue;
    }
    const auto parsed = duration(value, cap);
    if (const auto* why = std::get_if<std::string>(&parsed)) return bad_latency(param, item, *why);
    fixed = std::get<milliseconds>(parsed);
    drawn.reset();
  }
  return out;
}

void apply_latency(wire::WireReply& reply, const Latency& latency, synthesis::Rng& rng) {
  const bool drawn = latency.ttft_distribution || latency.itl_distribution;
  if (!drawn && latency.ttft.count() == 0 && latency.itl.count() == 0) return;
  const double jitter = std::clamp(latency.jitter, 0.0, 1.0);
  // Clamped in double before the cast: within the caps nothing is near int64's range, and a
  // Latency built by hand beyond them still cannot make the cast undefined.
  constexpr double kLongest = static_cast<double>(2 * kMaxTtft.count());
  for (std::size_t i = 0; i < reply.writes.size(); ++i) {
    if (const auto& from = i == 0 ? latency.ttft_distribution : latency.itl_distribution; from) {
      reply.writes[i].delay = from->sample(rng, i == 0 ? kMaxTtft : kMaxItl);
      continue;
    }
    const auto base = static_cast<double>(i == 0 ? latency.ttft.count() : latency.itl.count());
    const double offset = base * jitter * (2.0 * rng.unit() - 1.0);
    const double delay = std::clamp(base + offset, 0.0, kLongest);
    reply.writes[i].delay = milliseconds(static_cast<std::int64_t>(delay));
  }
}

}  // namespace chatmock::reply
