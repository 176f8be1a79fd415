// Name-driven sample values. A property name is split into lower-case words (snake_case,
// kebab-case and camelCase alike) and the first rule whose words it contains picks the list.
// All lists are ASCII so callers can truncate by bytes without splitting a code point.
#include "synthesis/json_schema_samples.h"

#include <array>
#include <cstdint>
#include <initializer_list>
#include <utility>
#include <vector>

#include "synthesis/json_schema_format.h"

namespace chatmock::synthesis {

namespace {

constexpr std::array<std::string_view, 40> kSampleWords = {
    "alpha",  "amber",  "bridge",  "cedar",   "coral",   "delta",   "ember",      "falcon",
    "garden", "harbor", "island",  "jasper",  "kettle",  "lantern", "maple",      "meadow",
    "nova",   "ocean",  "orchid",  "pepper",  "pixel",   "quartz",  "river",      "saffron",
    "silver", "summit", "thunder", "timber",  "tulip",   "umbra",   "velvet",     "willow",
    "zephyr", "atlas",  "beacon",  "compass", "horizon", "journey", "lighthouse", "voyage",
};
constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kPlaces = {{
    {"Paris", "France"},
    {"Tokyo", "Japan"},
    {"Berlin", "Germany"},
    {"Lisbon", "Portugal"},
    {"Toronto", "Canada"},
    {"Nairobi", "Kenya"},
    {"Sydney", "Australia"},
    {"Seoul", "South Korea"},
    {"Austin", "United States"},
    {"Oslo", "Norway"},
    {"Lima", "Peru"},
    {"Cairo", "Egypt"},
}};
constexpr std::array<std::string_view, 10> kFirstNames = {
    "Ada", "Grace", "Alan", "Linus", "Margaret", "Dennis", "Barbara", "Ken", "Frances", "Edsger"};
constexpr std::array<std::string_view, 10> kLastNames = {
    "Lovelace", "Hopper", "Turing",   "Torvalds", "Hamilton",
    "Ritchie",  "Liskov", "Thompson", "Allen",    "Dijkstra"};
constexpr std::array<std::string_view, 6> kStreets = {"Baker Street", "Main Street", "Elm Avenue",
                                                      "Harbor Road",  "Maple Lane",  "King Street"};
constexpr std::array<std::string_view, 6> kCompanies = {
    "Acme Corp", "Globex", "Initech", "Umbrella Labs", "Stark Industries", "Wayne Enterprises"};
constexpr std::array<std::string_view, 6> kColors = {"red",   "blue", "green",
                                                     "amber", "teal", "violet"};
constexpr std::array<std::string_view, 5> kStatuses = {"active", "pending", "completed",
                                                       "cancelled", "draft"};
constexpr std::array<std::string_view, 5> kCurrencies = {"USD", "EUR", "JPY", "GBP", "CAD"};
constexpr std::array<std::string_view, 5> kLanguages = {"en", "fr", "de", "ja", "es"};
constexpr std::array<std::string_view, 2> kUnits = {"celsius", "fahrenheit"};

template <std::size_t N>
std::string pick(const std::array<std::string_view, N>& list, Rng& rng) {
  return std::string(list[rng.next() % N]);
}

std::string lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string digits(Rng& rng, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += static_cast<char>('0' + rng.between(0, 9));
  return out;
}

std::vector<std::string> words_of(std::string_view name) {
  std::vector<std::string> words(1);
  char previous = '\0';
  for (const char c : name) {
    const bool upper = c >= 'A' && c <= 'Z';
    const bool alnum = upper || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!alnum || (upper && previous >= 'a' && previous <= 'z')) {
      if (!words.back().empty()) words.emplace_back();
    }
    if (alnum) words.back() += upper ? static_cast<char>(c - 'A' + 'a') : c;
    previous = c;
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

template <typename Words>
bool has_word(const std::vector<std::string>& words, const Words& any) {
  for (const auto& word : words) {
    for (const auto candidate : any) {
      if (word == candidate) return true;
    }
  }
  return false;
}

std::string sentence(Rng& rng, std::int64_t min_words, std::int64_t max_words, bool title) {
  std::string out;
  const auto count = rng.between(min_words, max_words);
  for (std::int64_t i = 0; i < count; ++i) {
    std::string word = sample_word(rng);
    if ((title || i == 0) && !word.empty()) word[0] = static_cast<char>(word[0] - 'a' + 'A');
    out += (i == 0 ? "" : " ") + word;
  }
  return title ? out : out + ".";
}

}  // namespace

std::string sample_word(Rng& rng) { return pick(kSampleWords, rng); }

std::string singular_name(std::string_view name) {
  std::string text(name);
  const auto ends_with = [&](std::string_view suffix) {
    return text.size() > suffix.size() && text.ends_with(suffix);
  };
  if (ends_with("ies")) return text.substr(0, text.size() - 3) + "y";
  if (ends_with("sses") || ends_with("shes") || ends_with("ches") || ends_with("xes")) {
    return text.substr(0, text.size() - 2);
  }
  if (ends_with("s") && !ends_with("ss")) return text.substr(0, text.size() - 1);
  return text;
}

std::string sample_string(std::string_view name, Rng& rng) {
  const auto words = words_of(name);
  const auto has = [&](std::initializer_list<std::string_view> any) {
    return has_word(words, any);
  };
  const auto& place = kPlaces[rng.next() % kPlaces.size()];
  if (has({"email", "mail"})) return generate_format_value("email", rng);
  if (has({"url", "uri", "link", "website", "homepage", "href"})) {
    return generate_format_value("uri", rng);
  }
  if (has({"uuid", "guid"})) return generate_format_value("uuid", rng);
  if (has({"ip"})) return generate_format_value("ipv4", rng);
  if (has({"host", "hostname", "domain"})) return generate_format_value("hostname", rng);
  if (has({"timestamp", "datetime"}) || (words.size() > 1 && words.back() == "at")) {
    return generate_format_value("date-time", rng);
  }
  if (has({"date", "birthday", "dob", "deadline", "day"})) {
    return generate_format_value("date", rng);
  }
  if (has({"time"})) {
    const auto hour = rng.between(8, 18);
    return (hour < 10 ? "0" : "") + std::to_string(hour) + ":" +
           std::to_string(rng.between(10, 59));
  }
  if (has({"city", "town"})) return std::string(place.first);
  if (has({"country"})) return std::string(place.second);
  if (has({"location", "destination", "origin", "place", "where", "region"})) {
    return std::string(place.first) + ", " + std::string(place.second);
  }
  if (has({"address", "street"})) {
    return std::to_string(rng.between(1, 250)) + " " + pick(kStreets, rng) + ", " +
           std::string(place.first);
  }
  if (has({"phone", "tel", "mobile"})) return "+1-555-01" + digits(rng, 2);
  if (has({"zip", "postal", "postcode"})) return digits(rng, 5);
  if (has({"first", "given"})) return pick(kFirstNames, rng);
  if (has({"last", "family", "surname"})) return pick(kLastNames, rng);
  if (has({"username", "user", "handle", "login"}))
    return lowercase(pick(kFirstNames, rng)) + digits(rng, 2);
  if (has({"company", "organization", "organisation", "employer", "org"})) {
    return pick(kCompanies, rng);
  }
  if (has({"name", "author", "owner", "person", "contact"})) {
    return pick(kFirstNames, rng) + " " + pick(kLastNames, rng);
  }
  if (has({"currency"})) return pick(kCurrencies, rng);
  if (has({"language", "lang", "locale"})) return pick(kLanguages, rng);
  if (has({"color", "colour"})) return pick(kColors, rng);
  if (has({"unit", "units"})) return pick(kUnits, rng);
  if (has({"status", "state"})) return pick(kStatuses, rng);
  if (has({"id", "identifier", "key", "ref", "reference", "code", "sku"})) {
    const std::string prefix = words.empty() || words.front() == "id" ? "id" : words.front();
    return prefix + "_" + digits(rng, 5);
  }
  if (has({"title", "subject", "headline", "heading", "label"})) return sentence(rng, 2, 4, true);
  if (has({"description", "summary", "text", "content", "message", "body", "comment", "query",
           "question", "answer", "prompt", "reason", "reasoning", "note", "notes", "explanation",
           "instructions", "details", "bio"})) {
    return sentence(rng, 4, 9, false);
  }
  return sample_word(rng);
}

std::optional<SampleRange> sample_range(std::string_view name) {
  struct Rule {
    std::vector<std::string_view> words;
    SampleRange range;
  };
  static const std::array<Rule, 17> kRules = {{
      {{"age"}, {18, 90, 0}},
      {{"year"}, {1990, 2030, 0}},
      {{"month"}, {1, 12, 0}},
      {{"hour", "hours"}, {0, 23, 0}},
      {{"minute", "second"}, {0, 59, 0}},
      {{"temperature", "temp"}, {-10, 35, 1}},
      {{"price", "amount", "cost", "total", "salary", "budget", "fee", "balance"}, {5, 500, 2}},
      {{"latitude", "lat"}, {-90, 90, 4}},
      {{"longitude", "lon", "lng"}, {-180, 180, 4}},
      {{"rating", "stars"}, {1, 5, 1}},
      {{"probability", "confidence", "ratio"}, {0, 1, 2}},
      {{"score", "percent", "percentage", "progress"}, {0, 100, 1}},
      {{"weight", "distance"}, {1, 100, 1}},
      {{"height"}, {100, 200, 0}},
      {{"duration", "seconds", "minutes", "timeout", "delay"}, {1, 60, 0}},
      {{"day"}, {1, 28, 0}},
      {{"count", "quantity", "qty", "number", "num", "limit", "size", "page", "days", "nights",
        "guests", "people", "adults", "children", "max", "min", "top"},
       {1, 10, 0}},
  }};
  const auto words = words_of(name);
  for (const auto& rule : kRules) {
    if (has_word(words, rule.words)) return rule.range;
  }
  return std::nullopt;
}

}  // namespace chatmock::synthesis
