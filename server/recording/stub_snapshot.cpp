// A body is stored as JSON when re-serialising it reproduces the upstream bytes exactly (compact,
// or pretty-printed with body_indent); otherwise as body_text, or body_base64 when it is not
// UTF-8. Either way the replay is byte for byte. Tool-call ids are left out of the match because
// clients echo whatever ids the replay hands them, and a hand-edited conversation may not.
#include "recording/stub_snapshot.h"

#include <algorithm>
#include <array>
#include <cstdlib>

#include "recording/redactor.h"
#include "stubbing/fixture_bytes.h"
#include "stubbing/match_input.h"
#include "stubbing/stub_parser.h"
#include "text/base64.h"

namespace chatmock::recording {

namespace {
using Json = nlohmann::ordered_json;

constexpr std::array<std::string_view, 12> kUnrecordedHeaders = {"content-length",
                                                                 "transfer-encoding",
                                                                 "connection",
                                                                 "keep-alive",
                                                                 "date",
                                                                 "set-cookie",
                                                                 "alt-svc",
                                                                 "cf-ray",
                                                                 "cf-cache-status",
                                                                 "server",
                                                                 "strict-transport-security",
                                                                 "via"};
constexpr std::size_t kStemWords = 8;
constexpr std::size_t kMaxStem = 72;

Json redact_json(Json value, const Redactor& redactor) {
  if (value.is_string()) return redactor.redact(value.get_ref<const std::string&>());
  if (value.is_structured()) {
    for (auto& child : value) child = redact_json(std::move(child), redactor);
  }
  return value;
}

/// The body a recording matches on. `stream` and stream_options.include_usage leave it: they
/// become explicit matchers (absent counting as false), which a subset of the body cannot say.
Json match_body(Json body) {
  for (auto it = body.begin(); it != body.end();) {
    it = is_volatile_request_field(it.key()) ? body.erase(it) : std::next(it);
  }
  body.erase("stream");
  if (auto options = body.find("stream_options"); options != body.end() && options->is_object()) {
    options->erase("include_usage");
    if (options->empty()) body.erase(options);
  }
  if (auto messages = body.find("messages"); messages != body.end() && messages->is_array()) {
    for (auto& message : *messages) {
      if (!message.is_object()) continue;
      message.erase("tool_call_id");
      if (auto calls = message.find("tool_calls"); calls != message.end() && calls->is_array()) {
        for (auto& call : *calls) {
          if (call.is_object()) call.erase("id");
        }
      }
    }
  }
  return body;
}

void put_body(Json& reply, const std::string& text) {
  if (!stubbing::is_valid_utf8(text)) {
    reply["body_base64"] = text::encode_base64(text);
    return;
  }
  const auto parsed = Json::parse(text, nullptr, false);
  if (!parsed.is_discarded() && parsed.is_structured()) {
    for (const int indent : {-1, 2, 4}) {
      if (parsed.dump(indent) != text) continue;
      reply["body"] = parsed;
      if (indent >= 0) reply["body_indent"] = indent;
      return;
    }
  }
  reply["body_text"] = text;
}

Json reply_of(const http::UpstreamResponse& response, const Redactor& redactor) {
  Json reply = Json::object();
  reply["status"] = response.status;
  Json headers = Json::object();
  std::string content_type;
  std::optional<std::string> content_length;
  for (const auto& [name, value] : response.headers) {
    if (name == "content-type") content_type = value;
    if (name == "content-length") content_length = value;
    if (std::find(kUnrecordedHeaders.begin(), kUnrecordedHeaders.end(), name) !=
        kUnrecordedHeaders.end())
      continue;
    headers[name] =
        Redactor::is_credential_header(name) ? std::string(kRedacted) : redactor.redact(value);
  }
  reply["headers"] = std::move(headers);
  std::vector<std::string> pieces;
  for (const auto& piece : response.pieces) pieces.push_back(piece.bytes);
  pieces = redactor.redact_pieces(pieces);
  const bool stream =
      content_type.find("text/event-stream") != std::string::npos && !pieces.empty();
  if (stream) {
    Json chunks = Json::array();
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      Json chunk = {{"delay_ms", response.pieces[i].delay.count()}};
      if (stubbing::is_valid_utf8(pieces[i])) {
        chunk["data"] = pieces[i];
      } else {
        chunk["data_base64"] = text::encode_base64(pieces[i]);
      }
      chunks.push_back(std::move(chunk));
    }
    reply["chunks"] = std::move(chunks);
  } else {
    std::string body;
    for (const auto& piece : pieces) body += piece;
    put_body(reply, body);
  }
  if (!response.complete) {
    reply["ending"] = "cut";
    if (!stream && content_length)
      reply["declared_length"] = std::strtoll(content_length->c_str(), nullptr, 10);
  }
  return reply;
}

std::string slug(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    const bool keep =
        (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9') || lower == '.';
    if (keep) {
      out += lower;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string last_user_text(const nlohmann::json& body) {
  const stubbing::Conversation conversation(body);
  const auto& messages = conversation.messages();
  for (auto it = messages.rbegin(); it != messages.rend(); ++it) {
    if (stubbing::message_role(*it) == "user") return stubbing::message_text(*it);
  }
  return {};
}

/// Falls back to body_text when a JSON body would not load (e.g. "choices" of an unknown shape).
void ensure_loadable(Json& stub) {
  try {
    stubbing::parse_stub(stub, "");
  } catch (const stubbing::StubParseError&) {
    auto& reply = stub["reply"];
    if (!reply.contains("body")) throw;
    const int indent = reply.value("body_indent", -1);
    reply["body_text"] = reply["body"].dump(indent);
    reply.erase("body");
    reply.erase("body_indent");
  }
}
}  // namespace

bool is_volatile_request_field(std::string_view key) {
  return key == "user" || key == "metadata" || key == "safety_identifier" ||
         key == "prompt_cache_key";
}

std::optional<Snapshot> snapshot_of(const wire::HttpRequest& request,
                                    const http::UpstreamResponse& response,
                                    const std::string& upstream, const std::string& recorded_at,
                                    scenarios::ScenarioApi endpoint) {
  const auto body = Json::parse(request.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) return std::nullopt;
  const Redactor redactor(request.headers);
  const nlohmann::json plain(body);
  const std::string model = plain.value("model", "");
  const bool stream = plain.value("stream", false);
  std::string words;
  std::size_t count = 0;
  // A plain loop rather than views::split: clang 14 cannot compile that over libstdc++ 12.
  const std::string text = slug(redactor.redact(last_user_text(plain)));
  for (std::size_t from = 0; from < text.size() && count++ < kStemWords;) {
    const auto to = std::min(text.find('-', from), text.size());
    words += "-" + text.substr(from, to - from);
    from = to + 1;
  }
  auto stem = slug(model + words + (stream ? "-stream" : "") +
                   (response.status == 200 ? "" : "-" + std::to_string(response.status)));
  if (stem.size() > kMaxStem) stem.resize(kMaxStem);
  if (stem.empty() || stem.front() == '.') stem = "recording" + stem;

  Snapshot snapshot;
  snapshot.file_stem = stem;
  auto& stub = snapshot.stub;
  std::string phrase = words.empty() ? "" : " \"" + words.substr(1) + "…\"";
  std::replace(phrase.begin(), phrase.end(), '-', ' ');
  stub["name"] = "recorded: " + model + phrase + (stream ? " (stream)" : "") + " → " +
                 std::to_string(response.status);
  stub["description"] =
      "Recorded from " + upstream + " at " + recorded_at +
      ". Matched on the request body and whether it streams; user, metadata and tool-call ids are "
      "ignored.";
  // The JSON and the stream form of one body are separate recordings: a stream is never answered
  // with chunks made from a recorded JSON body, nor a usage-less stream from one with usage.
  Json match = Json::object();
  if (endpoint == scenarios::ScenarioApi::responses)
    match["url"] = std::string(stubbing::endpoint_url(endpoint));
  match["stream"] = stream;
  if (stream && endpoint == scenarios::ScenarioApi::chat) {
    const auto options = plain.find("stream_options");
    const bool usage = options != plain.end() && options->is_object() &&
                       options->value("include_usage", nlohmann::json()) == true;
    match["include_usage"] = usage;
  }
  match["body"] = redact_json(match_body(body), redactor);
  stub["match"] = std::move(match);
  stub["reply"] = reply_of(response, redactor);
  ensure_loadable(stub);
  return snapshot;
}

}  // namespace chatmock::recording
