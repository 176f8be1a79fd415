// Sentences are drawn word by word; the first letter is capitalised and each sentence ends
// with '.', '!' or '?', so stop sequences like "." behave as they would with real output.
#include "synthesis/text_generator.h"

#include <array>
#include <string_view>

namespace chatmock::synthesis {

namespace {
constexpr std::array<std::string_view, 96> kWords = {
    "the",     "a",        "model",    "answer",  "request", "response", "data",     "test",
    "client",  "server",   "stream",   "token",   "message", "value",    "result",   "simple",
    "clear",   "quick",    "careful",  "useful",  "short",   "long",     "first",    "next",
    "final",   "every",    "other",    "same",    "is",      "are",      "was",      "can",
    "will",    "should",   "might",    "returns", "sends",   "reads",    "parses",   "checks",
    "handles", "builds",   "and",      "or",      "but",     "so",       "with",     "without",
    "for",     "from",     "into",     "over",    "under",   "after",    "before",   "while",
    "here",    "there",    "today",    "again",   "often",   "rarely",   "always",   "weather",
    "city",    "forecast", "report",   "summary", "detail",  "example",  "function", "tool",
    "call",    "argument", "schema",   "field",   "object",  "list",     "number",   "string",
    "choice",  "reason",   "limit",    "error",   "retry",   "timeout",  "network",  "offline",
    "mock",    "fixture",  "scenario", "you",     "we",      "it",       "this",     "that",
};

std::string capitalised(std::string_view word) {
  std::string out(word);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z')
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}
}  // namespace

std::string generate_word(Rng& rng) { return std::string(kWords[rng.next() % kWords.size()]); }

std::string generate_text(Rng& rng, int min_words, int max_words) {
  budget::WorkBudget unlimited;
  return generate_text(rng, min_words, max_words, unlimited);
}

std::string generate_text(Rng& rng, int min_words, int max_words, budget::WorkBudget& budget) {
  const auto total = rng.between(min_words, max_words);
  std::string text;
  std::int64_t in_sentence = 0;
  std::int64_t sentence_length = rng.between(5, 14);
  for (std::int64_t i = 0; i < total; ++i) {
    if ((i & 255) == 255 && !fits_reply(budget, text.size())) break;
    const auto word = kWords[rng.next() % kWords.size()];
    if (in_sentence == 0) {
      if (!text.empty()) text += ' ';
      text += capitalised(word);
    } else {
      text += ' ';
      text += word;
    }
    ++in_sentence;
    const bool last = i + 1 == total;
    if (last || in_sentence == sentence_length) {
      constexpr std::array<char, 4> kEnds = {'.', '.', '!', '?'};
      text += kEnds[rng.next() % kEnds.size()];
      in_sentence = 0;
      sentence_length = rng.between(5, 14);
    } else if (rng.chance(0.08)) {
      text += ',';
    }
  }
  return text;
}

}  // namespace chatmock::synthesis
