// Durations are parsed with std::from_chars into integers and compared with the cap before any
// unit scaling, so "ttft=9223372036854775807" or "itl=1e13" is a 400 rather than a signed
// overflow in chrono or an out-of-range float cast.
#include "reply/latency.h"

#include <algorithm>
#include <charconv>
#include <cstdint>

namespace chatmock::reply {

namespace {
using std::chrono::milliseconds;

constexpr std::string_view kForm =
    "Expected ttft=T,itl=T[,jitter=PCT] where T is milliseconds written N, Nms or Ns "
    "(e.g. ttft=800ms,itl=40) and PCT a whole percent 0-100";

api::ApiError bad_latency(const std::string& param, std::string_view item, std::string_view why) {
  return api::invalid_request("Invalid " + param + " value '" + std::string(item) +
                                  "': " + std::string(why) + ". " + std::string(kForm) + ".",
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
}  // namespace

Latency LatencyOverride::over(const Latency& base) const {
  Latency out = base;
  if (ttft) out.ttft = *ttft;
  if (itl) out.itl = *itl;
  if (jitter_percent) out.jitter = static_cast<double>(*jitter_percent) / 100.0;
  return out;
}

Expected<LatencyOverride> parse_latency(std::string_view text, std::string param) {
  LatencyOverride out;
  while (!text.empty()) {
    const auto comma = text.find(',');
    const auto item = text.substr(0, comma);
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    const auto equals = item.find('=');
    if (equals == std::string_view::npos) return bad_latency(param, item, "no '='");
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
    const auto parsed = duration(value, key == "ttft" ? kMaxTtft : kMaxItl);
    if (const auto* why = std::get_if<std::string>(&parsed)) return bad_latency(param, item, *why);
    (key == "ttft" ? out.ttft : out.itl) = std::get<milliseconds>(parsed);
  }
  return out;
}

void apply_latency(wire::WireReply& reply, const Latency& latency, synthesis::Rng& rng) {
  if (latency.ttft.count() == 0 && latency.itl.count() == 0) return;
  const double jitter = std::clamp(latency.jitter, 0.0, 1.0);
  // Clamped in double before the cast: within the caps nothing is near int64's range, and a
  // Latency built by hand beyond them still cannot make the cast undefined.
  constexpr double kLongest = static_cast<double>(2 * kMaxTtft.count());
  for (std::size_t i = 0; i < reply.writes.size(); ++i) {
    const auto base = static_cast<double>(i == 0 ? latency.ttft.count() : latency.itl.count());
    const double offset = base * jitter * (2.0 * rng.unit() - 1.0);
    const double delay = std::clamp(base + offset, 0.0, kLongest);
    reply.writes[i].delay = milliseconds(static_cast<std::int64_t>(delay));
  }
}

}  // namespace chatmock::reply
