// generate_violating_instance: a valid instance is mutated the way models get tool arguments
// wrong (a dropped required key, a number sent as a string, an invented key, a miscased enum
// value, a free-text date), and a mutation is kept only once the checker rejects it. One
// SchemaWork meter bounds the folding, copying and checking, whatever the schema.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <string>
#include <vector>

#include "synthesis/json_schema_checker.h"
#include "synthesis/json_schema_generator.h"
#include "synthesis/json_schema_keywords.h"
#include "synthesis/json_schema_merge.h"
#include "synthesis/json_schema_samples.h"
#include "synthesis/json_schema_work.h"

namespace chatmock::synthesis {

using nlohmann::json;

namespace {

constexpr std::size_t kMaxCandidates = 96;
constexpr int kMaxMutationDepth = 4;
constexpr std::size_t kMaxBranches = 8;
constexpr std::array<std::string_view, 6> kHallucinatedKeys = {
    "confidence", "reasoning", "notes", "explanation", "source", "metadata"};

using Emit = std::function<void(json)>;

// The value a model plausibly sends instead: numbers as strings, objects as JSON text...
json wrong_type(const json& value) {
  if (value.is_string()) return 42;
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number()) return value.dump();
  if (value.is_null()) return "null";
  return value.dump();
}

json near_miss(const json& allowed, const json& value) {
  const json& base = value.is_string() ? value : allowed.empty() ? value : allowed[0];
  if (base.is_string()) {
    std::string text = base.get<std::string>();
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') {
      text[0] = static_cast<char>(text[0] - 'a' + 'A');  // "celsius" → "Celsius"
    } else {
      text += "s";
    }
    return text;
  }
  if (base.is_number()) return base.get<double>() + 1;
  return "other";
}

// A format-shaped value a model writes in free text instead of the machine format.
std::string free_text(const std::string& format) {
  if (format == "date") return "next Tuesday";
  if (format == "date-time") return "tomorrow at noon";
  if (format == "time") return "half past two";
  if (format == "email") return "ada at example dot com";
  if (format == "uri") return "the example website";
  if (format == "uuid") return "1234";
  if (format == "ipv4") return "999.1.1.1";
  return "not a valid " + format;
}

json hallucinated_member(Rng& rng, const json& object) {
  for (std::size_t i = 0; i < kHallucinatedKeys.size(); ++i) {
    const std::string key(kHallucinatedKeys[(rng.next() + i) % kHallucinatedKeys.size()]);
    if (object.is_object() && object.contains(key)) continue;
    json member = json::object();
    member[key] = key == "confidence" ? json(0.92) : json(sample_word(rng));
    return member;
  }
  return json{{"unexpected_key", true}};
}

class Violator {
 public:
  Violator(const json& root, Rng& rng, SchemaFlattener& flattener, std::vector<json>& out)
      : root_(root), rng_(rng), flattener_(flattener), work_(flattener.work()), out_(out) {}

  void collect(const json& schema, const json& value, int depth, const Emit& emit) {
    if (depth > kMaxMutationDepth || out_.size() >= kMaxCandidates) return;
    // Every mutation copies the value: charge one copy per level walked.
    if (!work_.spend_copy(value)) return;
    const FlatSchema flat = flattener_.flatten(schema, depth);
    const json& s = flat.get();
    // Under anyOf/oneOf, mutate against the branch the value actually satisfies.
    for (const char* combinator : {"anyOf", "oneOf"}) {
      const json* branches = keyword(s, combinator);
      if (branches == nullptr || !branches->is_array()) continue;
      if (!work_.spend_copy(s)) return;
      json rest = s;
      rest.erase(combinator);
      for (std::size_t i = 0; i < branches->size() && i < kMaxBranches; ++i) {
        const json merged = flattener_.merge(rest, flattener_.flatten((*branches)[i], depth).get());
        if (check_subschema(root_, merged, value, work_).empty()) {
          collect_direct(merged, value, depth, emit);
          break;
        }
      }
    }
    collect_direct(s, value, depth, emit);
  }

 private:
  void collect_direct(const json& s, const json& value, int depth, const Emit& emit) {
    emit(wrong_type(value));
    if (const json* values = keyword(s, "enum"); values != nullptr && values->is_array()) {
      emit(near_miss(*values, value));
    }
    if (const json* value_const = keyword(s, "const"); value_const != nullptr) {
      emit(near_miss(json::array({*value_const}), *value_const));
    }
    if (value.is_object()) object_mutations(s, value, depth, emit);
    if (value.is_array()) array_mutations(s, value, depth, emit);
    if (value.is_number()) number_mutations(s, value, emit);
    if (value.is_string()) string_mutations(s, value.get<std::string>(), emit);
  }

  void object_mutations(const json& s, const json& value, int depth, const Emit& emit) {
    if (const json* required = keyword(s, "required");
        required != nullptr && required->is_array()) {
      for (const auto& name : *required) {
        if (!name.is_string() || !value.contains(name.get<std::string>())) continue;
        json copy = value;
        copy.erase(name.get<std::string>());
        emit(std::move(copy));
      }
    }
    const json* extra = keyword(s, "additionalProperties");
    if (extra != nullptr && (extra->is_object() || *extra == false)) {
      json copy = value;
      copy.update(hallucinated_member(rng_, value));
      emit(std::move(copy));
    }
    const json* props = keyword(s, "properties");
    for (const auto& [key, member] : value.items()) {
      const json* declared = props != nullptr ? keyword(*props, key) : nullptr;
      const json* sub = declared != nullptr                      ? declared
                        : extra != nullptr && extra->is_object() ? extra
                                                                 : nullptr;
      if (sub == nullptr) continue;
      const std::string name = key;
      collect(*sub, member, depth + 1, [&value, &emit, name](json child) {
        json copy = value;
        copy[name] = std::move(child);
        emit(std::move(copy));
      });
    }
  }

  void array_mutations(const json& s, const json& value, int depth, const Emit& emit) {
    if (const auto min = count_keyword(s, "minItems", kMaxStringLength); min && *min > 0) {
      json copy = value;
      while (copy.size() >= *min) copy.erase(copy.size() - 1);
      emit(std::move(copy));
    }
    if (const auto max = count_keyword(s, "maxItems", 256)) {
      json copy = value;
      while (copy.size() <= *max) copy.push_back(value.empty() ? json("extra") : value.back());
      emit(std::move(copy));
    }
    const json* unique = keyword(s, "uniqueItems");
    if (unique != nullptr && *unique == true && !value.empty()) {
      json copy = value;
      copy.push_back(value[0]);
      emit(std::move(copy));
    }
    if (value.empty()) return;
    const json* prefix = keyword(s, "prefixItems");
    const json* items = keyword(s, "items");
    const json* first = prefix != nullptr && prefix->is_array() && !prefix->empty() ? &(*prefix)[0]
                        : items != nullptr && items->is_array() && !items->empty()  ? &(*items)[0]
                                                                                    : items;
    if (first == nullptr) return;
    collect(*first, value[0], depth + 1, [&value, &emit](json child) {
      json copy = value;
      copy[0] = std::move(child);
      emit(std::move(copy));
    });
  }

  void number_mutations(const json& s, const json& value, const Emit& emit) {
    // An integer stays an integer, so the break is in the bound, not in the type.
    const auto same_kind = [&value](double number) {
      const bool whole =
          value.is_number_integer() && std::fabs(number) < 9e15 && std::floor(number) == number;
      return whole ? json(static_cast<std::int64_t>(number)) : json(number);
    };
    const NumericBounds bounds = numeric_bounds(s);
    if (bounds.lo) emit(same_kind(bounds.lo_exclusive ? *bounds.lo : *bounds.lo - 1));
    if (bounds.hi) emit(same_kind(bounds.hi_exclusive ? *bounds.hi : *bounds.hi + 1));
    if (const auto step = number_keyword(s, "multipleOf"); step && *step > 0) {
      emit(same_kind(value.get<double>() + *step / 2));
    }
  }

  void string_mutations(const json& s, const std::string& value, const Emit& emit) {
    if (const auto min = count_keyword(s, "minLength", kMaxStringLength); min && *min > 0) {
      emit(value.substr(0, *min - 1));
    }
    if (const auto max = count_keyword(s, "maxLength", kMaxStringLength)) {
      std::string longer = value;
      while (longer.size() <= *max) longer += longer.empty() ? "x" : " " + sample_word(rng_);
      emit(longer);
    }
    if (keyword(s, "pattern") != nullptr) {
      emit("#" + value);
      emit(value + "#");
      emit(std::string());
    }
    if (const json* format = keyword(s, "format"); format != nullptr && format->is_string()) {
      emit(free_text(format->get<std::string>()));
    }
  }

  const json& root_;
  Rng& rng_;
  SchemaFlattener& flattener_;
  SchemaWork& work_;
  std::vector<json>& out_;
};

}  // namespace

json generate_violating_instance(const json& schema, Rng& rng, budget::WorkBudget& budget) {
  if (nests_deeper_than(schema, kMaxJsonNesting)) {
    return generate_violating_instance(pruned_copy(schema, kMaxJsonNesting), rng, budget);
  }
  try {
    const json valid = generate_instance(schema, rng, budget);
    SchemaWork work(budget);
    SchemaFlattener flattener(schema, work);
    std::vector<json> candidates;
    const Emit keep = [&candidates](json candidate) {
      if (candidates.size() < kMaxCandidates) candidates.push_back(std::move(candidate));
    };
    Violator(schema, rng, flattener, candidates).collect(schema, valid, 0, keep);
    for (std::size_t i = candidates.size(); i > 1; --i) {
      std::swap(candidates[i - 1], candidates[rng.next() % i]);
    }
    // Blunt values last: they break schemas the mutations could not reach.
    for (json blunt :
         {json(""), json(0), json(-1), json(0.5), json(nullptr), json(true), json::array(),
          json::array({nullptr, nullptr}), json(std::string(kMaxStringLength + 1, 'x'))}) {
      candidates.push_back(std::move(blunt));
    }
    for (auto& candidate : candidates) {
      if (!check_subschema(schema, schema, candidate, work).empty()) return std::move(candidate);
      if (work.exhausted()) break;
    }
  } catch (const std::exception&) {
    // Only allocation failure is expected here; fall through to the unconstrained answer.
  }
  return hallucinated_member(rng, json::object());
}

json generate_violating_instance(const json& schema, Rng& rng) {
  budget::WorkBudget unlimited;
  return generate_violating_instance(schema, rng, unlimited);
}

}  // namespace chatmock::synthesis
