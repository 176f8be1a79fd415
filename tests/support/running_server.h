// RunningServer: a real chatmock App on an ephemeral loopback port, served from a background
// thread for the lifetime of the object — what integration tests talk to over real sockets.
#pragma once

#include <memory>
#include <string>
#include <thread>

#include "app/app.h"

namespace chatmock::testing {

class RunningServer {
 public:
  /// Starts `config` on 127.0.0.1:0 with request logging off; throws when it cannot bind.
  explicit RunningServer(app::Config config = {});
  ~RunningServer();
  RunningServer(const RunningServer&) = delete;
  RunningServer& operator=(const RunningServer&) = delete;

  int port() const { return port_; }
  /// "http://127.0.0.1:PORT/v1"
  std::string base_url() const;
  app::App& app() { return *app_; }

 private:
  std::unique_ptr<app::App> app_;
  std::thread serving_;
  int port_ = 0;
};

}  // namespace chatmock::testing
