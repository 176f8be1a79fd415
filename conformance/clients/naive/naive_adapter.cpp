// chatmock-client-naive: a deliberately naive client, the kind the conformance suite exists to
// catch. It reads only choices[0].message.content (or the delta contents of a stream), reports
// every finish_reason as "stop", ignores refusal, tool calls and usage, and never retries.
// tests/integration/conformance shows the runner failing it on exactly those cases.
#include <httplib.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "chatmock/client/base_url.h"

namespace {

using nlohmann::json;

std::string read_stdin() {
  std::string input;
  std::array<char, 65536> buffer{};
  std::size_t got = 0;
  while ((got = std::fread(buffer.data(), 1, buffer.size(), stdin)) > 0)
    input.append(buffer.data(), got);
  return input;
}

json naive_success(const std::string& id, const std::string& model, const json& content) {
  return {{"ok", true},
          {"id", id},
          {"model", model},
          {"usage", nullptr},
          {"choices", json::array({{{"index", 0},
                                    {"finish_reason", "stop"},
                                    {"content", content},
                                    {"refusal", nullptr},
                                    {"tool_calls", json::array()},
                                    {"function_call", nullptr}}})}};
}

// The stream as a naive reader sees it: every "data: " line, content deltas of choice 0 appended.
json read_stream(const std::string& body) {
  std::istringstream lines(body);
  std::string line, id, model;
  json content = nullptr;
  while (std::getline(lines, line)) {
    if (line.rfind("data: ", 0) != 0 || line.rfind("data: [DONE]", 0) == 0) continue;
    const json chunk = json::parse(line.substr(6), nullptr, false);
    if (!chunk.is_object()) continue;
    id = chunk.value("id", id);
    model = chunk.value("model", model);
    const json choices = chunk.value("choices", json::array());
    if (!choices.is_array() || choices.empty()) continue;
    const json delta = choices[0].value("delta", json::object());
    if (delta.is_object() && delta.contains("content") && delta["content"].is_string()) {
      content = (content.is_string() ? content.get<std::string>() : "") +
                delta["content"].get<std::string>();
    }
  }
  return naive_success(id, model, content);
}

}  // namespace

int main() {
  json request = json::parse(read_stdin(), nullptr, false);
  const char* base = std::getenv("OPENAI_BASE_URL");
  const auto url = chatmock::client::parse_base_url(base == nullptr ? "" : base);
  if (!request.is_object() || !url) {
    std::cout
        << R"({"ok":false,"error":{"status":null,"type":"adapter_error","code":null,"message":"bad input"}})"
        << "\n";
    return 2;
  }
  if (request.value("api", "chat") == "responses") {
    std::cout << R"({"unsupported":"the naive adapter speaks Chat Completions only"})"
              << "\n";
    return 0;
  }
  httplib::Headers headers;
  const json extra_headers = request.value("headers", json::object());
  for (const auto& [name, value] : extra_headers.items()) {
    headers.emplace(name, value.is_string() ? value.get<std::string>() : value.dump());
  }
  request.erase("headers");
  const char* key = std::getenv("OPENAI_API_KEY");
  headers.emplace("Authorization", std::string("Bearer ") + (key == nullptr ? "" : key));
  httplib::Client client(url->scheme + "://" + url->host + ":" + std::to_string(url->port));
  client.set_read_timeout(60, 0);
  const auto response =
      client.Post(url->path("/chat/completions"), headers, request.dump(), "application/json");
  json observation;
  if (!response) {
    observation = {{"ok", false},
                   {"error",
                    {{"status", nullptr},
                     {"type", "connection_error"},
                     {"code", nullptr},
                     {"message", "no response"}}}};
  } else if (response->status / 100 != 2) {
    const json body = json::parse(response->body, nullptr, false);
    const json error = body.is_object() ? body.value("error", json::object()) : json::object();
    observation = {{"ok", false},
                   {"error",
                    {{"status", response->status},
                     {"type", error.value("type", json())},
                     {"code", error.value("code", json())},
                     {"message", error.value("message", json())}}}};
  } else if (request.value("stream", false)) {
    observation = read_stream(response->body);
  } else {
    const json body = json::parse(response->body, nullptr, false);
    // Straight to choices[0].message.content, as a great deal of real code does.
    const json choices = body.is_object() ? body.value("choices", json::array()) : json::array();
    const json first = choices.is_array() && !choices.empty() ? choices[0] : json::object();
    const json message =
        first.is_object() ? first.value("message", json::object()) : json::object();
    observation = naive_success(body.is_object() ? body.value("id", "") : "",
                                body.is_object() ? body.value("model", "") : "",
                                message.is_object() ? message.value("content", json()) : json());
  }
  std::cout << observation.dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
  return 0;
}
