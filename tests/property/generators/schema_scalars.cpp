// Scalar schemas for the schema generator: strings (lengths, formats, patterns, enums, const)
// and numbers (inclusive, exclusive and draft-4 bounds, single values, narrow real intervals,
// integral and decimal multipleOf), each satisfiable by construction.
#include "generators/schema_scalars.h"

#include "generators/text_generators.h"

namespace chatmock::property {

namespace {
using nlohmann::json;

const std::vector<std::string> kFormats = {"date-time", "date", "time", "email",
                                           "uri",       "uuid", "ipv4", "hostname"};

// A pattern from the subset the generator parses: literals, classes, \d \w, groups with
// alternation, the usual quantifiers, anchored.
std::string pattern() {
  const auto atom =
      rc::gen::element<std::string>("a", "Z", "7", "-", "[a-z]", "[A-Z0-9_]", "[^\\s]", "\\d",
                                    "\\w", "(ab|cd)", "(?:x|yz)", "\\.", "[0-9a-f]");
  const auto quantifier =
      rc::gen::element<std::string>("", "", "?", "+", "*", "{2}", "{1,3}", "{2,}");
  std::string out = "^";
  const int atoms = *rc::gen::inRange(1, 5);
  for (int i = 0; i < atoms; ++i) out += *atom + *quantifier;
  return out + "$";
}

}  // namespace

json string_schema() {
  json s = {{"type", "string"}};
  switch (*rc::gen::inRange(0, 8)) {
    case 0: {
      const auto lo = *rc::gen::inRange(0, 6);
      s["minLength"] = lo;
      s["maxLength"] = lo + *rc::gen::inRange(0, 12);
      break;
    }
    case 1:
      s["format"] = *rc::gen::elementOf(kFormats);
      break;
    case 2:
      s["pattern"] = pattern();
      break;
    case 3:
      s["enum"] = *small_vector(text(8), 4, 1);
      break;
    case 4:
      s["const"] = *text(8);
      break;
    case 5: {
      // Members of other types must be skipped: only the strings pass "type".
      json members = *small_vector(json_value(0, true), 3);
      members.push_back(*text(6));
      s["enum"] = members;
      break;
    }
    case 6: {
      const auto length = *rc::gen::inRange(0, 10);
      s["minLength"] = length;
      s["maxLength"] = length;
      break;
    }
    default:
      break;
  }
  return s;
}

json number_schema(bool integer) {
  json s = {{"type", integer ? "integer" : "number"}};
  const auto lo = *rc::gen::inRange<std::int64_t>(-1000, 1000);
  const std::int64_t step = *rc::gen::element<std::int64_t>(0, 0, 1, 2, 3, 5);
  const auto span = *rc::gen::inRange<std::int64_t>(2 * step + 2, 2 * step + 500);
  switch (*rc::gen::inRange(0, 7)) {
    case 0:
      s["minimum"] = lo;
      s["maximum"] = lo + span;
      break;
    case 1:
      s["exclusiveMinimum"] = lo;
      s["exclusiveMaximum"] = lo + span;
      break;
    case 2:
      s["minimum"] = lo;
      break;
    case 3:
      // Draft 4: exclusiveMinimum/Maximum are booleans qualifying minimum/maximum.
      s["minimum"] = lo;
      s["exclusiveMinimum"] = true;
      s["maximum"] = lo + span;
      s["exclusiveMaximum"] = *rc::gen::arbitrary<bool>();
      break;
    case 4:
      // A single allowed value.
      s["minimum"] = lo * (step == 0 ? 1 : step);
      s["maximum"] = lo * (step == 0 ? 1 : step);
      break;
    case 5:
      if (!integer) {
        // A narrow open interval of reals, and decimal steps that binary floating point
        // cannot represent exactly.
        const double low = static_cast<double>(lo) / 100.0;
        s["exclusiveMinimum"] = low;
        s["exclusiveMaximum"] = low + *rc::gen::element(0.001, 0.01, 0.5);
        return s;
      }
      break;
    default:
      break;
  }
  if (!integer && step > 0 && *rc::gen::inRange(0, 3) == 0) {
    const double decimal = *rc::gen::element(0.1, 0.01, 0.25, 0.3);
    s["multipleOf"] = decimal;
    if (s.contains("maximum"))
      s["maximum"] = s["minimum"].get<double>() + static_cast<double>(span) * decimal;
    if (s.contains("exclusiveMaximum") && s["exclusiveMaximum"].is_number()) {
      s["exclusiveMaximum"] =
          s["exclusiveMinimum"].get<double>() + static_cast<double>(span) * decimal;
    }
    return s;
  }
  if (step > 0) s["multipleOf"] = integer ? json(step) : json(static_cast<double>(step) / 2.0);
  return s;
}

}  // namespace chatmock::property
