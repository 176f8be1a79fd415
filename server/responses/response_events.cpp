// Message items only in this slice: each item gets added → part added → text deltas → text done
// → part done → item done; the lifecycle snapshots (created, in_progress) are the Response with
// status in_progress, no output and no usage (the schema types usage as an object, not null).
#include "responses/response_events.h"

#include "streaming/sse_encoder.h"
#include "synthesis/token_splitter.h"

namespace chatmock::responses {

namespace {
class EventList {
 public:
  /// Appends an event of `type` with `fields` after type and sequence_number.
  void add(std::string_view type, Json fields) {
    Json event = {{"type", type}, {"sequence_number", events_.size()}};
    for (auto& [key, value] : fields.items()) event[key] = std::move(value);
    events_.push_back(std::move(event));
  }
  std::vector<Json> take() { return std::move(events_); }

 private:
  std::vector<Json> events_;
};

Json in_progress_snapshot(const Json& response) {
  Json snapshot = response;
  snapshot["status"] = "in_progress";
  snapshot["completed_at"] = nullptr;
  snapshot["incomplete_details"] = nullptr;
  snapshot["output"] = Json::array();
  snapshot.erase("usage");
  return snapshot;
}

/// The text split into deltas of 1-3 token pieces each.
std::vector<std::string> deltas_of(const std::string& text, synthesis::Rng& rng) {
  std::vector<std::string> deltas;
  const auto pieces = synthesis::split_tokens(text);
  for (std::size_t i = 0; i < pieces.size();) {
    const auto take = static_cast<std::size_t>(rng.between(1, 3));
    std::string delta;
    for (std::size_t k = 0; k < take && i < pieces.size(); ++k, ++i) delta += pieces[i];
    deltas.push_back(std::move(delta));
  }
  return deltas;
}

void add_text_part(EventList& events, const Json& where, std::size_t content_index,
                   const Json& part, synthesis::Rng& rng) {
  auto at = [&](Json fields) {
    Json out = where;
    out["content_index"] = content_index;
    for (auto& [key, value] : fields.items()) out[key] = std::move(value);
    return out;
  };
  Json empty = part;
  empty["text"] = "";
  events.add("response.content_part.added", at({{"part", empty}}));
  const auto text = part.value("text", std::string());
  for (auto& delta : deltas_of(text, rng)) {
    events.add("response.output_text.delta", at({{"delta", delta}, {"logprobs", Json::array()}}));
  }
  events.add("response.output_text.done", at({{"text", text}, {"logprobs", Json::array()}}));
  events.add("response.content_part.done", at({{"part", part}}));
}
}  // namespace

std::vector<Json> response_events(const Json& response, synthesis::Rng rng) {
  EventList events;
  const Json snapshot = in_progress_snapshot(response);
  events.add("response.created", {{"response", snapshot}});
  events.add("response.in_progress", {{"response", snapshot}});
  const auto& output = response["output"];
  for (std::size_t index = 0; index < output.size(); ++index) {
    const Json& item = output[index];
    Json added = item;
    added["status"] = "in_progress";
    added["content"] = Json::array();
    events.add("response.output_item.added", {{"output_index", index}, {"item", added}});
    const Json where = {{"item_id", item["id"]}, {"output_index", index}};
    const auto& content = item["content"];
    for (std::size_t part = 0; part < content.size(); ++part) {
      add_text_part(events, where, part, content[part], rng);
    }
    events.add("response.output_item.done", {{"output_index", index}, {"item", item}});
  }
  const bool complete = response["status"] == "completed";
  events.add(complete ? "response.completed" : "response.incomplete", {{"response", response}});
  return events.take();
}

std::string encode_response_event(const Json& event) {
  return streaming::encode_event({dump(event), event["type"].get<std::string>()});
}

}  // namespace chatmock::responses
