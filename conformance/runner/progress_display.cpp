// The runner writes whole lines under its own mutex, so the buffer sees each line once and in
// order; the bar is redrawn with a carriage return and cleared with ANSI "erase line" (ECMA-48
// EL, CSI 2 K) before a line that must stay.
#include "runner/progress_display.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace chatmock::conform {

class ProgressDisplay::LineBuffer : public std::stringbuf {
 public:
  explicit LineBuffer(ProgressDisplay& owner) : owner_(owner) {}

 protected:
  int sync() override {
    std::string text = str();
    std::size_t start = 0;
    for (std::size_t end = text.find('\n'); end != std::string::npos;
         end = text.find('\n', start)) {
      owner_.render(text.substr(start, end - start));
      start = end + 1;
    }
    str(text.substr(start));
    return 0;
  }

 private:
  ProgressDisplay& owner_;
};

ProgressDisplay::ProgressDisplay(std::ostream& sink, bool terminal, std::size_t width)
    : std::ostream(nullptr), out_(sink), terminal_(terminal), width_(width) {
  buffer_ = std::make_unique<LineBuffer>(*this);
  rdbuf(buffer_.get());
}

ProgressDisplay::~ProgressDisplay() { finish(); }

void ProgressDisplay::finish() {
  flush();
  if (bar_shown_) out_ << "\r\x1b[2K" << std::flush;
  bar_shown_ = false;
}

void ProgressDisplay::render(const std::string& line) {
  std::size_t done = 0, total = 0;
  char standing[32] = {};
  const bool counted =
      std::sscanf(line.c_str(), "[%zu/%zu] %31s", &done, &total, standing) == 3 && total > 0;
  if (!terminal_ || !counted) {
    if (bar_shown_) out_ << "\r\x1b[2K";
    bar_shown_ = false;
    out_ << line << '\n' << std::flush;
    return;
  }
  const bool keep = std::strcmp(standing, "PASS") != 0 && std::strcmp(standing, "XFAIL") != 0;
  if (keep) out_ << "\r\x1b[2K" << line << '\n';
  const std::size_t filled = width_ * done / total;
  std::string bar(filled, '#');
  bar.append(width_ - filled, '.');
  std::string label = line.substr(line.find(']') + 2);
  if (label.size() > 50) label = label.substr(0, 47) + "...";
  out_ << "\r\x1b[2K[" << bar << "] " << done << "/" << total << " " << label << std::flush;
  bar_shown_ = true;
}

bool stdout_is_terminal() {
  const char* term = std::getenv("TERM");
  return ::isatty(STDOUT_FILENO) == 1 && (term == nullptr || std::strcmp(term, "dumb") != 0);
}

}  // namespace chatmock::conform
