// Signals are blocked in every thread before the server's pool starts, and one thread waits
// for them with sigwait, so no handler ever runs on a pool thread mid-request (POSIX-safe).
// SIGHUP reloads fixtures on that same thread; SIGINT/SIGTERM stop the server.
#include "app/app.h"

#include <csignal>
#include <cstdio>
#include <fstream>
#include <thread>

#include "app/authorization.h"
#include "app/route_table.h"
#include "app/startup_summary.h"
#include "stubbing/fixture_loader.h"

namespace chatmock::app {

namespace {
bool write_port_file(const std::string& path, int port) {
  const std::string temp = path + ".tmp";
  {
    std::ofstream out(temp, std::ios::trunc);
    if (!out) return false;
    out << port << '\n';
    if (!out.flush()) return false;
  }
  return std::rename(temp.c_str(), path.c_str()) == 0;
}

/// The record folder first (so its stubs keep the ids the recorder gave them), then --fixtures;
/// the shipped corpus only when neither is given.
stubbing::FixtureSources fixture_sources(const Config& config) {
  stubbing::FixtureSources sources;
  if (config.record.enabled()) sources.dirs.push_back(config.record.dir);
  sources.dirs.insert(sources.dirs.end(), config.fixture_dirs.begin(), config.fixture_dirs.end());
  sources.shipped = sources.dirs.empty();
  return sources;
}

void wait_for_signals(App& app, const sigset_t& signals) {
  while (true) {
    int received = 0;
    if (sigwait(&signals, &received) != 0) continue;
    if (received != SIGHUP) {
      app.stop();
      return;
    }
    std::string error;
    if (app.reload_fixtures(error)) {
      std::fprintf(stderr, "chatmock: reloaded fixtures (%zu stubs)\n",
                   app.context().stubs.snapshot()->stubs.size());
    } else {
      std::fprintf(stderr, "chatmock: reload failed, keeping the current stubs: %s\n",
                   error.c_str());
    }
  }
}
}  // namespace

App::App(Config config) : context_(std::make_unique<ServerContext>(std::move(config))) {
  ServerContext* context = context_.get();
  server_ = std::make_unique<http::HttpServer>(
      context->config.http,
      [context](const wire::HttpRequest& request) { return route_request(*context, request); });
}

App::~App() = default;

int App::start(std::string& error) {
  auto& context = *context_;
  try {
    if (context.config.record.enabled()) {
      context.recorder =
          std::make_unique<recording::Recorder>(context.config.record, context.stubs);
    }
  } catch (const std::exception& e) {
    error = e.what();
    return -1;
  }
  if (!reload_fixtures(error)) return -1;
  return server_->bind(error);
}

bool App::reload_fixtures(std::string& error) {
  try {
    auto stubs = stubbing::load_fixtures(fixture_sources(context_->config));
    if (stubs.size() > context_->config.max_stubs) {
      error = std::to_string(stubs.size()) + " stubs in the fixtures exceed the limit of " +
              std::to_string(context_->config.max_stubs) + " (--max-stubs)";
      return false;
    }
    context_->stubs.replace_file_stubs(std::move(stubs));
    return true;
  } catch (const std::exception& e) {
    error = e.what();
    return false;
  }
}

int App::run_until_stopped() {
  server_->serve();
  return 0;
}

void App::stop() { server_->stop(); }

int run_server(Config config) {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  // SIGPIPE is the HTTP layer's to ignore (http::HttpServer), where sockets are written.

  const std::string host = config.http.host;
  if (!is_loopback_host(host)) {
    std::fprintf(stderr,
                 "chatmock: warning: listening on %s exposes the mock beyond this machine\n",
                 host.c_str());
  }
  const std::string port_file = config.port_file;
  App app(std::move(config));
  std::string error;
  const int port = app.start(error);
  if (port < 0) {
    std::fprintf(stderr, "chatmock: %s\n", error.c_str());
    return 1;
  }
  if (!port_file.empty() && !write_port_file(port_file, port)) {
    std::fprintf(stderr, "chatmock: cannot write port file %s\n", port_file.c_str());
    return 1;
  }
  std::thread waiter([&app, signals] { wait_for_signals(app, signals); });
  const bool tls = !app.context().config.http.tls_cert.empty();
  std::printf("chatmock listening on %s://%s:%d\n", tls ? "https" : "http", host.c_str(), port);
  std::fflush(stdout);
  if (app.context().config.log != LogFormat::off) {
    const std::string root =
        std::string(tls ? "https" : "http") + "://" + host + ":" + std::to_string(port);
    std::fprintf(
        stderr, "%s\n",
        startup_summary(app.context().config, root, app.context().stubs.snapshot()->stubs.size())
            .c_str());
  }
  const int code = app.run_until_stopped();
  // Wake the waiter if we stopped for another reason, then join it.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  return code;
}

}  // namespace chatmock::app
