// ConnectionServer: an httplib::Server that runs its own keep-alive loop per connection, so a
// connection can leave the loop without being closed — handed to the PacedWriter mid-reply — and
// come back for its next request afterwards. Only server/http/ sees this (it includes httplib.h).
#pragma once

#include <httplib.h>

#include <functional>

namespace chatmock::http {

/// The connection being served on this thread, for a content provider that wants to adopt it.
struct ConnectionHandOff {
  int fd = -1;
  bool adopted = false;  ///< set by whoever took the socket: the loop then neither reads nor closes it

  /// The connection served on the calling thread, or nullptr outside a ConnectionServer loop.
  static ConnectionHandOff* current();
};

class ConnectionServer : public httplib::Server {
 public:
  /// Serves the next requests on a connection handed back after an adopted reply completed.
  /// Runs on the calling thread (a pool thread) like any accepted connection.
  void serve_connection(int fd) { process_and_close_socket(fd); }

 protected:
  bool process_and_close_socket(socket_t sock) override;
};

}  // namespace chatmock::http
