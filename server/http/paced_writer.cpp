// The writer thread: a min-heap of streams ordered by when their next write is due. Sockets are
// written with MSG_DONTWAIT, so one slow reader never stalls the others: what the socket does not
// take stays pending and is retried shortly, until the write timeout gives up on that client.
#include "http/paced_writer.h"

#include <poll.h>
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

PacedWriter::PacedWriter(Reuse reuse, std::chrono::milliseconds write_timeout, Closed closed)
    : reuse_(std::move(reuse)),
      closed_(std::move(closed)),
      write_timeout_(write_timeout),
      thread_([this] { run(); }) {}

PacedWriter::~PacedWriter() { shut_down(); }

void PacedWriter::begin_shut_down(Clock::time_point drain_deadline) {
  {
    std::lock_guard lock(mutex_);
    if (!stopping_) drain_deadline_ = drain_deadline;
    stopping_ = true;
  }
  wake_.notify_all();
}

void PacedWriter::shut_down(Clock::time_point drain_deadline) {
  begin_shut_down(drain_deadline);
  {
    std::lock_guard lock(mutex_);
    finishing_ = true;
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
      if (closed_) closed_();
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
  auto next_hang_up_check = Clock::now() + kHangUpCheckInterval;
  std::unique_lock lock(mutex_);
  for (;;) {
    for (auto& entry : incoming_) {
      heap_.push_back(std::move(entry));
      std::push_heap(heap_.begin(), heap_.end(), later);
    }
    incoming_.clear();
    // Stopping but not yet finishing: a reply whose headers were just written may still be
    // adopted, and gets its drain time like the streams already here.
    if (stopping_ && (Clock::now() >= drain_deadline_ || (finishing_ && heap_.empty()))) break;
    if (heap_.empty()) {
      if (stopping_) {
        wake_.wait_until(lock, drain_deadline_,
                         [this] { return finishing_ || !incoming_.empty(); });
      } else {
        wake_.wait(lock, [this] { return stopping_ || !incoming_.empty(); });
      }
      continue;
    }
    // A stream waiting out a long delay (ttft of minutes) must not keep a vanished client's
    // descriptor and connection slot until then.
    if (Clock::now() >= next_hang_up_check) {
      drop_hung_up(lock);
      next_hang_up_check = Clock::now() + kHangUpCheckInterval;
      continue;
    }
    if (heap_.front()->wake_at > Clock::now()) {
      auto until = std::min(heap_.front()->wake_at, next_hang_up_check);
      if (stopping_) until = std::min(until, drain_deadline_);
      const bool was_stopping = stopping_;
      wake_.wait_until(lock, until,
                       [&] { return !incoming_.empty() || stopping_ != was_stopping; });
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
  for (auto& entry : heap_) {
    if (entry->stream.cancel) entry->stream.cancel->store(true);
    close_connection(entry->stream.fd);
    if (closed_) closed_();
  }
  heap_.clear();
  active_ = 0;
  stopped_ = true;
}

void PacedWriter::drop_hung_up(std::unique_lock<std::mutex>& lock) {
  std::vector<pollfd> fds;
  fds.reserve(heap_.size());
  for (const auto& entry : heap_) fds.push_back(pollfd{entry->stream.fd, POLLRDHUP, 0});
  if (::poll(fds.data(), fds.size(), 0) <= 0) return;
  std::vector<std::unique_ptr<Entry>> gone;
  std::size_t kept = 0;
  for (std::size_t i = 0; i < heap_.size(); ++i) {
    // POLLRDHUP: the client sent FIN; POLLHUP/POLLERR: reset or fully closed.
    if ((fds[i].revents & (POLLRDHUP | POLLHUP | POLLERR)) != 0) {
      gone.push_back(std::move(heap_[i]));
    } else {
      heap_[kept++] = std::move(heap_[i]);
    }
  }
  if (gone.empty()) return;
  heap_.resize(kept);
  std::make_heap(heap_.begin(), heap_.end(), later);
  active_ -= gone.size();
  lock.unlock();
  for (auto& entry : gone) finish(*entry, PacedOutcome::closed);
  lock.lock();
}

bool PacedWriter::advance(Entry& entry, Clock::time_point now) {
  auto& s = entry.stream;
  const auto& writes = s.reply->writes;
  if (entry.pending_sent > 0 && entry.pending_sent >= entry.pending.size() / 2) {
    entry.pending.erase(0, entry.pending_sent);  // what the socket took is not kept
    entry.pending_sent = 0;
  }
  // Frames only while the unsent bytes are under the bound: a slow reader's backlog stays in the
  // shared reply, and the schedule catches up as the socket drains.
  while (!entry.body_framed && s.due <= now &&
         entry.pending.size() - entry.pending_sent < kMaxUnsentBytes) {
    if (s.next < writes.size()) {
      entry.pending += frame_write(writes[s.next].bytes, s.reply->chunked);
      ++s.next;
      if (s.next < writes.size()) s.due += writes[s.next].delay;
      continue;
    }
    if (s.reply->chunked && s.reply->ending == wire::WireEnding::complete)
      entry.pending += "0\r\n\r\n";
    entry.body_framed = true;
  }
  while (entry.pending_sent < entry.pending.size()) {
    const auto n = ::send(s.fd, entry.pending.data() + entry.pending_sent,
                          entry.pending.size() - entry.pending_sent, MSG_DONTWAIT | MSG_NOSIGNAL);
    if (n > 0) {
      entry.pending_sent += static_cast<std::size_t>(n);
      entry.blocked_since.reset();  // progress: the write timeout starts again
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
    finish(entry, PacedOutcome::closed);  // the client is gone
    return false;
  }
  if (entry.pending_sent < entry.pending.size()) {
    if (!entry.blocked_since) entry.blocked_since = Clock::now();
    if (Clock::now() - *entry.blocked_since > write_timeout_) {
      finish(entry, PacedOutcome::closed);
      return false;
    }
    entry.wake_at = now + kRetryInterval;
    return true;
  }
  entry.pending.clear();
  entry.pending_sent = 0;
  entry.blocked_since.reset();
  if (!entry.body_framed && s.due <= now) {
    entry.wake_at = now;  // writes held back by the bound are due already
    return true;
  }
  if (entry.body_framed) {
    finish(entry, s.reply->ending == wire::WireEnding::cut ? PacedOutcome::closed
                                                           : PacedOutcome::completed);
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
    // Whatever the request still computes for this connection is wasted now.
    if (outcome == PacedOutcome::closed && entry.stream.cancel) entry.stream.cancel->store(true);
    close_connection(entry.stream.fd);
    if (closed_) closed_();
  }
  entry.stream.fd = -1;
}

bool PacedWriter::later(const std::unique_ptr<Entry>& a, const std::unique_ptr<Entry>& b) {
  return a->wake_at > b->wake_at;
}

}  // namespace chatmock::http
