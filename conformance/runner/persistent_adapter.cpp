// The adapter stays up between cases, so everything that could leave the two sides out of step
// (a late answer, extra lines, a crash mid-case) ends this process and the next case starts a
// fresh one: a case never reads another case's answer.
#include "runner/persistent_adapter.h"

#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <nlohmann/json.hpp>

namespace chatmock::conform {
namespace {

using Clock = std::chrono::steady_clock;

// Where the answer line ends (just past its newline), or npos while none has arrived. Lines
// that are not a JSON object are the adapter's logs and are passed over; `scanned` is where the
// first line not yet judged starts, so each read judges only the lines it completed.
std::size_t answer_end(const std::string& out, std::size_t& scanned) {
  for (std::size_t newline = out.find('\n', scanned); newline != std::string::npos;
       newline = out.find('\n', scanned)) {
    const std::string_view line(out.data() + scanned, newline - scanned);
    scanned = newline + 1;
    const auto first = line.find_first_not_of(" \t\r");
    if (first != std::string_view::npos && line[first] == '{' &&
        nlohmann::json::accept(line.substr(first))) {
      return newline + 1;
    }
  }
  return std::string::npos;
}

}  // namespace

PersistentAdapter::PersistentAdapter(std::string command,
                                     std::map<std::string, std::string> environment)
    : command_(std::move(command)), environment_(std::move(environment)) {}

PersistentAdapter::~PersistentAdapter() {
  AdapterRun ignored;
  stop(ignored, false);
}

void PersistentAdapter::stop(AdapterRun& run, bool kill) {
  if (child_.pid < 0) return;
  if (kill) ::killpg(child_.pid, SIGKILL);
  // A closed stdin is the adapter's signal to exit; one that lingers is killed after a second.
  close_child_pipes(child_);
  reap_adapter(child_.pid, run, kill ? std::chrono::milliseconds(0) : std::chrono::seconds(1));
  child_ = {};
}

AdapterRun PersistentAdapter::exchange(const std::string& line, int timeout_ms) {
  AdapterRun run;
  const auto started = Clock::now();
  const auto deadline = started + std::chrono::milliseconds(timeout_ms);
  auto finish = [&] {
    run.elapsed_ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
    return run;
  };
  // One that ended after its last answer (exit at end of its work, say) is replaced before this
  // case is written to it, so the case is not charged with an exit it did not cause.
  if (int status = 0; child_.pid >= 0 && ::waitpid(child_.pid, &status, WNOHANG) == child_.pid) {
    ::killpg(child_.pid, SIGKILL);
    close_child_pipes(child_);
    child_ = {};
  }
  if (child_.pid < 0) {
    const auto child = spawn_adapter(command_, environment_);
    if (!child) {
      run.launch_failed = true;
      return finish();
    }
    child_ = *child;
  }
  std::size_t written = 0, scanned = 0;
  while (child_.out >= 0) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) {
      run.timed_out = true;
      stop(run, true);
      run.exit_code = -1;
      return finish();
    }
    if (!pump_adapter(child_, run, line, written,
                      static_cast<int>(std::min<long long>(left, 1000))))
      break;
    if (const std::size_t end = answer_end(run.out, scanned); end != std::string::npos) {
      // Anything after the answer belongs to no case: start afresh rather than guess.
      if (end != run.out.size()) {
        run.out.resize(end);
        AdapterRun ignored;
        stop(ignored, true);
      }
      run.exit_code = 0;
      return finish();
    }
  }
  // Its stdout closed before an answer: it exited (or crashed) on this case.
  stop(run, false);
  return finish();
}

}  // namespace chatmock::conform
