// chatmock-client-cpp: the conformance adapter (docs/interface.md "Conformance observation").
// stdin: one request object per line, plus optional "headers" and "api" ("responses": POST
// /v1/responses); env OPENAI_BASE_URL, OPENAI_API_KEY; stdout: exactly one observation line per
// stdin line (chatmock-conform --persistent sends many). Exit 0 whatever the server did; 2 for bad
// adapter input (the last case's status).
#include <cstdlib>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "chatmock/client/chat_client.h"
#include "chatmock/client/observation.h"

namespace {

using nlohmann::json;

constexpr int kBadInput = 2;

void print(const json& observation) {
  // `replace`: a server may send invalid UTF-8 inside strings; the line must still be printed.
  std::cout << observation.dump(-1, ' ', false, json::error_handler_t::replace) << '\n'
            << std::flush;
}

int fail_input(const std::string& message) {
  print(chatmock::client::error_observation(nullptr, "adapter_error", nullptr, message));
  return kBadInput;
}

// Makes the request one stdin line asks for and prints its observation; the exit status the
// adapter would end with for it.
int run_case(const std::string& line) {
  try {
    json request = json::parse(line, nullptr, false);
    if (!request.is_object()) return fail_input("stdin is not one JSON object");

    std::map<std::string, std::string> headers;
    if (auto it = request.find("headers"); it != request.end()) {
      if (it->is_object()) {
        for (const auto& [name, value] : it->items()) {
          headers[name] = value.is_string() ? value.get<std::string>() : value.dump();
        }
      }
      request.erase(it);
    }

    std::string api = "chat";
    if (auto it = request.find("api"); it != request.end()) {
      if (!it->is_string()) return fail_input("\"api\" must be \"chat\" or \"responses\"");
      api = it->get<std::string>();
      request.erase(it);
      if (api != "chat" && api != "responses")
        return fail_input("\"api\" must be \"chat\" or \"responses\"");
    }

    const char* base_url = std::getenv("OPENAI_BASE_URL");
    if (base_url == nullptr || *base_url == '\0') return fail_input("OPENAI_BASE_URL is not set");
    const char* api_key = std::getenv("OPENAI_API_KEY");

    chatmock::client::ChatClient client(base_url, api_key == nullptr ? "" : api_key);
    print(api == "responses" ? client.create_response(request, headers)
                             : client.create(request, headers));
    return 0;
  } catch (const std::exception& e) {
    print(chatmock::client::error_observation(nullptr, "adapter_error", nullptr, e.what()));
    return 1;
  }
}

}  // namespace

int main() {
  int status = 0;
  bool any = false;
  for (std::string line; std::getline(std::cin, line);) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    any = true;
    status = run_case(line);
  }
  return any ? status : fail_input("stdin is not one JSON object");
}
