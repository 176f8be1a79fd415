// Fuzz target: the C++ reference client's streaming path — bytes of a 2xx event-stream body,
// fed in fragments to StreamReader (SseDecoder + StreamAccumulator), then the observation the
// adapter prints. The first input byte picks the fragment size so splits land everywhere.
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string_view>

#include "chatmock/client/observation.h"
#include "chatmock/client/stream_reader.h"

namespace {

void print_like_the_adapter(const nlohmann::json& observation) {
  const auto line = observation.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (line.empty() || !observation.contains("ok")) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::size_t fragment = 1 + data[0] % 64;
  const std::string_view body(reinterpret_cast<const char*>(data + 1), size - 1);

  chatmock::client::StreamReader reader;
  for (std::size_t at = 0; at < body.size(); at += fragment) {
    if (!reader.feed(body.substr(at, fragment))) break;
  }
  print_like_the_adapter(reader.finish());
  // The whole-body path (recorded bodies) must agree on never crashing.
  print_like_the_adapter(chatmock::client::observation_from_sse_body(body));
  return 0;
}
