// ChatClient over cpp-httplib: one POST per attempt, retried per RetryPolicy until a response
// is final. Streaming bodies go through httplib's content receiver into a StreamReader, so any
// fragmentation is handled and nothing waits for the whole body. The only file that includes
// httplib.h in this library.
#include "chatmock/client/chat_client.h"

#include <httplib.h>

#include <cctype>
#include <exception>
#include <memory>
#include <thread>
#include <utility>

#include "chatmock/client/response_observation.h"
#include "chatmock/client/response_stream_reader.h"
#include "chatmock/client/stream_reader.h"

namespace chatmock::client {
namespace {

using nlohmann::json;

bool is_success(int status) { return status >= 200 && status <= 299; }

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// What one attempt produced. `status` stays -1 when no response head arrived.
struct AttemptResult {
  int status = -1;
  HeaderMap headers;
  std::string body;  ///< the body, except a 2xx stream body, which went to the StreamReader
  httplib::Error error = httplib::Error::Success;
  bool unsupported_scheme = false;  ///< https without OpenSSL support
};

std::unique_ptr<httplib::ClientImpl> make_http_client(const BaseUrl& url) {
  if (url.scheme == "https") {
#ifdef CPPHTTPLIB_OPENSSL_SUPPORT
    return std::make_unique<httplib::SSLClient>(url.host, url.port);
#else
    return nullptr;
#endif
  }
  return std::make_unique<httplib::ClientImpl>(url.host, url.port);
}

bool is_stream_request(const json& request) {
  auto stream = request.find("stream");
  return stream != request.end() && stream->is_boolean() && stream->get<bool>();
}

// The SDKs' request headers; `extra_headers` replace defaults of the same name.
httplib::Headers request_headers(const std::string& api_key, int retries_done,
                                 const std::map<std::string, std::string>& extra_headers) {
  httplib::Headers headers = {{"content-type", "application/json"}, {"accept", "application/json"}};
  if (!api_key.empty()) headers.emplace("authorization", "Bearer " + api_key);
  // The SDKs send the attempt number on every attempt (node client.ts:1383, py :488-497).
  headers.emplace("x-stainless-retry-count", std::to_string(retries_done));
  for (const auto& [name, value] : extra_headers) {
    headers.erase(name);  // httplib::Headers compares names case-insensitively
    headers.emplace(name, value);
  }
  return headers;
}

// One POST. A 2xx body goes to `reader` when there is one (a stream), anything else to `body`.
AttemptResult send_attempt(const BaseUrl& url, const std::string& route, int timeout_ms,
                           httplib::Headers headers, const std::string& body,
                           StreamBodyReader* reader) {
  AttemptResult result;
  std::unique_ptr<httplib::ClientImpl> http = make_http_client(url);
  if (!http) {
    result.unsupported_scheme = true;
    return result;
  }
  const auto timeout = std::chrono::milliseconds(timeout_ms);
  http->set_connection_timeout(timeout);
  http->set_read_timeout(timeout);
  http->set_write_timeout(timeout);

  httplib::Request req;
  req.method = "POST";
  req.path = url.path(route);
  req.headers = std::move(headers);
  req.body = body;
  req.response_handler = [&result](const httplib::Response& response) {
    result.status = response.status;
    for (const auto& [name, value] : response.headers) result.headers.emplace(lower(name), value);
    return true;
  };
  req.content_receiver = [&](const char* data, size_t size, uint64_t, uint64_t) {
    if (reader != nullptr && is_success(result.status)) {
      // Returning false after [DONE] or an error closes the connection, as the SDKs stop
      // iterating there (streaming.ts:106-108); httplib reports it as Error::Canceled.
      return reader->feed(std::string_view(data, size));
    }
    result.body.append(data, size);
    return true;
  };
  httplib::Response response;
  if (!http->send(req, response, result.error)) {
    if (result.error == httplib::Error::Success) result.error = httplib::Error::Unknown;
  } else if (result.status < 0) {
    result.status = response.status;  // e.g. 204: httplib skips the handler when there is no body
    for (const auto& [name, value] : response.headers) result.headers.emplace(lower(name), value);
  }
  return result;
}

}  // namespace

ChatClient::ChatClient(std::string base_url, std::string api_key, ClientOptions options)
    : base_url_text_(std::move(base_url)),
      base_url_(parse_base_url(base_url_text_)),
      api_key_(std::move(api_key)),
      options_(std::move(options)),
      policy_(options_.max_retries, options_.jitter, options_.now) {}

Observation ChatClient::create(const json& request,
                               const std::map<std::string, std::string>& extra_headers) const {
  return create_guarded(ClientApi::chat_completions, request, extra_headers);
}

Observation ChatClient::create_response(
    const json& request, const std::map<std::string, std::string>& extra_headers) const {
  return create_guarded(ClientApi::responses, request, extra_headers);
}

Observation ChatClient::create_guarded(
    ClientApi api, const json& request,
    const std::map<std::string, std::string>& extra_headers) const {
  // The reference client reports, it does not crash: anything unexpected becomes ok:false.
  try {
    return create_unguarded(api, request, extra_headers);
  } catch (const std::exception& e) {
    return error_observation(nullptr, "client_error", nullptr, e.what());
  } catch (...) {
    return error_observation(nullptr, "client_error", nullptr, "unknown exception");
  }
}

void ChatClient::sleep_for(std::chrono::milliseconds delay) const {
  if (options_.sleep) {
    options_.sleep(delay);
  } else {
    std::this_thread::sleep_for(delay);
  }
}

Observation ChatClient::create_unguarded(
    ClientApi api, const json& request,
    const std::map<std::string, std::string>& extra_headers) const {
  if (!base_url_) {
    return error_observation(nullptr, kConnectionError, nullptr,
                             "invalid base URL: " + base_url_text_);
  }
  const bool stream = is_stream_request(request);
  const std::string body = request.dump(-1, ' ', false, json::error_handler_t::replace);
  const bool responses = api == ClientApi::responses;
  const std::string route = responses ? "/responses" : "/chat/completions";

  for (int retries_done = 0;; ++retries_done) {
    std::unique_ptr<StreamBodyReader> reader;
    if (responses) {
      reader = std::make_unique<ResponseStreamReader>();
    } else {
      reader = std::make_unique<StreamReader>();
    }
    const AttemptResult result =
        send_attempt(*base_url_, route, options_.timeout_ms,
                     request_headers(api_key_, retries_done, extra_headers), body,
                     stream ? reader.get() : nullptr);
    if (result.unsupported_scheme) {
      return error_observation(nullptr, kConnectionError, nullptr, "https is not supported");
    }
    if (result.status < 0) {
      const RetryDecision decision = policy_.after_connection_error(retries_done);
      if (decision.retry) {
        sleep_for(decision.delay);
        continue;
      }
      return error_observation(nullptr, kConnectionError, nullptr,
                               "Connection error: " + httplib::to_string(result.error));
    }
    if (!is_success(result.status)) {
      // The decision rests on status and headers alone, as node's shouldRetry(response) does
      // before reading the body; a cut-off error body is still reported as far as it arrived.
      const RetryDecision decision =
          policy_.after_response(retries_done, result.status, result.headers);
      if (decision.retry) {
        sleep_for(decision.delay);
        continue;
      }
      return observation_from_error_response(result.status, result.body);
    }
    // A 2xx has started: the SDKs never retry from here (docs/openai-behaviour.md §3.3, "mid-stream
    // error"). Once [DONE] or an error ended the stream, how the connection closed does not matter.
    if (result.error != httplib::Error::Success && !(stream && reader->ended())) {
      return error_observation(nullptr, kConnectionError, nullptr,
                               "Connection error: " + httplib::to_string(result.error));
    }
    if (stream) return reader->finish();
    return responses ? responses_observation_from_body(result.status, result.body)
                     : observation_from_response(result.status, result.body);
  }
}

}  // namespace chatmock::client
