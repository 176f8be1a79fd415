// ConformanceCase: one named request to send through a client adapter and what must come of it,
// loaded from conformance/cases/*.json. This file owns the case file format (and its "forms"
// shorthand); judging an outcome lives in judgement.h.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "chatmock/client/chat_client.h"

namespace chatmock::conform {

/// One case after form expansion: `refusal.stream` is the stream form of case `refusal`.
struct ConformanceCase {
  std::string id;            ///< stable, e.g. "refusal.stream"; what --cases globs match
  std::string description;   ///< one sentence: the client behaviour it probes
  std::string scenario;      ///< scenario expression for X-Chatmock-Scenario ("" = none)
  std::string api = "chat";  ///< "chat" (POST /v1/chat/completions) or "responses" (/v1/responses)
  nlohmann::json request;    ///< the request body given to the adapter
  nlohmann::json headers;    ///< extra request headers (object), merged into the adapter input
  nlohmann::json
      expectation;     ///< {"kind": matches_served|error|no_hang_no_crash|retries|no_retry, …}
  int timeout_ms = 0;  ///< 0 = the run's --timeout-ms
  std::string source;  ///< file the case came from, for messages
};

/// Whether `c` is a Responses API case (`"api": "responses"`).
inline bool is_responses_case(const ConformanceCase& c) { return c.api == "responses"; }

/// How the reference client reads `c`'s replies.
inline client::ClientApi case_api(const ConformanceCase& c) {
  return is_responses_case(c) ? client::ClientApi::responses : client::ClientApi::chat_completions;
}

/// The server path `c`'s request goes to: /v1/chat/completions or /v1/responses.
inline std::string case_route(const ConformanceCase& c) {
  return is_responses_case(c) ? "/v1/responses" : "/v1/chat/completions";
}

/// What the adapter reads on stdin for `c`: its request plus `"headers"`, and `"api"` for a
/// Responses case (a Chat case's input is exactly the request, as adapters always saw it).
nlohmann::json adapter_input_for(const ConformanceCase& c, nlohmann::json headers);

/// Cases from one file's JSON: an array of case objects, or {"cases": [...]}. A case with
/// `"forms": ["json", "stream"]` becomes `<id>.json` and `<id>.stream` (stream form sets
/// `stream: true`, and for chat `stream_options.include_usage: true`). Throws std::runtime_error
/// naming the file and case on a malformed case.
std::vector<ConformanceCase> parse_cases(const nlohmann::json& document, const std::string& source);

/// Every case of every *.json file in `directory`, files in name order; throws on a bad file or
/// a duplicate id.
std::vector<ConformanceCase> load_cases(const std::string& directory);

/// Whether `id` matches a shell glob (`*`, `?`, `[...]`); several globs may be comma-separated.
bool matches_glob(std::string_view globs, std::string_view id);

/// The scenario names an expression mentions ("a+b,c" → a, b, c), for catalogue checks.
std::vector<std::string> scenario_names(std::string_view expression);

}  // namespace chatmock::conform
