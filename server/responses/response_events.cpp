// Each output item gets added → its own body events → done, in output order: a message's parts
// (text or refusal deltas, then annotation.added per annotation), a function call's argument
// deltas, a reasoning item's summary parts, a web search's in_progress/searching/completed. The
// lifecycle snapshots (created, in_progress) are the Response with status in_progress, no output
// and no usage (the schema types usage as an object).
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

/// `where` (item_id, output_index, …) followed by `fields`.
Json at(const Json& where, Json fields) {
  Json out = where;
  for (auto& [key, value] : fields.items()) out[key] = std::move(value);
  return out;
}

Json in_progress_snapshot(const Json& response) {
  Json snapshot = response;
  snapshot["status"] = "in_progress";
  snapshot["completed_at"] = nullptr;
  snapshot["incomplete_details"] = nullptr;
  snapshot["error"] = nullptr;
  snapshot["output"] = Json::array();
  snapshot.erase("usage");
  return snapshot;
}

/// An output_text part's logprobs as stream events carry them (token, logprob, top_logprobs of
/// token and logprob: the API's ResponseLogProb); [] when the part has none.
Json event_logprobs(const Json& part) {
  Json out = Json::array();
  const auto found = part.find("logprobs");
  if (found == part.end() || !found->is_array()) return out;
  // A scenario may have broken an entry: a field of the wrong type goes out as the empty value.
  const auto brief = [](const Json& entry) {
    const auto token = entry.find("token");
    const auto logprob = entry.find("logprob");
    return Json{{"token", token != entry.end() && token->is_string() ? *token : Json("")},
                {"logprob", logprob != entry.end() && logprob->is_number() ? *logprob : Json(0.0)}};
  };
  for (const auto& entry : *found) {
    if (!entry.is_object()) continue;
    Json shown = brief(entry);
    Json alternatives = Json::array();
    for (const auto& alternative : entry.value("top_logprobs", Json::array())) {
      if (alternative.is_object()) alternatives.push_back(brief(alternative));
    }
    shown["top_logprobs"] = std::move(alternatives);
    out.push_back(std::move(shown));
  }
  return out;
}

/// The entries from `next` whose tokens make up the next `bytes` of text; `next` moves past them.
Json logprobs_covering(const Json& logprobs, std::size_t bytes, std::size_t& next) {
  Json out = Json::array();
  std::size_t covered = 0;
  while (covered < bytes && next < logprobs.size()) {
    covered += logprobs[next]["token"].get_ref<const std::string&>().size();
    out.push_back(logprobs[next++]);
  }
  return out;
}

void add_text_part(EventList& events, const Json& where, const Json& part, synthesis::Rng& rng) {
  const bool refusal = part["type"] == "refusal";
  const std::string key = refusal ? "refusal" : "text";
  const std::string kind = refusal ? "response.refusal" : "response.output_text";
  Json empty = part;
  empty[key] = "";
  if (!refusal) empty["annotations"] = Json::array();
  events.add("response.content_part.added", at(where, {{"part", empty}}));
  const auto text = part.value(key, std::string());
  // The part's logprobs (include asked for them) go out with the deltas holding their tokens.
  const Json logprobs = refusal ? Json::array() : event_logprobs(part);
  std::size_t next_logprob = 0;
  for (auto& delta : text_deltas(text, rng)) {
    Json fields = {{"delta", delta}};
    if (!refusal) fields["logprobs"] = logprobs_covering(logprobs, delta.size(), next_logprob);
    events.add(kind + ".delta", at(where, std::move(fields)));
  }
  if (!refusal) {
    const auto& annotations = part.value("annotations", Json::array());
    for (std::size_t i = 0; i < annotations.size(); ++i) {
      events.add("response.output_text.annotation.added",
                 at(where, {{"annotation_index", i}, {"annotation", annotations[i]}}));
    }
  }
  Json done = {{key, text}};
  if (!refusal) done["logprobs"] = logprobs;
  events.add(kind + ".done", at(where, std::move(done)));
  events.add("response.content_part.done", at(where, {{"part", part}}));
}

void add_item_body(EventList& events, const Json& item, std::size_t index, synthesis::Rng& rng) {
  const Json where = {{"item_id", item.value("id", std::string())}, {"output_index", index}};
  const auto& type = item["type"];
  if (type == "message") {
    const auto& content = item["content"];
    for (std::size_t part = 0; part < content.size(); ++part) {
      add_text_part(events, at(where, {{"content_index", part}}), content[part], rng);
    }
  } else if (type == "function_call") {
    const auto arguments = item.value("arguments", std::string());
    for (auto& delta : text_deltas(arguments, rng)) {
      events.add("response.function_call_arguments.delta", at(where, {{"delta", delta}}));
    }
    events.add("response.function_call_arguments.done",
               at(where, {{"name", item["name"]}, {"arguments", arguments}}));
  } else if (type == "web_search_call" || type == "file_search_call") {
    const std::string prefix = "response." + type.get<std::string>() + ".";
    for (const char* phase : {"in_progress", "searching", "completed"}) {
      events.add(prefix + phase, where);
    }
  } else if (type == "reasoning") {
    const auto& summary = item["summary"];
    for (std::size_t i = 0; i < summary.size(); ++i) {
      const Json part_at = at(where, {{"summary_index", i}});
      const auto text = summary[i].value("text", std::string());
      events.add("response.reasoning_summary_part.added",
                 at(part_at, {{"part", {{"type", "summary_text"}, {"text", ""}}}}));
      for (auto& delta : text_deltas(text, rng)) {
        events.add("response.reasoning_summary_text.delta", at(part_at, {{"delta", delta}}));
      }
      events.add("response.reasoning_summary_text.done", at(part_at, {{"text", text}}));
      events.add("response.reasoning_summary_part.done", at(part_at, {{"part", summary[i]}}));
    }
  }
}

/// The item as output_item.added shows it: in progress, with nothing generated yet.
Json added_form(const Json& item) {
  Json added = item;
  if (added.contains("status")) added["status"] = "in_progress";
  if (added.contains("content")) added["content"] = Json::array();
  if (added.contains("arguments")) added["arguments"] = "";
  if (added["type"] == "reasoning") added["summary"] = Json::array();
  return added;
}

std::string_view terminal_type(const Json& response) {
  const auto& status = response["status"];
  if (status == "incomplete") return "response.incomplete";
  if (status == "failed") return "response.failed";
  return "response.completed";
}
}  // namespace

std::vector<std::string> text_deltas(const std::string& text, synthesis::Rng& rng) {
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

std::vector<Json> response_events(const Json& response, synthesis::Rng rng) {
  EventList events;
  const Json snapshot = in_progress_snapshot(response);
  events.add("response.created", {{"response", snapshot}});
  events.add("response.in_progress", {{"response", snapshot}});
  const auto& output = response["output"];
  for (std::size_t index = 0; index < output.size(); ++index) {
    const Json& item = output[index];
    events.add("response.output_item.added", {{"output_index", index}, {"item", added_form(item)}});
    add_item_body(events, item, index, rng);
    events.add("response.output_item.done", {{"output_index", index}, {"item", item}});
  }
  events.add(terminal_type(response), {{"response", response}});
  return events.take();
}

std::string encode_response_event(const Json& event) {
  return streaming::encode_event({dump(event), event["type"].get<std::string>()});
}

}  // namespace chatmock::responses
