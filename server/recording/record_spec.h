// RecordSpec: what `chatmock serve --record DIR --upstream URL [--record-mode new|all]` asks
// for (WireMock's RecordSpec). A value; the Recorder acts on it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace chatmock::recording {

/// Which requests go upstream.
enum class RecordMode {
  new_requests,  ///< "new": a request a stub matches is replayed; only misses are recorded
  all,           ///< "all": every request is proxied and recorded
};

struct RecordSpec {
  std::string dir;       ///< where fixtures are written (created when missing)
  std::string upstream;  ///< base URL as an SDK would use it, e.g. https://api.openai.com/v1
  RecordMode mode = RecordMode::new_requests;
  bool announce = true;  ///< print "chatmock: recorded FILE" on stderr

  bool enabled() const { return !dir.empty(); }
};

/// "new" or "all"; nullopt otherwise.
std::optional<RecordMode> parse_record_mode(std::string_view text);

}  // namespace chatmock::recording
