// chatmock::testing::MockServer: a chatmock server inside the test process, for GoogleTest or
// any C++ test framework, and MockSession, one isolated session of it. It owns no HTTP client
// and exposes no server internals (the server sits behind a pimpl), so including this header
// pulls in only the standard library and nlohmann/json_fwd.hpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace chatmock::testing {

/// One request the server handled, as its journal (GET /_chatmock/requests) keeps it.
struct RecordedRequest {
  std::string id;                                            ///< the x-request-id sent back
  std::string method;                                        ///< "POST"
  std::string path;                                          ///< "/v1/chat/completions"
  std::vector<std::pair<std::string, std::string>> headers;  ///< secrets redacted
  std::string body;                                          ///< request body
  std::string scenario;                                      ///< the scenario that answered
  int status = 0;                                            ///< HTTP status sent
  std::string session;  ///< X-Chatmock-Session or the /sessions/{id}/ prefix ("" = none)
};

/// How to start a MockServer; the defaults suit a unit test.
struct MockServerOptions {
  std::vector<std::string> fixture_dirs;  ///< stub folders; none → the shipped fixtures
  bool require_auth = false;              ///< true: a missing API key gets the real 401
  std::string scenario = "default";       ///< initial scenario for requests that select none
  std::optional<std::uint64_t> seed;      ///< initial seed for requests that carry none
  bool lenient_params = false;            ///< true: accept request fields the API does not define
};

class MockServer;

/// One session of a MockServer: a client given base_url() is in it without extra headers, and
/// its journal, stubs and scenario sequences are its own, so tests or threads sharing a server
/// never see each other's. A cheap value; use it only while its MockServer lives. Thread-safe.
class MockSession {
 public:
  /// "http://127.0.0.1:PORT/sessions/NAME/v1".
  std::string base_url() const;
  const std::string& name() const { return name_; }
  /// This session's handled requests, oldest first.
  std::vector<RecordedRequest> requests() const;
  /// How many of this session's requests match `pattern`, a stub's "match" object
  /// (fixtures/README.md); std::invalid_argument names what is wrong with a bad pattern.
  std::size_t count(const nlohmann::json& pattern) const;
  /// This session's requests that match `pattern`, oldest first.
  std::vector<RecordedRequest> find(const nlohmann::json& pattern) const;
  /// Adds a stub (or an array of stubs) that answers this session only; returns the stub ids.
  /// std::invalid_argument names the field of an invalid stub.
  std::vector<std::string> add_stub(nlohmann::json stub) const;
  /// Empties this session's journal.
  void clear_requests() const;

 private:
  friend class MockServer;
  MockSession(const MockServer& server, std::string name);
  const MockServer* server_;
  std::string name_;
};

/// A chatmock server on 127.0.0.1 and an ephemeral port, serving from its own threads between
/// construction and destruction. Thread-safe; not copyable or movable.
class MockServer {
 public:
  /// Starts serving; throws std::runtime_error when the server cannot start.
  explicit MockServer(MockServerOptions options = {});
  /// Stops serving and waits for in-flight requests.
  ~MockServer();
  MockServer(const MockServer&) = delete;
  MockServer& operator=(const MockServer&) = delete;

  /// The OpenAI base URL, "http://127.0.0.1:PORT/v1".
  std::string base_url() const;
  /// The bound port.
  int port() const;
  /// Scenario expression (e.g. "refusal", "error_500,default") for requests that select none.
  void set_scenario(std::string scenario);
  /// Seed for requests that carry none (same request + same seed → same bytes); nullopt unseeds.
  void set_seed(std::optional<std::uint64_t> seed);
  /// Handled requests of every session, oldest first.
  std::vector<RecordedRequest> requests() const;
  /// Empties the journal.
  void clear_requests();
  /// Session `name`: 1 to 128 of A-Z a-z 0-9 . _ ~ : @ + = , - (it goes in a URL path), else
  /// std::invalid_argument.
  MockSession session(std::string name) const;

 private:
  friend class MockSession;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace chatmock::testing
