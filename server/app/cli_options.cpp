// Flag names and defaults are the contract's (docs/interface.md, `chatmock serve`).
#include "app/cli_options.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "app/admin_endpoints.h"
#include "app/authorization.h"
#include "app/cli_suggestions.h"
#include "models/catalogue_file.h"
#include "reply/chaos.h"
#include "reply/latency.h"
#include "scenarios/scenario_catalogue.h"

namespace chatmock::app {

namespace {
// The per-request work budget (docs/reliability.md): how long one reply may take to build and
// how many bytes it may have; a request over either gets a 400 naming the flag.
void add_reply_budget_flags(CLI::App& command, Config& config) {
  command
      .add_option_function<std::int64_t>(
          "--work-budget-ms",
          [&config](const std::int64_t& ms) { config.budget.work = std::chrono::milliseconds(ms); },
          "Longest one reply may take to build, in ms (else 400 work_budget_exceeded)")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{600000}))
      ->default_str(std::to_string(config.budget.work.count()));
  command
      .add_option("--max-reply-bytes", config.budget.reply_bytes,
                  "Largest reply body, all choices and stream framing included (else 400 "
                  "reply_too_large)")
      ->check(CLI::Range(std::size_t{1024}, std::size_t{1} << 34))
      ->capture_default_str();
}

// Resource limits (docs/reliability.md): each bounds what one client can make the server hold.
void add_limit_flags(CLI::App& command, Config& config) {
  command
      .add_option("--max-connections", config.http.max_connections,
                  "Open connections, paced streams included; more get 503")
      ->check(CLI::Range(1, 1000000));
  command
      .add_option("--header-timeout-ms", config.http.header_timeout_ms,
                  "Request line and headers must arrive within this (else 408)")
      ->check(CLI::Range(1, 3600000));
  command
      .add_option("--request-timeout-ms", config.http.request_timeout_ms,
                  "Whole request (headers and body) must arrive within this")
      ->check(CLI::Range(1, 3600000));
  command
      .add_option("--drain-timeout-ms", config.http.drain_timeout_ms,
                  "On SIGTERM/SIGINT, replies in flight may finish within this; then they are cut")
      ->check(CLI::Range(0, 3600000));
  command
      .add_option("--keep-alive-timeout", config.http.keep_alive_timeout_s,
                  "Seconds an idle keep-alive connection is kept open")
      ->check(CLI::Range(1, 3600));
  command.add_option("--max-header-bytes", config.http.max_header_bytes,
                     "Largest request line plus headers (else 431)");
  command.add_option("--max-headers", config.http.max_headers, "Most header fields (else 431)");
  command
      .add_option("--max-json-depth", config.body_limits.max_depth,
                  "Deepest JSON nesting accepted (else 400)")
      ->check(CLI::Range(1, 100000));
  command.add_option("--max-messages", config.validation.max_messages,
                     "Most messages in a request (else 400)");
  command.add_option("--max-tools", config.validation.max_tools,
                     "Most tools in a request (else 400)");
  command.add_option("--max-string-bytes", config.validation.max_string_bytes,
                     "Longest string anywhere in a request body (else 400)");
  // State bounds and admin safety (docs/reliability.md, Limits and Security).
  command
      .add_option("--journal-bytes", config.journal_bytes,
                  "Bytes the request journal keeps in all (oldest dropped first)")
      ->check(CLI::Range(std::size_t{1024}, std::size_t{1} << 40));
  command
      .add_option("--max-sessions", config.max_sessions,
                  "Sessions with scenario-sequence positions or stub scenario states kept (least "
                  "recently used dropped; it restarts)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{100000000}));
  command
      .add_option("--max-session-bytes", config.max_session_bytes,
                  "Bytes of session ids and sequences kept (least recently used dropped)")
      ->check(CLI::Range(std::size_t{1024}, std::size_t{1} << 40));
  command
      .add_option("--max-rate-limit-keys", config.rate_limit.max_keys,
                  "API keys with a --rate-limit bucket at once (least recently used dropped)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{100000000}));
  command
      .add_option("--max-stubs", config.max_stubs,
                  "Stubs kept in all, from files and POST /_chatmock/fixtures (more: 400)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{10000000}));
  command
      .add_option("--max-stored-responses", config.max_stored_responses,
                  "Responses kept for GET /v1/responses/{id} and previous_response_id, all "
                  "sessions together (least recently used dropped)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{10000000}));
  command.add_option("--allow-host", config.allowed_hosts,
                     "Also accept this Host on /_chatmock/* (repeatable; default: loopback only)");
}
}  // namespace

void add_serve_flags(CLI::App& command, Config& config, ServeFlags& flags) {
  // --help shows each option's default value next to it (from the Config/ServeFlags defaults).
  command.option_defaults()->always_capture_default();
  command.add_option("--host", config.http.host, "Address to bind");
  command.add_option("--port", config.http.port, "Port to bind; 0 picks a free one")
      ->check(CLI::Range(0, 65535));
  command.add_option("--port-file", config.port_file, "Write the bound port to FILE when ready");
  command
      .add_option("--seed", flags.seed,
                  "Seed for requests that carry none (same request → same bytes)")
      ->default_str("none");
  command.add_flag("--no-auth", config.no_auth, "Accept requests without an Authorization header");
  command.add_option("--admin-token", config.admin_token, "Require Bearer TOKEN on /_chatmock/*");
  command.add_option("--threads", config.http.threads, "Worker threads (one per open connection)")
      ->check(CLI::Range(1, 100000));
  command
      .add_option(
          "--log", flags.log,
          "Request log on stderr: auto (coloured text on a terminal, else json), text, json or off")
      ->check(CLI::IsMember({"auto", "text", "json", "off"}));
  command.add_option("--latency", flags.latency, "Stream pacing: ttft=MS,itl=MS[,jitter=PCT]");
  command.add_option(
      "--chaos", flags.chaos,
      "Seeded faults at rates, per session: NAME=P%[,...] e.g. error_429=5%,disconnect=1%");
  command.add_option("--rate-limit", flags.rate_limit, "Enforce limits per API key: rpm=N,tpm=N");
  command.add_option("--fixtures", config.fixture_dirs, "Fixture folder (repeatable, recursive)");
  command.add_flag("--strict", config.strict,
                   "Unmatched requests get a 404 naming the closest stubs, not synthesis");
  command.add_option("--record", config.record.dir,
                     "Proxy requests to --upstream and write each exchange to DIR");
  command.add_option("--upstream", config.record.upstream,
                     "Base URL to record from, e.g. https://api.openai.com/v1");
  command
      .add_option("--record-mode", flags.record_mode,
                  "new: replay what matches, record the rest; all: record all")
      ->check(CLI::IsMember({"new", "all"}));
  command.add_option("--scenario", config.default_scenario,
                     "Scenario for requests that select none");
  command.add_option("--journal-size", config.journal_capacity,
                     "Requests kept in the journal (0 = off)");
  command.add_option("--max-body", config.body_limits.max_bytes,
                     "Largest accepted request body in bytes");
  add_limit_flags(command, config);
  // Request fidelity (docs/synthesis.md, Validation): how strictly requests are checked.
  command.add_flag("--lenient-params", config.validation.lenient_params,
                   "Accept top-level request fields the API does not define (else 400)");
  command.add_flag("--strict-models", config.validation.strict_models,
                   "Answer model ids not in the catalogue with the API's 404 model_not_found");
  command.add_option_function<std::string>(
      "--models",
      [&config](const std::string& path) {
        auto loaded = models::load_catalogue_file(path, models::Catalogue::builtin());
        if (auto* error = std::get_if<std::string>(&loaded)) {
          throw CLI::ValidationError("--models", *error);
        }
        config.validation.models =
            std::make_shared<const models::Catalogue>(std::get<models::Catalogue>(loaded));
      },
      "JSON array of model entries adding to or replacing the built-in catalogue");
  command
      .add_option("--max-total-completion-tokens", config.validation.max_total_completion_tokens,
                  "Most n x max tokens one request may ask for (else 400)")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{1} << 40U));
  add_reply_budget_flags(command, config);
  command.add_option("--tls-cert", config.http.tls_cert, "Serve HTTPS with this certificate (PEM)");
  command.add_option("--tls-key", config.http.tls_key, "Private key for --tls-cert (PEM)");
}

bool finish_serve_flags(Config& config, const ServeFlags& flags, std::string& error) {
  if (flags.seed >= 0) config.seed = static_cast<std::uint64_t>(flags.seed);
  config.log = flags.log == "json"  ? LogFormat::json
               : flags.log == "off" ? LogFormat::off
                                    : LogFormat::text;
  const bool terminal = ::isatty(STDERR_FILENO) == 1 && std::getenv("NO_COLOR") == nullptr;
  if (flags.log == "auto") config.log = terminal ? LogFormat::text : LogFormat::json;
  config.log_color = terminal && config.log == LogFormat::text;
  if (!flags.latency.empty()) {
    const auto latency = reply::parse_latency(flags.latency, "--latency");
    if (!latency) {
      error = latency.error().message;
      return false;
    }
    config.latency = latency->over({});
  }
  if (!flags.chaos.empty()) {
    auto chaos = reply::parse_chaos(flags.chaos, scenarios::builtin_catalogue(), "--chaos");
    if (!chaos) {
      error = chaos.error().message;
      return false;
    }
    config.chaos = std::move(*chaos);
  }
  if (!flags.rate_limit.empty()) {
    const auto limits = ratelimit::parse_rate_limit(flags.rate_limit);
    if (!limits) {
      error = "--rate-limit: expected rpm=N,tpm=N, got '" + flags.rate_limit + "'";
      return false;
    }
    const auto max_keys = config.rate_limit.max_keys;
    config.rate_limit = *limits;
    config.rate_limit.max_keys = max_keys;
  }
  // An exposed mock with an open admin API lets anyone on the network rewrite its stubs.
  if (!is_loopback_host(config.http.host) && config.admin_token.empty()) {
    error = "--admin-token is required when --host is not a loopback address (" + config.http.host +
            ")";
    return false;
  }
  if (error = check_default_scenario(config.default_scenario); !error.empty()) return false;
  if (config.http.tls_cert.empty() != config.http.tls_key.empty()) {
    error = "--tls-cert and --tls-key go together";
    return false;
  }
  if (config.record.dir.empty() != config.record.upstream.empty()) {
    error = "--record and --upstream go together";
    return false;
  }
  config.record.mode =
      recording::parse_record_mode(flags.record_mode).value_or(recording::RecordMode::new_requests);
  config.record.announce = config.log != LogFormat::off;
  config.http.max_body_bytes = config.body_limits.max_bytes;
  return true;
}

std::string scenarios_markdown() {
  const auto& all = scenarios::builtin_catalogue().all();
  std::string out =
      "# Built-in scenarios\n\n"
      "Generated by `chatmock scenarios --markdown docs/scenarios.md`; a test fails when this file "
      "is stale.\n"
      "Select one with the header `X-Chatmock-Scenario: NAME` or the base URL "
      "`http://HOST:PORT/scenarios/NAME/v1`; compose with `+`, sequence with `,`. "
      "\"Breaks spec\" marks output that deliberately violates the official schema. "
      "\"API\" says which endpoint accepts the name: `chat` (POST /v1/chat/completions), "
      "`responses` (POST /v1/responses) or `both`; a name sent to the other endpoint is a 400 "
      "`unsupported_scenario` listing the valid ones.\n\n" +
      std::to_string(all.size()) + " scenarios.\n";
  std::vector<std::string> groups;
  for (const auto& s : all) {
    if (std::find(groups.begin(), groups.end(), s.group) == groups.end()) groups.push_back(s.group);
  }
  for (const auto& group : groups) {
    out += "\n## " + group +
           "\n\n| name | api | breaks spec | description |\n| --- | --- | --- | --- |\n";
    for (const auto& s : all) {
      if (s.group != group) continue;
      std::string description;
      for (const char c : s.description)
        description += c == '|' ? std::string("\\|") : std::string(1, c);
      out += "| `" + s.name + "` | " + std::string(scenarios::api_name(s.api)) + " | " +
             (s.breaks_spec ? "yes" : "no") + " | " + description + " |\n";
    }
  }
  return out;
}

int print_scenarios(bool as_json, const std::string& markdown_path) {
  if (!markdown_path.empty()) {
    const std::string temp = markdown_path + ".tmp";
    std::ofstream(temp, std::ios::trunc) << scenarios_markdown();
    return std::rename(temp.c_str(), markdown_path.c_str()) == 0 ? 0 : 1;
  }
  if (as_json) {
    std::printf("%s\n", scenarios_as_json(scenarios::builtin_catalogue()).dump(2).c_str());
    return 0;
  }
  for (const auto& s : scenarios::builtin_catalogue().all()) {
    std::printf("%-40s %-9s %s%s\n", s.name.c_str(),
                std::string(scenarios::api_name(s.api)).c_str(),
                s.breaks_spec ? "[breaks spec] " : "", s.description.c_str());
  }
  return 0;
}

}  // namespace chatmock::app
