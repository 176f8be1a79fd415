// httplib_compat: the spots where chatmock's HTTP seam depends on what differs between the
// cpp-httplib releases it builds on (Debian 12's 0.11.4, Ubuntu 24.04's 0.14.3, Debian 13's
// 0.18.7; docs/ci.md). Each adapter is chosen at compile time from the installed header, and a
// release that matches none of the known shapes fails to compile here, naming what changed.
#pragma once

#include <httplib.h>

#include <functional>
#include <string>
#include <type_traits>
#include <utility>

namespace chatmock::http::compat {

/// What TaskQueue::enqueue returns: void up to 0.17; bool from 0.18, where false tells the
/// accept loop the task was refused, so it closes the socket itself.
using EnqueueResult =
    decltype(std::declval<httplib::TaskQueue&>().enqueue(std::function<void()>()));
static_assert(std::is_same_v<EnqueueResult, void> || std::is_same_v<EnqueueResult, bool>,
              "cpp-httplib's TaskQueue::enqueue changed its return type: adapt ElasticThreadPool");

/// `accepted` in the shape this release's TaskQueue::enqueue returns.
template <class Result = EnqueueResult>
Result enqueue_result([[maybe_unused]] bool accepted) {
  if constexpr (std::is_same_v<Result, bool>) return accepted;
}

template <class>
inline constexpr bool unknown_release = false;

/// Server::process_request (protected) for one request read from `stream`. Up to 0.17 httplib
/// asks the stream for the peer's address; from 0.18 the caller passes both addresses in.
/// `server` is the subclass calling it, through which the protected member is reachable.
template <class Server>
bool process_request(Server& server, httplib::Stream& stream, bool close_connection,
                     bool& connection_closed) {
  if constexpr (requires {
                  server.process_request(stream, close_connection, connection_closed, nullptr);
                }) {
    return server.process_request(stream, close_connection, connection_closed, nullptr);
  } else if constexpr (requires(const std::string& ip, int port) {
                         server.process_request(stream, ip, port, ip, port, close_connection,
                                                connection_closed, nullptr);
                       }) {
    std::string remote_ip;
    std::string local_ip;
    int remote_port = -1;
    int local_port = -1;
    stream.get_remote_ip_and_port(remote_ip, remote_port);
    stream.get_local_ip_and_port(local_ip, local_port);
    return server.process_request(stream, remote_ip, remote_port, local_ip, local_port,
                                  close_connection, connection_closed, nullptr);
  } else {
    static_assert(unknown_release<Server>,
                  "cpp-httplib's Server::process_request changed: adapt httplib_compat.h");
    return false;
  }
}

}  // namespace chatmock::http::compat
