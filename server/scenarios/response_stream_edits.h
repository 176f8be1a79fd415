// Edits of a Responses event list (docs/interface.md, Responses streaming) that the stream
// scenarios share: finding the content, cutting the stream, the mid-stream `error` event and
// renumbering. Pure functions over the event JSON, in send order.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "responses/response_json.h"

namespace chatmock::scenarios {

using ResponseEvents = std::vector<responses::Json>;

/// Index of the first event at or after `from` whose type is `type`, or events.size().
std::size_t find_event(const ResponseEvents& events, std::string_view type, std::size_t from = 0);
/// Index of the first event whose type ends in `.delta`, or events.size().
std::size_t first_delta(const ResponseEvents& events);
/// Index just past the middle delta of the stream (at least one delta kept).
std::size_t mid_content(const ResponseEvents& events);
/// Index of the terminal event (response.completed, .incomplete or .failed), or events.size().
std::size_t terminal_event(const ResponseEvents& events);

/// Gives every event sequence_number 0, 1, 2, … in send order.
void renumber(ResponseEvents& events);
/// Keeps the first `keep` events (no terminal event among them when it is cut away).
void keep_first(ResponseEvents& events, std::size_t keep);
/// A mid-stream error event: the spec's flat code/message/param plus the nested `error` object
/// some live streams send (every SDK reads one of the two). sequence_number follows `events`.
responses::Json error_event(const ResponseEvents& events, std::string_view code,
                            std::string_view message);

}  // namespace chatmock::scenarios
