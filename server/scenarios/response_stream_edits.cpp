// The error wording is the API's own 500 text, so a client's handling of a mid-stream failure
// and of the same failure as an HTTP 500 can be compared.
#include "scenarios/response_stream_edits.h"

#include <algorithm>

namespace chatmock::scenarios {

std::size_t find_event(const ResponseEvents& events, std::string_view type, std::size_t from) {
  for (std::size_t i = from; i < events.size(); ++i) {
    if (events[i].value("type", std::string()) == type) return i;
  }
  return events.size();
}

namespace {
bool is_delta(const responses::Json& event) {
  return event.value("type", std::string()).ends_with(".delta");
}
}  // namespace

std::size_t first_delta(const ResponseEvents& events) {
  const auto at = std::find_if(events.begin(), events.end(), is_delta);
  return static_cast<std::size_t>(at - events.begin());
}

std::size_t mid_content(const ResponseEvents& events) {
  std::vector<std::size_t> deltas;
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (is_delta(events[i])) deltas.push_back(i);
  }
  if (deltas.empty()) return std::min<std::size_t>(events.size(), 3);
  return deltas[(deltas.size() - 1) / 2] + 1;
}

std::size_t terminal_event(const ResponseEvents& events) {
  for (std::size_t i = 0; i < events.size(); ++i) {
    const auto type = events[i].value("type", std::string());
    if (type == "response.completed" || type == "response.incomplete" ||
        type == "response.failed") {
      return i;
    }
  }
  return events.size();
}

void renumber(ResponseEvents& events) {
  for (std::size_t i = 0; i < events.size(); ++i) events[i]["sequence_number"] = i;
}

void keep_first(ResponseEvents& events, std::size_t keep) {
  if (keep < events.size()) events.resize(keep);
}

responses::Json error_event(const ResponseEvents& events, std::string_view code,
                            std::string_view message) {
  return {{"type", "error"},
          {"sequence_number", events.size()},
          {"code", code},
          {"message", message},
          {"param", nullptr},
          {"error", {{"type", code}, {"code", code}, {"message", message}, {"param", nullptr}}}};
}

}  // namespace chatmock::scenarios
