// The client's reply is built only after upstream finished: WireReply is a value, so a stream
// reaches the client in one go once recorded (its timing is kept in the fixture, not re-enacted
// live). A fixture that cannot be written is reported on stderr; the client still gets its answer.
#include "recording/recorder.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <stdexcept>

#include "api/api_error.h"
#include "recording/snapshot_writer.h"
#include "recording/stub_snapshot.h"
#include "stubbing/fixture_loader.h"

namespace chatmock::recording {

namespace {
bool hop_by_hop(const std::string& name) {
  return name == "content-length" || name == "transfer-encoding" || name == "connection" ||
         name == "keep-alive" || name == "content-type";
}

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm parts{};
  gmtime_r(&now, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text;
}

wire::WireReply client_reply(const http::UpstreamResponse& response) {
  wire::WireReply reply;
  reply.status = response.status;
  std::optional<std::size_t> content_length;
  for (const auto& [name, value] : response.headers) {
    if (name == "content-type") reply.content_type = value;
    if (name == "content-length") content_length = std::strtoull(value.c_str(), nullptr, 10);
    if (name == "transfer-encoding") reply.chunked = true;
    if (!hop_by_hop(name)) reply.headers.emplace_back(name, value);
  }
  if (reply.content_type.find("text/event-stream") != std::string::npos) reply.chunked = true;
  for (const auto& piece : response.pieces)
    reply.writes.push_back({piece.bytes, std::chrono::milliseconds(0)});
  if (!response.complete) {
    reply.ending = wire::WireEnding::cut;
    if (!reply.chunked) {
      std::size_t sent = 0;
      for (const auto& piece : response.pieces) sent += piece.bytes.size();
      reply.declared_length = std::max(content_length.value_or(0), sent + 1);
    }
  }
  return reply;
}

wire::WireReply unreachable(const std::string& upstream, const std::string& error) {
  const api::ApiError failure{
      502, "chatmock recorder: the upstream " + upstream + " did not answer (" + error + ").",
      "server_error", std::nullopt, "upstream_unreachable"};
  return wire::json_reply(failure.status, failure.body_text());
}
}  // namespace

std::optional<RecordMode> parse_record_mode(std::string_view text) {
  if (text == "new") return RecordMode::new_requests;
  if (text == "all") return RecordMode::all;
  return std::nullopt;
}

Recorder::Recorder(RecordSpec spec, stubbing::StubRegistry& registry)
    : spec_(std::move(spec)), upstream_(spec_.upstream), registry_(registry) {
  std::error_code error;
  std::filesystem::create_directories(spec_.dir, error);
  if (!std::filesystem::is_directory(spec_.dir)) {
    throw std::runtime_error("--record " + spec_.dir + ": cannot create the folder");
  }
  remove_stale_temp_files(spec_.dir);
}

wire::WireReply Recorder::record(const wire::HttpRequest& request, std::string_view api_path) {
  const auto response = upstream_.post(std::string(api_path), request.headers, request.body);
  if (response.status == 0) return unreachable(upstream_.describe(), response.error);
  auto reply = client_reply(response);
  try {
    const auto endpoint =
        api_path == "/responses" ? scenarios::ScenarioApi::responses : scenarios::ScenarioApi::chat;
    const auto snapshot = snapshot_of(request, response, upstream_.describe(), utc_now(), endpoint);
    if (!snapshot) return reply;
    const std::string text = snapshot->stub.dump(2) + "\n";
    const auto path = write_snapshot(spec_.dir, snapshot->file_stem, text);
    const auto stem = std::filesystem::path(path).stem().string();
    registry_.add(stubbing::parse_fixture_text({path, text, stem}));
    if (spec_.announce) std::fprintf(stderr, "chatmock: recorded %s\n", path.c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "chatmock: recording failed: %s\n", e.what());
  }
  return reply;
}

}  // namespace chatmock::recording
