// The constructor returns only after bind(), so a test's first request can never race the
// listener; the destructor stops and joins, so each test leaves no thread or socket behind.
#include "support/running_server.h"

#include <csignal>
#include <stdexcept>

namespace chatmock::testing {

RunningServer::RunningServer(app::Config config) {
  std::signal(SIGPIPE, SIG_IGN);  // a test client hanging up must not kill the test binary
  config.http.port = 0;
  config.log = app::LogFormat::off;
  app_ = std::make_unique<app::App>(std::move(config));
  std::string error;
  port_ = app_->start(error);
  if (port_ < 0) throw std::runtime_error("chatmock failed to start: " + error);
  serving_ = std::thread([this] { app_->run_until_stopped(); });
}

RunningServer::~RunningServer() {
  app_->stop();
  if (serving_.joinable()) serving_.join();
}

std::string RunningServer::base_url() const {
  return "http://127.0.0.1:" + std::to_string(port_) + "/v1";
}

}  // namespace chatmock::testing
