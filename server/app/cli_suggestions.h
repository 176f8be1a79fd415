// "Did you mean" for the command line: a mistyped --scenario or flag fails at start, naming the
// closest valid spelling, instead of starting a server that fails every request or printing a
// bare "not expected".
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace chatmock::app {

/// The candidate nearest to `word` by edit distance, or "" when none is close (more than a
/// third of the word differs).
std::string closest_word(std::string_view word, const std::vector<std::string>& candidates);

/// "" when every name in the scenario expression (`a+b,c`) is built in; otherwise
/// "--scenario: unknown scenario 'refusl' (did you mean refusal?); `chatmock scenarios` lists
/// them".
std::string check_default_scenario(const std::string& expression);

/// CLI11's exit for `error`, with "did you mean --port?" added for an unknown flag. Use in place
/// of CLI11_PARSE's `return app.exit(e)`.
int exit_on_parse_error(CLI::App& root, const CLI::ParseError& error);

}  // namespace chatmock::app
