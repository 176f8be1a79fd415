// Fuzz target: the whole request handler in-process — routing, auth, body parsing, validation,
// matching, scenarios, synthesis, streaming and the admin API — called with a wire::HttpRequest
// and no socket. Input format (what the corpus and dictionary use): a first line
// "METHOD /path", header lines "name: value", a blank line, then the body.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "app/route_table.h"
#include "app/server_context.h"
#include "stubbing/fixture_loader.h"
#include "wire/http_request.h"

namespace {

using chatmock::wire::HttpRequest;

std::string_view next_line(std::string_view& text) {
  const auto end = text.find('\n');
  std::string_view line = text.substr(0, end);
  text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
  if (line.ends_with('\r')) line.remove_suffix(1);
  return line;
}

HttpRequest request_from(std::string_view text) {
  HttpRequest request;
  const std::string_view first = next_line(text);
  const auto space = first.find(' ');
  request.method = std::string(first.substr(0, space));
  request.path = space == std::string_view::npos ? "/" : std::string(first.substr(space + 1));
  while (!text.empty()) {
    const std::string_view line = next_line(text);
    if (line.empty()) break;
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view value = line.substr(colon + 1);
    while (value.starts_with(' ')) value.remove_prefix(1);
    // httplib refuses CR in header values; the handler never sees one.
    if (value.find('\r') != std::string_view::npos) continue;
    request.headers.emplace_back(chatmock::wire::lower_ascii(line.substr(0, colon)),
                                 std::string(value));
  }
  request.body = std::string(text);
  request.remote_addr = "127.0.0.1";
  return request;
}

/// The shipped stubs, parsed once; each input gets a fresh server holding a copy.
const std::vector<chatmock::stubbing::StubMapping>& shipped_stubs() {
  static const auto stubs = chatmock::stubbing::load_fixtures({.dirs = {}, .shipped = true});
  return stubs;
}

bool is_header_safe(std::string_view text) {
  return text.find_first_of("\r\n") == std::string_view::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const HttpRequest request =
      request_from(std::string_view(reinterpret_cast<const char*>(data), size));
  chatmock::app::Config config;
  config.journal_capacity = 16;
  config.log = chatmock::app::LogFormat::off;  // a log line per input would drown the fuzzer
  auto server = std::make_unique<chatmock::app::ServerContext>(std::move(config));
  server->stubs.replace_file_stubs(shipped_stubs());

  // Twice: the second request sees the state (journal, sequences, stubs) the first left behind.
  for (int round = 0; round < 2; ++round) {
    const auto shared = chatmock::app::route_request(*server, request);
    const auto& reply = *shared;
    if (reply.status < 100 || reply.status > 599) std::abort();
    if (!is_header_safe(reply.content_type)) std::abort();
    for (const auto& [name, value] : reply.headers) {
      if (name.empty() || !is_header_safe(name) || !is_header_safe(value)) std::abort();
    }
    (void)reply.body();
  }
  return 0;
}
