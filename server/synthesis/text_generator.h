// Plausible assistant prose from a built-in word list: sentences that read like an answer and
// tokenize into the pieces the stream will carry. No model, no network, fully seeded.
#pragma once

#include <string>

#include "synthesis/random.h"

namespace chatmock::synthesis {

/// A reply of `min_words`..`max_words` words in one to four sentences.
std::string generate_text(Rng& rng, int min_words = 12, int max_words = 40);
/// One plausible word (lower case).
std::string generate_word(Rng& rng);

}  // namespace chatmock::synthesis
