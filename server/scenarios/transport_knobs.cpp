// Variant names are matched as whole comma-separated items, so "no_retry" never matches a
// hypothetical "no_retry_after".
#include "scenarios/transport_knobs.h"

#include "scenarios/tunables.h"

namespace chatmock::scenarios {

namespace {
std::string_view trimmed(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}
}  // namespace

bool has_variant(const wire::HttpRequest& http, std::string_view variant) {
  std::string_view list = http.header("x-chatmock-variant");
  while (!list.empty()) {
    const auto comma = list.find(',');
    if (trimmed(list.substr(0, comma)) == variant) return true;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return false;
}

std::optional<Latency> requested_latency(const wire::HttpRequest& http, const Latency& defaults) {
  const std::string_view text = http.header("x-chatmock-latency");
  if (text.empty()) return std::nullopt;
  const auto parsed = parse_latency(text);
  if (!parsed) return std::nullopt;
  // parse_latency cannot tell "itl=0" from "no itl", so look for the keys themselves.
  Latency merged = defaults;
  if (text.find("ttft=") != std::string_view::npos) merged.ttft = parsed->ttft;
  if (text.find("itl=") != std::string_view::npos) merged.itl = parsed->itl;
  if (text.find("jitter=") != std::string_view::npos) merged.jitter = parsed->jitter;
  return merged;
}

}  // namespace chatmock::scenarios
