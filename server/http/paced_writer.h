// PacedWriter: a timer-driven writer that owns the sockets of paced replies. cpp-httplib serves a
// connection on one pool thread until it closes, so a stream that sleeps 20 ms between chunks
// would hold a thread for its whole life; handed to the writer, it costs one heap entry instead,
// and thousands of paced streams share a single thread that wakes only when a write is due.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "wire/wire_reply.h"

namespace chatmock::http {

/// A reply whose status line and headers are already on the socket; the writer sends the rest.
struct PacedStream {
  int fd = -1;
  std::shared_ptr<const wire::WireReply> reply;
  std::size_t next = 0;  ///< index of the next write in reply->writes
  /// When writes[next] is due. Delays accumulate on this absolute schedule, so time spent
  /// writing or waking up never pushes later chunks back.
  std::chrono::steady_clock::time_point due;
  bool keep_alive = true;  ///< hand the connection back when the body completes
  /// The request's cancel flag (may be null): raised when the client hangs up mid-stream.
  std::shared_ptr<std::atomic<bool>> cancel;
};

/// Unsent bytes one stream may hold beyond the (shared, immutable) reply: writes that come due
/// while the client reads slowly wait in the reply until the socket takes these.
inline constexpr std::size_t kMaxUnsentBytes = 256 * 1024;
/// How often streams waiting for their next write are checked for a client that hung up.
inline constexpr std::chrono::milliseconds kHangUpCheckInterval{250};

/// How an adopted connection ended, reported so its owner can serve the next request on it.
enum class PacedOutcome {
  completed,  ///< body sent in full: the connection may carry the next request
  closed,     ///< cut on purpose, client gone or write timeout: the writer closed the socket
};

class PacedWriter {
 public:
  /// Called on the writer thread with the fd of every completed stream that may be reused
  /// (`completed` and keep_alive). The callee owns the fd from then on.
  using Reuse = std::function<void(int fd)>;
  /// Called on the writer thread after it closed a stream's fd (cut, client gone, timeout, stop).
  using Closed = std::function<void()>;

  /// `write_timeout`: a client that accepts no byte for this long is dropped; every byte it
  /// accepts restarts the timer, so a slow but steady reader is never cut.
  explicit PacedWriter(Reuse reuse,
                       std::chrono::milliseconds write_timeout = std::chrono::seconds(5),
                       Closed closed = {});
  ~PacedWriter();  ///< finishes what is due within a short bound, then closes the rest
  PacedWriter(const PacedWriter&) = delete;
  PacedWriter& operator=(const PacedWriter&) = delete;

  /// Takes ownership of stream.fd; writes[stream.next] goes out at stream.due. After shut_down()
  /// the connection is closed at once.
  void adopt(PacedStream stream);
  /// Finishes what it can until `drain_deadline`, closes the rest and joins the thread; no
  /// connection is handed back for reuse from then on. Idempotent.
  void shut_down(std::chrono::steady_clock::time_point drain_deadline);
  void shut_down() { shut_down(std::chrono::steady_clock::now() + std::chrono::seconds(3)); }
  /// The first half of shut_down(), without waiting: nothing is handed back for reuse from now.
  void begin_shut_down(std::chrono::steady_clock::time_point drain_deadline);
  /// Streams currently owned.
  std::size_t active() const;

  struct Entry;  ///< a stream plus its unsent bytes (defined in the .cpp)

 private:
  static bool later(const std::unique_ptr<Entry>& a, const std::unique_ptr<Entry>& b);
  void run();
  /// Sends what is due for one stream; false once the stream is finished (and its fd handed on).
  bool advance(Entry& entry, std::chrono::steady_clock::time_point now);
  void finish(Entry& entry, PacedOutcome outcome);
  /// Closes every stream whose client hung up (FIN, RST); called with mutex_ held.
  void drop_hung_up(std::unique_lock<std::mutex>& lock);

  Reuse reuse_;
  Closed closed_;
  std::chrono::milliseconds write_timeout_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<std::unique_ptr<Entry>> heap_;  ///< min-heap on Entry::stream.due
  std::vector<std::unique_ptr<Entry>> incoming_;
  std::size_t active_ = 0;
  bool stopping_ = false;
  bool finishing_ = false;  ///< shut_down() waits: the thread exits once no stream is left
  bool stopped_ = false;    ///< the thread has exited: adopt() closes at once
  std::chrono::steady_clock::time_point drain_deadline_{};
  std::mutex join_mutex_;
  std::thread thread_;
};

/// The bytes of one write on the wire: a chunk frame when chunked (empty writes send nothing).
std::string frame_write(const std::string& bytes, bool chunked);

}  // namespace chatmock::http
