// The handler only writes the signal number to a pipe (async-signal-safe); a watcher thread does
// the real work (waitpid, remove_all), which a handler must not.
#include "runner/interrupt_cleanup.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <thread>

namespace chatmock::conform {
namespace {

int signal_pipe[2] = {-1, -1};
std::atomic<int> interrupting{0};

extern "C" void forward_signal(int signal_number) {
  const unsigned char byte = static_cast<unsigned char>(signal_number);
  [[maybe_unused]] const ssize_t ignored = ::write(signal_pipe[1], &byte, 1);
}

}  // namespace

int interrupting_signal() { return interrupting.load(); }

void stop_server_on_signals(ServerProcess& server) {
  if (signal_pipe[0] >= 0 || ::pipe2(signal_pipe, O_CLOEXEC) != 0) return;
  std::thread([&server] {
    unsigned char byte = 0;
    while (::read(signal_pipe[0], &byte, 1) != 1) {
    }
    std::fprintf(stderr, "chatmock-conform: signal %d: stopping the server and exiting\n", byte);
    interrupting = byte;
    server.stop();
    std::_Exit(128 + byte);
  }).detach();
  struct sigaction action {};
  action.sa_handler = forward_signal;
  sigemptyset(&action.sa_mask);
  for (const int signal_number : {SIGTERM, SIGINT, SIGHUP})
    ::sigaction(signal_number, &action, nullptr);
}

}  // namespace chatmock::conform
