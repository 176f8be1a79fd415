// The only place X-Chatmock-* header names appear in the server: each header has one small
// reader that parses with std::from_chars (no floats, no signs, no overflow) and checks its cap.
// Values that used to be clamped or ignored silently are 400s now, so a mistyped CI header
// fails loudly instead of running a different test than the one written.
#include "reply/directives.h"

#include <algorithm>
#include <charconv>

namespace chatmock::reply {

namespace {
constexpr std::size_t kMaxChaosHeaderBytes = 1024;  // reply/chaos.h's kMaxChaosBytes

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

api::ApiError bad(std::string_view header, std::string_view value, const std::string& form,
                  std::string_view code = "invalid_header") {
  return api::invalid_request(
      "Invalid " + std::string(header) + " value '" + std::string(value) + "': " + form + ".",
      std::string(header), std::string(code));
}

/// A whole non-negative number of at most `cap`; the error names `header`, `form` and the cap.
Expected<std::int64_t> bounded_integer(std::string_view header, std::string_view value,
                                       std::int64_t cap, const std::string& form) {
  std::int64_t parsed = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), parsed);
  if (value.empty() || ec != std::errc() || end != value.data() + value.size() || parsed < 0) {
    return bad(header, value, "expected " + form);
  }
  if (parsed > cap)
    return bad(header, value, "over the limit of " + std::to_string(cap) + "; " + form);
  return parsed;
}

std::string byte_cap_form(const DirectiveLimits& limits) {
  return "a whole number of bytes up to the reply budget of " +
         std::to_string(limits.max_reply_bytes) + " (--max-reply-bytes)";
}

std::string joined(const std::vector<std::string_view>& names) {
  std::string out;
  for (const auto name : names) out += (out.empty() ? "" : ", ") + std::string(name);
  return out;
}

/// Counts names per '+' step and steps per ',' before anyone looks them up or composes them.
std::optional<api::ApiError> check_expression_size(std::string_view text) {
  std::size_t steps = 1;
  std::size_t in_step = 1;
  for (const char c : text) {
    if (c == ',') {
      ++steps;
      in_step = 1;
    } else if (c == '+' && ++in_step > kMaxScenariosPerStep) {
      return api::invalid_request(
          "X-Chatmock-Scenario composes more than " + std::to_string(kMaxScenariosPerStep) +
              " scenarios with '+' in one step; that is the limit per step.",
          "X-Chatmock-Scenario", "too_many_scenarios");
    }
  }
  if (steps > kMaxSequenceSteps) {
    return api::invalid_request("X-Chatmock-Scenario lists more than " +
                                    std::to_string(kMaxSequenceSteps) +
                                    " sequence steps with ','; that is the limit.",
                                "X-Chatmock-Scenario", "too_many_scenarios");
  }
  return std::nullopt;
}

std::optional<api::ApiError> read_variants(std::string_view list, Directives& out) {
  const auto& known = known_variants();
  while (!list.empty()) {
    const auto comma = list.find(',');
    const auto item = trimmed(list.substr(0, comma));
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    if (item.empty()) continue;
    if (!std::binary_search(known.begin(), known.end(), item)) {
      return bad("X-Chatmock-Variant", item, "expected a comma list of: " + joined(known),
                 "unknown_variant");
    }
    out.variants.emplace_back(item);
  }
  return std::nullopt;
}

std::optional<api::ApiError> read_text(std::string_view header, std::string_view value,
                                       std::size_t cap, std::string& out) {
  if (value.size() > cap) {
    return bad(header, value.substr(0, 32), "longer than " + std::to_string(cap) + " bytes");
  }
  out = std::string(value);
  return std::nullopt;
}

std::string_view bearer_key(const wire::HttpRequest& request) {
  std::string_view authorization = request.header("authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (authorization.starts_with(kBearer)) authorization.remove_prefix(kBearer.size());
  return authorization;
}

std::optional<api::ApiError> read_scenario(const wire::HttpRequest& request,
                                           std::string_view path_scenario, Directives& out) {
  if (const auto header = request.header("x-chatmock-scenario"); !header.empty()) {
    out.scenario = std::string(header);
    out.scenario_source = ScenarioSource::header;
  } else if (!path_scenario.empty()) {
    out.scenario = std::string(path_scenario);
    out.scenario_source = ScenarioSource::path;
  }
  return check_expression_size(out.scenario);
}

std::optional<api::ApiError> read_numbers(const wire::HttpRequest& request,
                                          const DirectiveLimits& limits, Directives& out) {
  const auto bytes_cap = static_cast<std::int64_t>(
      std::min<std::size_t>(limits.max_reply_bytes, static_cast<std::size_t>(INT64_MAX)));
  struct Reader {
    std::string_view name;
    std::string_view shown;
    std::int64_t cap;
    std::string form;
    std::optional<std::int64_t>* into;
  };
  const Reader readers[] = {
      {"x-chatmock-size", "X-Chatmock-Size", bytes_cap, byte_cap_form(limits), &out.size},
      {"x-chatmock-disconnect-after", "X-Chatmock-Disconnect-After", bytes_cap,
       byte_cap_form(limits), &out.disconnect_after},
      {"x-chatmock-words", "X-Chatmock-Words", kMaxWords,
       "a whole number of words up to " + std::to_string(kMaxWords), &out.words},
  };
  for (const auto& reader : readers) {
    const auto value = request.header(reader.name);
    if (value.empty()) continue;
    auto parsed = bounded_integer(reader.shown, value, reader.cap, reader.form);
    if (!parsed) return parsed.error();
    *reader.into = *parsed;
  }
  if (const auto seed = request.header("x-chatmock-seed"); !seed.empty()) {
    std::uint64_t parsed = 0;
    const auto [end, ec] = std::from_chars(seed.data(), seed.data() + seed.size(), parsed);
    if (ec != std::errc() || end != seed.data() + seed.size()) {
      return bad("X-Chatmock-Seed", seed, "expected a whole number 0-18446744073709551615");
    }
    out.seed = parsed;
  }
  if (const auto level = request.header("x-chatmock-fuzz-level"); !level.empty()) {
    auto parsed = bounded_integer("X-Chatmock-Fuzz-Level", level, kMaxFuzzLevel, "1, 2 or 3");
    if (!parsed) return parsed.error();
    if (*parsed < 1) return bad("X-Chatmock-Fuzz-Level", level, "expected 1, 2 or 3");
    out.fuzz_level = static_cast<int>(*parsed);
  }
  return std::nullopt;
}
}  // namespace

bool Directives::has_variant(std::string_view variant) const {
  return std::find(variants.begin(), variants.end(), variant) != variants.end();
}

std::string_view Directives::first_variant_of(const std::vector<std::string_view>& options) const {
  for (const auto& variant : variants) {
    for (const auto option : options) {
      if (option == variant) return option;
    }
  }
  return {};
}

const std::vector<std::string_view>& known_variants() {
  // Every variant a scenario reads (docs/scenarios.md); tests/unit/reply checks the list sorted.
  static const std::vector<std::string_view> names = {"absent",
                                                      "after_chunk",
                                                      "application_json",
                                                      "context_length",
                                                      "force_retry",
                                                      "html",
                                                      "insufficient_quota",
                                                      "interleaved",
                                                      "json_body",
                                                      "json_mode",
                                                      "keepalive",
                                                      "legacy_code",
                                                      "legacy_path",
                                                      "max_tokens",
                                                      "missing",
                                                      "no_details",
                                                      "no_finish_reason",
                                                      "no_retry",
                                                      "no_space",
                                                      "no_usage",
                                                      "non_ascii",
                                                      "null",
                                                      "nullable",
                                                      "retry_after_300",
                                                      "running_totals",
                                                      "stream_options",
                                                      "temperature",
                                                      "temperature_legacy",
                                                      "text_plain",
                                                      "tool_call_id",
                                                      "tool_role",
                                                      "trailing_space",
                                                      "unwrapped",
                                                      "wrapped"};
  return names;
}

std::string scenario_param(const Directives& directives) {
  switch (directives.scenario_source) {
    case ScenarioSource::path:
      return "/scenarios/{name}/";
    case ScenarioSource::server_default:
      return "--scenario";
    case ScenarioSource::header:
    case ScenarioSource::chaos:
      break;
  }
  return "X-Chatmock-Scenario";
}

Expected<Directives> parse_directives(const wire::HttpRequest& request,
                                      std::string_view path_scenario,
                                      const DirectiveLimits& limits) {
  Directives out;
  if (auto error = read_scenario(request, path_scenario, out)) return *error;
  if (auto error = read_numbers(request, limits, out)) return *error;
  if (auto error = read_variants(request.header("x-chatmock-variant"), out)) return *error;
  if (const auto latency = request.header("x-chatmock-latency"); !latency.empty()) {
    auto parsed = parse_latency(latency, "X-Chatmock-Latency");
    if (!parsed) return parsed.error();
    out.latency = *parsed;
  }
  auto session = read_session(request);
  if (!session) return session.error();
  out.session = std::move(*session);
  if (auto error = read_text("X-Chatmock-Service-Tier", request.header("x-chatmock-service-tier"),
                             kMaxFreeTextBytes, out.service_tier)) {
    return *error;
  }
  if (auto error = read_text("X-Chatmock-Finish-Reason", request.header("x-chatmock-finish-reason"),
                             kMaxFreeTextBytes, out.finish_reason)) {
    return *error;
  }
  if (auto error = read_text("X-Chatmock-Chaos", request.header("x-chatmock-chaos"),
                             kMaxChaosHeaderBytes, out.chaos)) {
    return *error;
  }
  out.api_key = std::string(bearer_key(request));
  return out;
}

}  // namespace chatmock::reply
