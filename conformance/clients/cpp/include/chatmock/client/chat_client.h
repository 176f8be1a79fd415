// ChatClient: a small, real OpenAI client over HTTP(S) — Chat Completions and the Responses API —
// the conformance reference client. It owns sending, retrying (RetryPolicy) and reading
// (StreamReader, ResponseStreamReader) one request; it reports an Observation and never throws.
// httplib stays inside chat_client.cpp.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "chatmock/client/base_url.h"
#include "chatmock/client/observation.h"
#include "chatmock/client/retry_policy.h"

namespace chatmock::client {

/// Knobs with the official SDKs' defaults (docs/openai-behaviour.md §3.3).
struct ClientOptions {
  int max_retries = RetryPolicy::kDefaultMaxRetries;
  int timeout_ms = 600000;  ///< connect, read and write timeout, per operation (SDK default 600 s)
  /// Waits between attempts; empty means std::this_thread::sleep_for. Tests inject a recorder.
  std::function<void(std::chrono::milliseconds)> sleep;
  RetryPolicy::JitterSource jitter;  ///< empty means random
  RetryPolicy::Clock now;            ///< empty means the system clock
};

/// Which route a request goes to and how its reply is observed.
enum class ClientApi {
  chat_completions,  ///< POST {base_url}/chat/completions
  responses,         ///< POST {base_url}/responses
};

/// POSTs requests to `{base_url}/chat/completions` or `{base_url}/responses` and observes the
/// result.
class ChatClient {
 public:
  /// An empty `api_key` sends no Authorization header.
  ChatClient(std::string base_url, std::string api_key, ClientOptions options = {});

  /// Sends `request` (streaming when it has `"stream": true`) with retries; never throws.
  Observation create(const nlohmann::json& request,
                     const std::map<std::string, std::string>& extra_headers = {}) const;

  /// The same for a Responses API request (POST /responses); the observation has the Responses
  /// shape (response_observation.h).
  Observation create_response(const nlohmann::json& request,
                              const std::map<std::string, std::string>& extra_headers = {}) const;

 private:
  Observation create_guarded(ClientApi api, const nlohmann::json& request,
                             const std::map<std::string, std::string>& extra_headers) const;
  Observation create_unguarded(ClientApi api, const nlohmann::json& request,
                               const std::map<std::string, std::string>& extra_headers) const;
  void sleep_for(std::chrono::milliseconds delay) const;

  std::string base_url_text_;
  std::optional<BaseUrl> base_url_;
  std::string api_key_;
  ClientOptions options_;
  RetryPolicy policy_;
};

}  // namespace chatmock::client
