// The model catalogue: which models exist and what each one takes (images, audio output, web
// search, n, logprobs, output budget). Data, not behaviour: validation asks it, /v1/models lists
// it, and `--models FILE` extends it (catalogue_file.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chatmock::models {

/// What one model accepts on /v1/chat/completions, and how /v1/models shows it.
struct ModelSpec {
  std::string id;
  std::int64_t created = 0;
  std::string owned_by = "system";
  /// o-series and gpt-5: refuses `max_tokens` and any temperature but the default 1.
  bool reasoning = false;
  bool images = true;    ///< takes image_url content parts
  bool audio = false;    ///< can answer with audio (`modalities: ["audio"]`)
  bool search = false;   ///< takes `web_search_options`
  bool logprobs = true;  ///< takes `logprobs: true` and `top_logprobs`
  std::int64_t max_n = 128;
  /// Largest max_tokens / max_completion_tokens; nullopt when no limit is known.
  std::optional<std::int64_t> max_output_tokens;

  bool operator==(const ModelSpec&) const = default;
};

/// An ordered set of ModelSpec, unique by id.
class Catalogue {
 public:
  Catalogue() = default;
  explicit Catalogue(std::vector<ModelSpec> models);

  /// The models chatmock knows without `--models` (builtin_catalogue.cpp).
  static const Catalogue& builtin();
  /// `custom` when set, else the built-in catalogue.
  static const Catalogue& or_builtin(const Catalogue* custom);

  [[nodiscard]] const std::vector<ModelSpec>& models() const { return models_; }
  /// The entry with exactly this id.
  [[nodiscard]] const ModelSpec* find(std::string_view id) const;
  /// The entry a request for `id` is served as: the exact id, else the base of a fine-tune
  /// ("ft:gpt-4o-mini:org::x"), else the alias of a dated snapshot ("o3-mini-2025-01-31").
  [[nodiscard]] const ModelSpec* resolve(std::string_view id) const;
  /// What an id the catalogue does not know is served as: a chat model that takes everything,
  /// with the reasoning rules when its name says o-series or gpt-5.
  [[nodiscard]] static ModelSpec generic(std::string_view id);
  /// Adds `spec`, or replaces the entry with its id in place.
  void put(ModelSpec spec);

 private:
  std::vector<ModelSpec> models_;
};

/// True for o-series ("o1", "o4-mini") and gpt-5* names, fine-tunes included.
bool looks_like_reasoning_model(std::string_view id);

}  // namespace chatmock::models
