// Id shapes copied from real responses (docs/openai-behaviour.md §1.1, §3.2).
#include "synthesis/id_generator.h"

namespace chatmock::synthesis {

namespace {
constexpr std::string_view kAlphanumeric =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
constexpr std::string_view kHex = "0123456789abcdef";

std::string draw(Rng& rng, std::string_view prefix, std::size_t length, std::string_view alphabet) {
  std::string out(prefix);
  out.reserve(prefix.size() + length);
  for (std::size_t i = 0; i < length; ++i) out += alphabet[rng.next() % alphabet.size()];
  return out;
}
}  // namespace

std::string random_token(Rng& rng, std::string_view prefix, std::size_t length) {
  return draw(rng, prefix, length, kAlphanumeric);
}
std::string completion_id(Rng& rng) { return draw(rng, "chatcmpl-", 29, kAlphanumeric); }
std::string tool_call_id(Rng& rng) { return draw(rng, "call_", 24, kAlphanumeric); }
std::string request_id(Rng& rng) { return draw(rng, "req_", 32, kHex); }

std::string system_fingerprint(std::string_view model) {
  std::uint64_t hash = 0xCBF29CE484222325ULL;
  for (const char c : model) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001B3ULL;
  Rng rng(hash);
  return draw(rng, "fp_", 10, kHex);
}

}  // namespace chatmock::synthesis
