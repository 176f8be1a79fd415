// Each kind checks only what it promises: `error` checks the fields the case names, `retries`
// checks the count and the spacing the server asked for, then defers to a nested `final`
// expectation, so the five kinds compose instead of multiplying.
#include "runner/judgement.h"

#include <cmath>
#include <optional>
#include <sstream>
#include <string_view>
#include <tuple>

#include "runner/ground_truth.h"
#include "runner/observation_diff.h"

namespace chatmock::conform {
namespace {

using nlohmann::json;

// received_at_ms has millisecond resolution on both ends of a gap.
constexpr double kClockToleranceMs = 2;
constexpr int kShellSignalBase = 128;
constexpr int kMaxSignal = 64;

Verdict pass() { return {Outcome::kPass, ""}; }
Verdict fail(std::string reason) { return {Outcome::kFail, std::move(reason)}; }

json field(const json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(key);
  return it == object.end() ? json(nullptr) : *it;
}

Verdict judge_error(const json& expectation, const json& observation) {
  if (field(observation, "ok") == true) {
    const bool responses = field(observation, "choices").is_null();
    return fail(std::string("expected an error, client reported success (") +
                (responses ? "status " + brief_json(field(observation, "status")) + ", output "
                           : "choices ") +
                brief_json(field(observation, responses ? "output" : "choices"), 120) + ")");
  }
  const json error = field(observation, "error");
  for (const char* key : {"status", "type", "code"}) {
    if (!expectation.contains(key)) continue;
    if (expectation.at(key) != field(error, key)) {
      return fail(std::string("error.") + key + ": expected " + brief_json(expectation.at(key)) +
                  ", client reported " + brief_json(field(error, key)));
    }
  }
  if (expectation.contains("message_contains")) {
    const std::string wanted = expectation.value("message_contains", "");
    const json message = field(error, "message");
    if (!message.is_string() || message.get<std::string>().find(wanted) == std::string::npos) {
      return fail("error.message: expected it to contain " + json(wanted).dump() +
                  ", client reported " + brief_json(message));
    }
  }
  return pass();
}

Verdict judge_matches_served(const json& observation, const std::vector<json>& attempts,
                             bool stream, client::ClientApi api) {
  if (attempts.empty()) {
    return fail(
        "the journal has no request from this case's session (the adapter never reached "
        "the server, or dropped the X-Chatmock-Session header)");
  }
  const auto served = served_observation(attempts.back(), stream, api);
  if (!served) return fail("the journal truncated the served body; no ground truth");
  if (auto difference = observation_difference(*served, observation)) return fail(*difference);
  return pass();
}

std::string attempt_list(const std::vector<json>& attempts) {
  std::ostringstream out;
  for (std::size_t i = 0; i < attempts.size(); ++i) {
    out << (i == 0 ? "" : ", ") << attempts[i].value("status", 0);
  }
  return out.str();
}

Verdict judge_retries(const json& expectation, const json& observation,
                      const std::vector<json>& attempts, bool stream, client::ClientApi api) {
  const auto wanted = expectation.value("attempts", std::size_t{0});
  if (attempts.size() != wanted) {
    return fail("expected " + std::to_string(wanted) + " attempts, the journal shows " +
                std::to_string(attempts.size()) + " (statuses " + attempt_list(attempts) + ")");
  }
  for (std::size_t i = 1; i < attempts.size(); ++i) {
    const auto delay = requested_retry_delay_ms(attempts[i - 1]);
    if (!delay) continue;
    const double gap =
        attempts[i].value("received_at_ms", 0.0) - attempts[i - 1].value("received_at_ms", 0.0);
    if (gap + kClockToleranceMs < *delay) {
      return fail("attempt " + std::to_string(i + 1) + " came " + std::to_string(std::lround(gap)) +
                  " ms after attempt " + std::to_string(i) + ", which asked for " +
                  std::to_string(std::lround(*delay)) + " ms (retry-after)");
    }
  }
  if (const json final = field(expectation, "final"); final.is_object()) {
    return judge_observation(final, observation, attempts, stream, api);
  }
  return pass();
}

// Says why the last stdout line is not JSON (the parser's own message) and shows it, so an
// adapter printing a log line or a Python repr last is fixed without re-running it by hand.
Verdict unparsable_output(const AdapterRun& run) {
  constexpr std::size_t kExcerpt = 160;
  const std::string code = "exit code " + std::to_string(run.exit_code);
  const std::string first_error_line = run.err.substr(0, run.err.find('\n')).substr(0, kExcerpt);
  const std::string stderr_part = first_error_line.empty() ? "" : "; stderr: " + first_error_line;
  const std::size_t last = run.out.find_last_not_of(" \t\r\n");
  if (last == std::string::npos)
    return fail("no observation JSON on stdout: it was empty (" + code + ")" + stderr_part);
  const std::size_t line_start = run.out.rfind('\n', last);
  const std::string line =
      run.out.substr(line_start == std::string::npos ? 0 : line_start + 1,
                     last + 1 - (line_start == std::string::npos ? 0 : line_start + 1));
  std::string why = "not JSON";
  try {
    std::ignore = json::parse(line);  // throws with the parser's message
  } catch (const json::exception& e) {
    why = e.what();
  }
  const std::string excerpt = line.size() > kExcerpt ? line.substr(0, kExcerpt) + "…" : line;
  return fail("the adapter's last stdout line is not JSON (" + code + "): " + why +
              "; line: " + json(excerpt).dump() + stderr_part);
}

// An adapter that ignores the case's `api` (a Chat-only client sent a Responses case to
// /chat/completions and read the 400) must not pass by matching that error.
std::optional<Verdict> wrong_route(const std::vector<json>& attempts, client::ClientApi api) {
  const bool responses = api == client::ClientApi::responses;
  const std::string_view route = responses ? "/responses" : "/chat/completions";
  for (const json& attempt : attempts) {
    const std::string path = attempt.value("path", std::string());
    if (path.empty() || path.ends_with(route)) continue;
    return fail("the adapter sent " + attempt.value("method", std::string("POST")) + " " + path +
                "; this is a " + (responses ? "Responses API case (api: responses)" : "Chat case") +
                ", whose requests go to POST /v1" + std::string(route));
  }
  return std::nullopt;
}

}  // namespace

json parse_observation(const std::string& out) {
  std::size_t end = out.size();
  while (end > 0) {
    const std::size_t start = out.rfind('\n', end - 1);
    const std::size_t from = start == std::string::npos ? 0 : start + 1;
    const std::string line = out.substr(from, end - from);
    if (line.find_first_not_of(" \t\r") != std::string::npos)
      return json::parse(line, nullptr, false);
    if (from == 0) break;
    end = from - 1;
  }
  return json(json::value_t::discarded);
}

Verdict judge_observation(const json& expectation, const json& observation,
                          const std::vector<json>& attempts, bool stream, client::ClientApi api) {
  const std::string kind = expectation.value("kind", "");
  if (kind == "no_hang_no_crash") return pass();
  if (kind == "matches_served") return judge_matches_served(observation, attempts, stream, api);
  if (kind == "error") return judge_error(expectation, observation);
  if (kind == "retries") return judge_retries(expectation, observation, attempts, stream, api);
  if (kind == "no_retry") {
    if (attempts.size() != 1) {
      return fail("expected exactly 1 attempt, the journal shows " +
                  std::to_string(attempts.size()) + " (statuses " + attempt_list(attempts) + ")");
    }
    return judge_error(expectation, observation);
  }
  return fail("unknown expectation kind " + json(kind).dump());
}

Verdict judge_run(const json& expectation, const AdapterRun& run, const std::vector<json>& attempts,
                  bool stream, client::ClientApi api) {
  if (run.launch_failed) return fail("the adapter could not be launched");
  if (run.timed_out) {
    return fail("hang: no result within " + std::to_string(std::lround(run.elapsed_ms)) +
                " ms; the adapter was killed");
  }
  if (run.signal != 0)
    return fail("crash: the adapter died of signal " + std::to_string(run.signal));
  // /bin/sh reports a child killed by signal N as exit status 128 + N.
  if (run.exit_code > kShellSignalBase && run.exit_code <= kShellSignalBase + kMaxSignal) {
    return fail("crash: the adapter died of signal " +
                std::to_string(run.exit_code - kShellSignalBase) + " (shell exit status " +
                std::to_string(run.exit_code) + ")");
  }
  const json observation = parse_observation(run.out);
  if (observation.is_discarded()) return unparsable_output(run);
  if (observation.is_object() && observation.contains("skip")) {
    const json why = observation.at("skip");
    return {Outcome::kSkip, why.is_string() ? why.get<std::string>() : why.dump()};
  }
  if (observation.is_object() && observation.contains("unsupported")) {
    const json why = observation.at("unsupported");
    return {
        Outcome::kSkip,
        "unsupported by this client: " + (why.is_string() ? why.get<std::string>() : why.dump()),
        false, false};
  }
  if (auto malformed = malformed_observation(observation))
    return fail("malformed observation: " + *malformed);
  if (auto misrouted = wrong_route(attempts, api)) return *misrouted;
  return judge_observation(expectation, observation, attempts, stream, api);
}

std::string outcome_name(Outcome outcome) {
  switch (outcome) {
    case Outcome::kPass:
      return "pass";
    case Outcome::kFail:
      return "fail";
    case Outcome::kSkip:
      return "skip";
  }
  return "fail";
}

}  // namespace chatmock::conform
