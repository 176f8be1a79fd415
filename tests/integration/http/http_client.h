// Small helpers over httplib::Client for integration tests: a client bound to a RunningServer
// and a POST of a Chat Completions or Responses body with the usual headers.
#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>

#include "support/running_server.h"

namespace chatmock::testing {

inline httplib::Client client_for(const RunningServer& server) {
  httplib::Client client("127.0.0.1", server.port());
  client.set_read_timeout(10, 0);
  client.set_tcp_nodelay(true);
  return client;
}

inline httplib::Headers auth_headers(httplib::Headers extra = {}) {
  extra.emplace("Authorization", "Bearer sk-test-integration");
  return extra;
}

inline httplib::Result post_chat(httplib::Client& client, const nlohmann::json& body,
                                 httplib::Headers extra = {},
                                 const std::string& path = "/v1/chat/completions") {
  return client.Post(path, auth_headers(std::move(extra)), body.dump(), "application/json");
}

inline httplib::Result post_response(httplib::Client& client, const nlohmann::json& body,
                                     httplib::Headers extra = {},
                                     const std::string& path = "/v1/responses") {
  return post_chat(client, body, std::move(extra), path);
}

/// The JSON body of a reply that arrived.
inline nlohmann::json body_of(const httplib::Result& res) {
  return nlohmann::json::parse(res->body);
}

inline nlohmann::json simple_request(bool stream = false) {
  return {{"model", "gpt-4o-mini"},
          {"messages", {{{"role", "user"}, {"content", "Say hello"}}}},
          {"stream", stream}};
}

}  // namespace chatmock::testing
