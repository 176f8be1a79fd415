// MockServer wraps app::App the way `chatmock serve` does, minus signals, the ready line and the
// request log: a test binary owns its process, so the server must neither print nor take SIGINT.
// MockSession calls the admin endpoints in-process, so sessions follow the server's own rules.
#include "chatmock/testing/mock_server.h"

#include <algorithm>
#include <csignal>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <thread>

#include "app/admin_endpoints.h"
#include "app/admin_journal.h"
#include "app/app.h"
#include "reply/directives_session.h"
#include "reply/error_reply.h"

namespace chatmock::testing {

namespace {

RecordedRequest recorded(journal::ServeEvent event) {
  return {std::move(event.id),   std::move(event.method),
          std::move(event.path), event.headers.to_vector(),
          std::move(event.body), std::move(event.scenario),
          event.status,          std::move(event.session)};
}

using AdminEndpoint = wire::WireReply (*)(app::ServerContext&, const wire::HttpRequest&);

/// What `endpoint` answers a JSON POST to `path`?session=`session`; a 4xx (a bad pattern or
/// stub) is std::invalid_argument with the server's message.
nlohmann::json admin_post(app::ServerContext& server, AdminEndpoint endpoint, std::string path,
                          const std::string& session, const nlohmann::json& body) {
  wire::HttpRequest request;
  request.path = std::move(path);
  request.headers = {{"content-type", "application/json"}};
  request.query = {{"session", session}};
  request.body = body.dump();
  const auto reply = endpoint(server, request);
  auto answer = nlohmann::json::parse(reply.body(), nullptr, false);
  if (reply.status >= 400) {
    std::string message = reply.body();
    if (answer.is_object() && answer.contains("error") && answer["error"].is_object())
      message = answer["error"].value("message", message);
    throw std::invalid_argument("chatmock::testing::MockSession " + session + ": HTTP " +
                                std::to_string(reply.status) + ": " + message);
  }
  return answer;
}

}  // namespace

struct MockServer::Impl {
  std::unique_ptr<app::App> app;
  std::thread serving;
  int port = 0;
};

MockServer::MockServer(MockServerOptions options) : impl_(std::make_unique<Impl>()) {
  std::signal(SIGPIPE, SIG_IGN);  // a client hanging up mid-stream must not kill the test binary
  app::Config config;
  config.http.host = "127.0.0.1";
  config.http.port = 0;
  config.log = app::LogFormat::off;
  config.no_auth = !options.require_auth;
  config.fixture_dirs = std::move(options.fixture_dirs);
  config.default_scenario = std::move(options.scenario);
  config.seed = options.seed;
  config.validation.lenient_params = options.lenient_params;
  impl_->app = std::make_unique<app::App>(std::move(config));
  std::string error;
  impl_->port = impl_->app->start(error);
  if (impl_->port < 0) throw std::runtime_error("chatmock::testing::MockServer: " + error);
  impl_->serving = std::thread([app = impl_->app.get()] { app->run_until_stopped(); });
}

MockServer::~MockServer() {
  impl_->app->stop();
  if (impl_->serving.joinable()) impl_->serving.join();
}

std::string MockServer::base_url() const {
  return "http://127.0.0.1:" + std::to_string(impl_->port) + "/v1";
}

int MockServer::port() const { return impl_->port; }

void MockServer::set_scenario(std::string scenario) {
  impl_->app->context().defaults.set_scenario(std::move(scenario));
}

void MockServer::set_seed(std::optional<std::uint64_t> seed) {
  impl_->app->context().defaults.set_seed(seed);
}

std::vector<RecordedRequest> MockServer::requests() const {
  std::vector<RecordedRequest> out;
  for (auto& event : impl_->app->context().journal.snapshot())
    out.push_back(recorded(std::move(event)));
  return out;
}

void MockServer::clear_requests() { impl_->app->context().journal.reset(); }

MockSession MockServer::session(std::string name) const {
  if (!reply::valid_path_session(name)) {
    throw std::invalid_argument("chatmock::testing::MockServer::session: '" + name +
                                "' is not 1 to 128 of A-Z a-z 0-9 . _ ~ : @ + = , -");
  }
  return MockSession(*this, std::move(name));
}

MockSession::MockSession(const MockServer& server, std::string name)
    : server_(&server), name_(std::move(name)) {}

std::string MockSession::base_url() const {
  return "http://127.0.0.1:" + std::to_string(server_->port()) + "/sessions/" + name_ + "/v1";
}

std::vector<RecordedRequest> MockSession::requests() const {
  std::vector<RecordedRequest> out;
  for (auto& event : server_->impl_->app->context().journal.snapshot()) {
    if (event.session == name_) out.push_back(recorded(std::move(event)));
  }
  return out;
}

std::size_t MockSession::count(const nlohmann::json& pattern) const {
  return admin_post(server_->impl_->app->context(), app::admin_count_requests,
                    "/_chatmock/requests/count", name_, pattern)
      .at("count")
      .get<std::size_t>();
}

std::vector<RecordedRequest> MockSession::find(const nlohmann::json& pattern) const {
  auto& server = server_->impl_->app->context();
  // The server's matcher picks the events; they come back as JSON, so each is paired with the
  // journal event it was made from, to hand out the same bytes requests() does. Taken first,
  // the snapshot holds every event found, in the same order, except ones recorded meanwhile.
  auto events = server.journal.snapshot();
  const auto found =
      admin_post(server, app::admin_find_requests, "/_chatmock/requests/find", name_, pattern)
          .at("requests");
  std::vector<RecordedRequest> out;
  std::size_t next = 0;
  for (auto& event : events) {
    if (next == found.size()) break;
    // Ids repeat (one body twice in a millisecond); an event equal in every field is the same
    // request as far as any pattern can tell.
    if (event.session != name_ || event.id != found[next].value("id", std::string()) ||
        reply::dump_json(journal::to_json_value(event)) != reply::dump_json(found[next])) {
      continue;
    }
    out.push_back(recorded(std::move(event)));
    ++next;
  }
  return out;
}

std::vector<std::string> MockSession::add_stub(nlohmann::json stub) const {
  const auto scope = [this](nlohmann::json& one) {
    if (one.is_object()) one["session"] = name_;  // anything else: the server says what is wrong
  };
  if (stub.is_array()) {
    std::for_each(stub.begin(), stub.end(), scope);
  } else {
    scope(stub);
  }
  return admin_post(server_->impl_->app->context(), app::admin_add_fixtures, "/_chatmock/fixtures",
                    name_, stub)
      .at("ids")
      .get<std::vector<std::string>>();
}

void MockSession::clear_requests() const {
  server_->impl_->app->context().journal.reset_session(name_);
}

}  // namespace chatmock::testing
