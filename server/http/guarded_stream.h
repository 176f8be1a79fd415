// GuardedStream: the httplib::Stream GuardedServer hands to httplib for one request. It reads
// the bytes the connection loop already buffered (the request head) before the socket, and every
// read and write is bounded by a deadline instead of httplib's per-recv timeouts.
#pragma once

#include <httplib.h>

#include <cstddef>
#include <functional>
#include <string>

#include "http/connection_io.h"
#include "http/guarded_server.h"

namespace chatmock::http {

/// httplib's view of one request: bytes already buffered by read_head first, then the
/// connection, all under the request deadline (and never past the drain deadline).
class GuardedStream final : public httplib::Stream {
 public:
  GuardedStream(ConnectionIo& io, ConnectionHandOff& hand_off, std::string& pending,
                Clock::time_point read_deadline, std::function<Clock::time_point()> write_deadline)
      : io_(io),
        hand_off_(hand_off),
        sock_(io.socket()),
        pending_(pending),
        read_deadline_(read_deadline),
        write_deadline_(std::move(write_deadline)) {}
  /// Drops what httplib consumed from the buffer; the rest is the next (pipelined) request.
  ~GuardedStream() override { pending_.erase(0, consumed_); }

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override;

 private:
  ConnectionIo& io_;
  ConnectionHandOff& hand_off_;
  int sock_;
  std::string& pending_;
  std::size_t consumed_ = 0;
  Clock::time_point read_deadline_;
  std::function<Clock::time_point()> write_deadline_;

  [[gnu::noinline]] ssize_t read_socket(char* ptr, size_t size);
};

}  // namespace chatmock::http
