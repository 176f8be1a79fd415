// split_tokens: chatmock's stand-in for a BPE tokenizer. Words carry their leading space and
// punctuation stands alone, like cl100k pieces; UTF-8 sequences are never cut. Streams, logprobs
// and usage all count with it, so the three always agree.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace chatmock::synthesis {

/// Lossless split of `text` into token pieces: concatenating the result gives `text` back.
std::vector<std::string> split_tokens(std::string_view text);
/// The number of pieces split_tokens would return, without allocating them.
std::size_t count_tokens(std::string_view text);

}  // namespace chatmock::synthesis
