// Shared builders for the stubbing tests: a request as the matcher sees it, and stubs and
// patterns parsed from JSON text exactly as fixture files are.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "stubbing/fixture_loader.h"
#include "stubbing/match_input.h"
#include "stubbing/stub_parser.h"

namespace chatmock::stubbing::testing {

/// A request body plus headers, owning what a MatchInput refers to.
struct TestRequest {
  nlohmann::json body;
  wire::HttpRequest http;

  explicit TestRequest(nlohmann::json b,
                       std::vector<std::pair<std::string, std::string>> headers = {})
      : body(std::move(b)) {
    http.path = "/v1/chat/completions";
    http.body = body.dump();
    for (auto& [name, value] : headers)
      http.headers.emplace_back(wire::lower_ascii(name), std::move(value));
  }
  MatchInput input() const { return {body, http}; }
};

inline RequestPattern pattern(const std::string& match_json) {
  const auto json = nlohmann::ordered_json::parse(match_json);
  return parse_request_pattern(FixtureReader(json, "/match"));
}

inline StubMapping stub(const std::string& json_text) {
  return parse_stub(nlohmann::ordered_json::parse(json_text), "");
}

inline nlohmann::json user_request(const std::string& text,
                                   const std::string& model = "gpt-4o-mini") {
  return {{"model", model}, {"messages", {{{"role", "user"}, {"content", text}}}}};
}

}  // namespace chatmock::stubbing::testing
