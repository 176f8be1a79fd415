// The writer thread: a min-heap of streams ordered by when their next write is due. Sockets are
// written with MSG_DONTWAIT, so one slow reader never stalls the others: what the socket does not
// take stays pending and is retried shortly, until the write timeout gives up on that client.
#include "http/paced_writer.h"

#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>

namespace chatmock::http {

namespace {
using Clock = std::chrono::steady_clock;
/// How soon a socket that would block is tried again.
constexpr auto kRetryInterval = std::chrono::milliseconds(2);
/// How long a stopping writer keeps streaming before it closes what is left.
constexpr auto kDrainBound = std::chrono::seconds(3);

void close_connection(int fd) {
  ::shutdown(fd, SHUT_RDWR);
  ::close(fd);
}
}  // namespace

struct PacedWriter::Entry {
  PacedStream stream;
  std::string pending;  ///< framed bytes the socket has not taken yet
  std::size_t pending_sent = 0;
  bool body_framed = false;  ///< every write (and the terminating chunk) is in `pending`
  Clock::time_point wake_at;
  std::optional<Clock::time_point> blocked_since;
};

std::string frame_write(const std::string& bytes, bool chunked) {
  if (!chunked || bytes.empty()) return bytes;
  char size[20];
  const int n = std::snprintf(size, sizeof size, "%zx\r\n", bytes.size());
  std::string out;
  out.reserve(static_cast<std::size_t>(n) + bytes.size() + 2);
  out.append(size, static_cast<std::size_t>(n)).append(bytes).append("\r\n");
  return out;
}

PacedWriter::PacedWriter(Reuse reuse, std::chrono::milliseconds write_timeout)
    : reuse_(std::move(reuse)), write_timeout_(write_timeout), thread_([this] { run(); }) {}

PacedWriter::~PacedWriter() { shut_down(); }

void PacedWriter::shut_down() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  std::lock_guard join_lock(join_mutex_);
  if (thread_.joinable()) thread_.join();
}

void PacedWriter::adopt(PacedStream stream) {
  auto entry = std::make_unique<Entry>();
  entry->wake_at = stream.due;
  entry->stream = std::move(stream);
  {
    std::lock_guard lock(mutex_);
    if (stopped_) {
      close_connection(entry->stream.fd);
      return;
    }
    incoming_.push_back(std::move(entry));
    ++active_;
  }
  wake_.notify_one();
}

std::size_t PacedWriter::active() const {
  std::lock_guard lock(mutex_);
  return active_;
}

void PacedWriter::run() {
  std::vector<std::unique_ptr<Entry>> due;
  std::optional<Clock::time_point> drain_deadline;
  std::unique_lock lock(mutex_);
  for (;;) {
    for (auto& entry : incoming_) {
      heap_.push_back(std::move(entry));
      std::push_heap(heap_.begin(), heap_.end(), later);
    }
    incoming_.clear();
    if (stopping_ && !drain_deadline) drain_deadline = Clock::now() + kDrainBound;
    if (stopping_ && (heap_.empty() || Clock::now() >= *drain_deadline)) break;
    if (heap_.empty()) {
      wake_.wait(lock, [this] { return stopping_ || !incoming_.empty(); });
      continue;
    }
    if (heap_.front()->wake_at > Clock::now()) {
      auto until = heap_.front()->wake_at;
      if (drain_deadline) until = std::min(until, *drain_deadline);
      wake_.wait_until(lock, until, [&] { return !incoming_.empty() || (stopping_ && !drain_deadline); });
      continue;
    }
    const auto now = Clock::now();
    while (!heap_.empty() && heap_.front()->wake_at <= now) {
      std::pop_heap(heap_.begin(), heap_.end(), later);
      due.push_back(std::move(heap_.back()));
      heap_.pop_back();
    }
    lock.unlock();
    std::size_t finished = 0;
    for (auto& entry : due) {
      if (advance(*entry, now)) continue;
      ++finished;
      entry.reset();
    }
    lock.lock();
    active_ -= finished;
    for (auto& entry : due) {
      if (!entry) continue;
      heap_.push_back(std::move(entry));
      std::push_heap(heap_.begin(), heap_.end(), later);
    }
    due.clear();
  }
  // Out of time while stopping: whatever is left is cut, as a server going down would.
  for (auto& entry : heap_) close_connection(entry->stream.fd);
  heap_.clear();
  active_ = 0;
  stopped_ = true;
}

bool PacedWriter::advance(Entry& entry, Clock::time_point now) {
  auto& s = entry.stream;
  const auto& writes = s.reply->writes;
  while (!entry.body_framed && s.due <= now) {
    if (s.next < writes.size()) {
      entry.pending += frame_write(writes[s.next].bytes, s.reply->chunked);
      ++s.next;
      if (s.next < writes.size()) s.due += writes[s.next].delay;
      continue;
    }
    if (s.reply->chunked && s.reply->ending == wire::WireEnding::complete) entry.pending += "0\r\n\r\n";
    entry.body_framed = true;
  }
  while (entry.pending_sent < entry.pending.size()) {
    const auto n = ::send(s.fd, entry.pending.data() + entry.pending_sent, entry.pending.size() - entry.pending_sent,
                          MSG_DONTWAIT | MSG_NOSIGNAL);
    if (n > 0) {
      entry.pending_sent += static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
    finish(entry, PacedOutcome::closed);  // the client is gone
    return false;
  }
  if (entry.pending_sent < entry.pending.size()) {
    if (!entry.blocked_since) entry.blocked_since = now;
    if (now - *entry.blocked_since > write_timeout_) {
      finish(entry, PacedOutcome::closed);
      return false;
    }
    entry.wake_at = now + kRetryInterval;
    return true;
  }
  entry.pending.clear();
  entry.pending_sent = 0;
  entry.blocked_since.reset();
  if (entry.body_framed) {
    finish(entry, s.reply->ending == wire::WireEnding::cut ? PacedOutcome::closed : PacedOutcome::completed);
    return false;
  }
  entry.wake_at = s.due;
  return true;
}

void PacedWriter::finish(Entry& entry, PacedOutcome outcome) {
  bool reuse = outcome == PacedOutcome::completed && entry.stream.keep_alive && reuse_;
  if (reuse) {
    std::lock_guard lock(mutex_);
    reuse = !stopping_;
  }
  if (reuse) {
    reuse_(entry.stream.fd);
  } else {
    close_connection(entry.stream.fd);
  }
  entry.stream.fd = -1;
}

bool PacedWriter::later(const std::unique_ptr<Entry>& a, const std::unique_ptr<Entry>& b) {
  return a->wake_at > b->wake_at;
}

}  // namespace chatmock::http
