// Plausible assistant prose from a built-in word list: sentences that read like an answer and
// tokenize into the pieces the stream will carry. No model, no network, fully seeded.
#pragma once

#include <string>

#include "budget/work_budget.h"
#include "synthesis/random.h"

namespace chatmock::synthesis {

/// A reply of `min_words`..`max_words` words in one to four sentences.
std::string generate_text(Rng& rng, int min_words = 12, int max_words = 40);
/// The same text, stopped early once `budget` is spent or the text alone outgrows the bytes
/// the reply may still take (the budget is then spent too): the caller answers with an error.
std::string generate_text(Rng& rng, int min_words, int max_words, budget::WorkBudget& budget);

/// spent() reads the clock once every 64 calls, which suits tight loops; a coarse step (one
/// choice, one pipeline stage) needs the answer now, so this asks until the clock was read.
inline bool spent_now(budget::WorkBudget& budget) {
  for (int i = 0; i < 64; ++i) {
    if (budget.spent()) return true;
  }
  return false;
}

/// False, with `budget` marked spent, when `bytes` more cannot fit the reply; a check for
/// generators that have not produced reply bytes yet (the renderer charges those).
inline bool fits_reply(budget::WorkBudget& budget, std::size_t bytes) {
  if (bytes > budget.remaining_bytes()) budget.charge(bytes);
  return !budget.spent();
}
/// One plausible word (lower case).
std::string generate_word(Rng& rng);

}  // namespace chatmock::synthesis
