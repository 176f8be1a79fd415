// The SSE form of a Response (docs/interface.md, Responses): response.created … response.completed,
// each event one `event: TYPE` / `data: JSON` block with sequence_number 0, 1, 2, … and no [DONE].
// Rendered from the finished Response, so the deltas always join to the JSON form's text.
#pragma once

#include <string>
#include <vector>

#include "responses/response_json.h"
#include "synthesis/random.h"

namespace chatmock::responses {

/// The stream's events as JSON objects, in send order; `rng` only decides how text is split
/// into deltas.
std::vector<Json> response_events(const Json& response, synthesis::Rng rng);

/// `text` split into deltas of 1-3 token pieces each, joined they give `text` back.
std::vector<std::string> text_deltas(const std::string& text, synthesis::Rng& rng);

/// One event framed for the wire: "event: TYPE\ndata: JSON\n\n".
std::string encode_response_event(const Json& event);

}  // namespace chatmock::responses
