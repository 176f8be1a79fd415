// Format checks are deliberately simple regexes (JSON Schema 2020-12 treats "format" as an
// annotation unless a validator opts in to asserting it). "time" accepts a missing offset,
// though RFC 3339 full-time requires one; generated times always carry "Z".
#include "synthesis/json_schema_format.h"

#include <re2/re2.h>

#include <array>

#include "synthesis/json_schema_keywords.h"
#include "synthesis/json_schema_samples.h"

namespace chatmock::synthesis {

namespace {

constexpr std::array<std::string_view, 8> kFormats = {"date-time", "date", "time", "email",
                                                      "uri",       "uuid", "ipv4", "hostname"};

// RE2 (linear time) like the pattern keyword; each compiled once, shared by every thread.
const re2::RE2& format_regex(std::string_view format) {
  // RFC 3339 §5.6 date and time pieces; RFC 1123 host labels.
  const std::string date = R"((\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))";
  const std::string time = R"(([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?)";
  const std::string offset = R"(([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d))";
  const std::string octet = R"((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d))";
  const std::string label = R"([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)";
  static const re2::RE2 kDateTime("^" + date + "[Tt ]" + time + offset + "$");
  static const re2::RE2 kDate("^" + date + "$");
  static const re2::RE2 kTime("^" + time + offset + "?$");
  static const re2::RE2 kEmail(R"(^[^@\s]+@[^@\s]+\.[^@\s]+$)");
  static const re2::RE2 kUri(R"(^[A-Za-z][A-Za-z0-9+.\-]*:[^\s]*$)");
  static const re2::RE2 kUuid(
      "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
  static const re2::RE2 kIpv4("^(" + octet + R"(\.){3})" + octet + "$");
  static const re2::RE2 kHostname("^" + label + R"((\.)" + label + ")*$");
  if (format == "date-time") return kDateTime;
  if (format == "date") return kDate;
  if (format == "time") return kTime;
  if (format == "email") return kEmail;
  if (format == "uri") return kUri;
  if (format == "uuid") return kUuid;
  if (format == "ipv4") return kIpv4;
  return kHostname;
}

std::string two_digits(std::int64_t value) {
  return (value < 10 ? "0" : "") + std::to_string(value);
}

std::string lower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

std::string date(Rng& rng) {
  return std::to_string(rng.between(2023, 2026)) + "-" + two_digits(rng.between(1, 12)) + "-" +
         two_digits(rng.between(1, 28));
}

std::string time_of_day(Rng& rng) {
  return two_digits(rng.between(0, 23)) + ":" + two_digits(rng.between(0, 59)) + ":" +
         two_digits(rng.between(0, 59)) + "Z";
}

}  // namespace

bool is_known_format(std::string_view format) {
  for (const auto known : kFormats) {
    if (format == known) return true;
  }
  return false;
}

bool matches_format(std::string_view format, const std::string& value) {
  if (!is_known_format(format)) return true;
  // Only a uri may legitimately be this long; skipping it keeps the regex stack bounded.
  if (value.size() > kMaxStringLength) return format == "uri";
  if (format == "hostname" && value.size() > 253) return false;  // RFC 1123 §2.1
  return re2::RE2::FullMatch(value, format_regex(format));
}

std::string generate_format_value(std::string_view format, Rng& rng) {
  static constexpr std::string_view kHex = "0123456789abcdef";
  if (format == "date-time") return date(rng) + "T" + time_of_day(rng);
  if (format == "date") return date(rng);
  if (format == "time") return time_of_day(rng);
  if (format == "email") {
    return lower(sample_string("first_name", rng)) + "." + lower(sample_string("last_name", rng)) +
           "@example.com";
  }
  if (format == "uri") return "https://example.com/" + sample_word(rng) + "/" + sample_word(rng);
  if (format == "uuid") {
    std::string uuid;
    for (int i = 0; i < 32; ++i) {
      if (i == 8 || i == 12 || i == 16 || i == 20) uuid += '-';
      // RFC 9562 §5.4: version 4 nibble, then the 10xx variant bits.
      const auto nibble = i == 12 ? 4 : i == 16 ? rng.between(8, 11) : rng.between(0, 15);
      uuid += kHex[static_cast<std::size_t>(nibble)];
    }
    return uuid;
  }
  if (format == "ipv4") {
    return "10." + std::to_string(rng.between(0, 255)) + "." + std::to_string(rng.between(0, 255)) +
           "." + std::to_string(rng.between(1, 254));
  }
  if (format == "hostname") return sample_word(rng) + ".example.com";
  return "";
}

}  // namespace chatmock::synthesis
