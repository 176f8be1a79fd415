// Lookup in the catalogue: exact ids first, then the fine-tune and dated-snapshot spellings
// clients send, so a catalogue need only list each family once.
#include "models/model_catalogue.h"

#include <algorithm>
#include <utility>

namespace chatmock::models {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "gpt-4o-2024-08-06" → "gpt-4o"; nullopt when `id` has no -YYYY-MM-DD suffix.
std::optional<std::string_view> strip_date(std::string_view id) {
  constexpr std::string_view kPattern = "-dddd-dd-dd";
  if (id.size() <= kPattern.size()) return std::nullopt;
  const std::string_view tail = id.substr(id.size() - kPattern.size());
  for (std::size_t i = 0; i < kPattern.size(); ++i) {
    if (kPattern[i] == 'd' ? !is_digit(tail[i]) : tail[i] != kPattern[i]) return std::nullopt;
  }
  return id.substr(0, id.size() - kPattern.size());
}

}  // namespace

Catalogue::Catalogue(std::vector<ModelSpec> models) {
  for (auto& spec : models) put(std::move(spec));
}

const Catalogue& Catalogue::or_builtin(const Catalogue* custom) {
  return custom != nullptr ? *custom : builtin();
}

const ModelSpec* Catalogue::find(std::string_view id) const {
  const auto it = std::find_if(models_.begin(), models_.end(),
                               [&](const ModelSpec& spec) { return spec.id == id; });
  return it == models_.end() ? nullptr : &*it;
}

const ModelSpec* Catalogue::resolve(std::string_view id) const {
  if (const ModelSpec* exact = find(id)) return exact;
  if (id.starts_with("ft:")) {
    id.remove_prefix(3);
    id = id.substr(0, id.find(':'));
    if (const ModelSpec* base = find(id)) return base;
  }
  if (const auto alias = strip_date(id)) return find(*alias);
  return nullptr;
}

ModelSpec Catalogue::generic(std::string_view id) {
  ModelSpec spec;
  spec.id = std::string(id);
  spec.reasoning = looks_like_reasoning_model(id);
  spec.audio = true;
  spec.search = true;
  return spec;
}

void Catalogue::put(ModelSpec spec) {
  for (ModelSpec& existing : models_) {
    if (existing.id == spec.id) {
      existing = std::move(spec);
      return;
    }
  }
  models_.push_back(std::move(spec));
}

bool looks_like_reasoning_model(std::string_view id) {
  if (id.starts_with("ft:")) id.remove_prefix(3);
  if (id.size() >= 2 && id[0] == 'o' && is_digit(id[1])) return true;
  return id.starts_with("gpt-5");
}

}  // namespace chatmock::models
