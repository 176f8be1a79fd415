// Fuzz target: fixture text → StubMappings, as a --fixtures file and as a POST to
// /_chatmock/fixtures. A bad fixture may only be a FixtureError (file:line: reason) or a refusal
// message; any other exception or crash is a bug.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <variant>

#include "stubbing/fixture_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    chatmock::stubbing::parse_fixture_text({"fuzz.json", text, "fuzz"});
  } catch (const chatmock::stubbing::FixtureError& error) {
    if (std::string_view(error.what()).find("fuzz.json:") != 0) std::abort();
  }
  const auto posted = chatmock::stubbing::parse_posted_stubs(text);
  if (const auto* refusal = std::get_if<std::string>(&posted); refusal && refusal->empty()) {
    std::abort();
  }
  return 0;
}
