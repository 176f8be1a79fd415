// StubMapping: one configured canned behaviour (WireMock's StubMapping) — what it matches, what
// it replies (one reply, or a sequence whose last repeats), an optional scenario layered on top,
// and WireMock-style scenario state. Values only; parsing is stub_parser's, serving the registry's.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "api/chat_completion.h"
#include "scenarios/scenario_expression.h"
#include "stubbing/request_pattern.h"
#include "synthesis/reply_definition.h"
#include "wire/wire_reply.h"

namespace chatmock::stubbing {

/// What kind of answer a reply gives.
enum class StubReplyKind {
  http,        ///< status, headers and body bytes; a 2xx ChatCompletion body streams when asked
  chunks,      ///< a recorded stream replayed write for write, with its delays and framing
  synthesize,  ///< the synthesizer with overrides (content, tool calls, finish_reason…)
};

struct StubReply {
  StubReplyKind kind = StubReplyKind::http;
  int status = 200;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;  ///< without content-type
  std::string body;                                          ///< http: the exact bytes sent
  std::optional<api::ChatCompletion> completion;  ///< http: the body as a completion, if it is one
  std::vector<wire::WireWrite> chunks;            ///< chunks: each write after its delay
  wire::WireEnding ending = wire::WireEnding::complete;
  std::optional<std::size_t> declared_length;  ///< http + cut: the Content-Length announced
  synthesis::ReplyDefinition definition;       ///< synthesize: the overrides
};

/// The WireMock scenario state every scenario starts in.
inline constexpr std::string_view kStartedState = "Started";

struct StubMapping {
  std::string id;
  std::string name;
  int priority = 5;  ///< 1 is the highest (WireMock's default is 5)
  RequestPattern request;
  std::vector<StubReply> replies;  ///< served in order per session; the last repeats
  std::string scenario;            ///< scenario expression layered on every reply ("" = none)
  scenarios::Composition layers;   ///< `scenario` parsed (one step: `+` only)
  std::string scenario_name;       ///< WireMock scenario this stub takes part in
  std::optional<std::string> required_state;
  std::optional<std::string> new_state;
  std::string source;                 ///< "path/file.json:LINE", or "admin API"
  bool from_file = false;             ///< reloaded by SIGHUP; API stubs survive reloads
  bool demo = false;                  ///< one of the shipped demo stubs (fixtures/mappings)
  std::string session;                ///< answers only this session's requests ("" = any)
  nlohmann::ordered_json definition;  ///< the stub as written, for GET /_chatmock/fixtures
  std::uint64_t order = 0;            ///< registration order; among equals the newest wins

  /// True when serving it reads or writes per-session state (sequences, scenario state).
  bool stateful() const { return replies.size() > 1 || !scenario_name.empty(); }
};

}  // namespace chatmock::stubbing
