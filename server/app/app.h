// App: the composition root. It owns the ServerContext and the HttpServer, loads fixtures and
// prepares the recorder, prints the ready line, writes --port-file, turns SIGINT/SIGTERM into a
// graceful stop and SIGHUP into a fixture reload.
#pragma once

#include <memory>
#include <string>

#include "app/config.h"
#include "app/server_context.h"
#include "http/http_server.h"

namespace chatmock::app {

class App {
 public:
  explicit App(Config config);
  ~App();

  /// Loads fixtures, prepares --record, binds the socket; returns the port, or -1 with `error`
  /// set (a fixture's file:line, port in use, bad TLS files).
  int start(std::string& error);
  /// Re-reads the fixture folders; on an invalid file keeps the current stubs and returns false
  /// with `error` set. Requests in flight finish with the stubs they started with.
  bool reload_fixtures(std::string& error);
  /// Serves until stop() or a signal; returns the process exit code.
  int run_until_stopped();
  /// Stops serving (any thread).
  void stop();
  ServerContext& context() { return *context_; }

 private:
  std::unique_ptr<ServerContext> context_;
  std::unique_ptr<http::HttpServer> server_;
};

/// Runs `chatmock serve` with `config`: start, ready line, port file, serve, exit code.
int run_server(Config config);

}  // namespace chatmock::app
