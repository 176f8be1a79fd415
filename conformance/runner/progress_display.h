// ProgressDisplay: how chatmock-conform shows its per-case lines. On a terminal, passing cases
// advance one redrawn bar and only failures and skips stay on screen; anywhere else (CI logs,
// pipes, files) every line is printed as it is, so logs stay greppable.
#pragma once

#include <cstddef>
#include <memory>
#include <ostream>
#include <sstream>
#include <string>

namespace chatmock::conform {

/// An ostream that takes the runner's "[i/n] STANDING case…" lines and renders them.
class ProgressDisplay : public std::ostream {
 public:
  /// `terminal` chooses the bar; `width` is the bar's length in cells.
  ProgressDisplay(std::ostream& sink, bool terminal, std::size_t width = 30);
  ~ProgressDisplay() override;
  /// Clears the bar so the caller's next line starts on a clean row.
  void finish();

 private:
  class LineBuffer;
  void render(const std::string& line);
  std::ostream& out_;
  bool terminal_;
  std::size_t width_;
  bool bar_shown_ = false;
  std::unique_ptr<std::streambuf> buffer_;
};

/// True when file descriptor 1 is a terminal and $TERM is not "dumb".
bool stdout_is_terminal();

}  // namespace chatmock::conform
