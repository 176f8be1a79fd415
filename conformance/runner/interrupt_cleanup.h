// A conformance run stopped by CI (SIGTERM on a timeout) or Ctrl-C must not leave its chatmock
// child listening or its /tmp/chatmock-conform-* folder behind.
#pragma once

#include "runner/server_process.h"

namespace chatmock::conform {

/// From now on, SIGTERM, SIGINT and SIGHUP stop `server` (process and temporary folder) and end
/// the runner with status 128 + signal. `server` must outlive the run.
void stop_server_on_signals(ServerProcess& server);

/// The signal that is stopping the runner, or 0. The main thread may see the server stopped
/// before the watcher ends the process; it then exits with 128 + this signal as well.
int interrupting_signal();

}  // namespace chatmock::conform
