// Edit distance over the catalogue (100-odd names) and a subcommand's flags (a few dozen) is
// cheap enough to compute on every failed start; nothing here runs once the server is up.
#include "app/cli_suggestions.h"

#include <algorithm>
#include <cstdio>

#include "scenarios/scenario_catalogue.h"

namespace chatmock::app {
namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::vector<std::string> split_names(const std::string& expression) {
  std::vector<std::string> names;
  std::string current;
  for (const char c : expression + ",") {
    if (c == '+' || c == ',') {
      const auto first = current.find_first_not_of(" \t");
      const auto last = current.find_last_not_of(" \t");
      if (first != std::string::npos) names.push_back(current.substr(first, last - first + 1));
      current.clear();
    } else {
      current += c;
    }
  }
  return names;
}

// Every long and short flag name of `command`, spelt as typed ("--port").
std::vector<std::string> flag_names(const CLI::App& command) {
  std::vector<std::string> names;
  for (const CLI::Option* option : command.get_options()) {
    for (const auto& name : option->get_lnames()) names.push_back("--" + name);
  }
  return names;
}

const CLI::App& innermost_parsed(const CLI::App& root) {
  for (const CLI::App* sub : root.get_subcommands()) {
    if (sub->parsed()) return innermost_parsed(*sub);
  }
  return root;
}

}  // namespace

std::string closest_word(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = word.size() / 3 + 1;
  for (const auto& candidate : candidates) {
    const std::size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

std::string check_default_scenario(const std::string& expression) {
  const auto& catalogue = scenarios::builtin_catalogue();
  std::vector<std::string> known;
  for (const auto& scenario : catalogue.all()) known.push_back(scenario.name);
  for (const auto& name : split_names(expression)) {
    if (catalogue.find(name) != nullptr) continue;
    const std::string near = closest_word(name, known);
    return "--scenario: unknown scenario '" + name + "'" +
           (near.empty() ? "" : " (did you mean " + near + "?)") +
           "; `chatmock scenarios` lists them";
  }
  return "";
}

int exit_on_parse_error(CLI::App& root, const CLI::ParseError& error) {
  const int code = root.exit(error);
  if (dynamic_cast<const CLI::ExtrasError*>(&error) == nullptr) return code;
  // CLI11 hands an argument a subcommand does not know back to its parent, so the extras may sit
  // on any level; the flags worth suggesting are the innermost subcommand's and the root's.
  auto known = flag_names(innermost_parsed(root));
  for (auto& name : flag_names(root)) known.push_back(std::move(name));
  for (const std::string& extra : root.remaining(true)) {
    if (extra.rfind("--", 0) != 0) continue;
    const std::string flag = extra.substr(0, extra.find('='));
    if (const std::string near = closest_word(flag, known); !near.empty()) {
      std::fprintf(stderr, "%s: did you mean %s?\n", flag.c_str(), near.c_str());
    }
  }
  return code;
}

}  // namespace chatmock::app
