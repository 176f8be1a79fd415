// MockServer wraps app::App the way `chatmock serve` does, minus signals, the ready line and the
// request log: a test binary owns its process, so the server must neither print nor take SIGINT.
#include "chatmock/testing/mock_server.h"

#include <csignal>
#include <stdexcept>
#include <thread>

#include "app/app.h"

namespace chatmock::testing {

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
  for (auto& event : impl_->app->context().journal.snapshot()) {
    out.push_back({std::move(event.id), std::move(event.method), std::move(event.path),
                   event.headers.to_vector(), std::move(event.body), std::move(event.scenario),
                   event.status});
  }
  return out;
}

void MockServer::clear_requests() { impl_->app->context().journal.reset(); }

}  // namespace chatmock::testing
