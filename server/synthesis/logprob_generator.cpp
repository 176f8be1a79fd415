// Probabilities are skewed towards 0 (most chosen tokens are confident) and rounded to 1e-6 so
// their decimal text is short and identical on every platform.
#include "synthesis/logprob_generator.h"

#include <cmath>

#include "synthesis/text_generator.h"

namespace chatmock::synthesis {

namespace {
double draw_logprob(Rng& rng, double floor_value) {
  const double u = rng.unit();
  const double value = floor_value - u * u * u * 4.0;
  return std::round(value * 1e6) / 1e6;
}
}  // namespace

std::vector<int> utf8_bytes(const std::string& token) {
  std::vector<int> bytes;
  bytes.reserve(token.size());
  for (const char c : token) bytes.push_back(static_cast<unsigned char>(c));
  return bytes;
}

std::vector<api::TokenLogprob> generate_logprobs(const std::vector<std::string>& tokens,
                                                 std::int64_t top_count, Rng& rng) {
  std::vector<api::TokenLogprob> entries;
  entries.reserve(tokens.size());
  for (const auto& token : tokens) {
    api::TokenLogprob entry;
    entry.token = token;
    entry.logprob = draw_logprob(rng, 0.0);
    entry.bytes = utf8_bytes(token);
    double previous = entry.logprob;
    for (std::int64_t k = 0; k < top_count; ++k) {
      api::TopLogprob top;
      if (k == 0) {
        top.token = token;
        top.logprob = entry.logprob;
      } else {
        top.token = (token.starts_with(' ') ? " " : "") + generate_word(rng) + std::to_string(k);
        previous = draw_logprob(rng, previous - 0.5);
        top.logprob = previous;
      }
      top.bytes = utf8_bytes(top.token);
      entry.top_logprobs.push_back(std::move(top));
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace chatmock::synthesis
