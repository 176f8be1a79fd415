// Model and ModelList for GET /v1/models, plus the built-in catalogue of current model ids.
// The catalogue is data, not behaviour: synthesis resolves aliases to snapshots through it.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/wire_fields.h"

namespace chatmock::api {

/// One entry of GET /v1/models.
struct Model {
  std::string id;
  std::string object = "model";
  std::int64_t created = 0;
  std::string owned_by = "system";
  bool operator==(const Model&) const = default;
};

/// The GET /v1/models body.
struct ModelList {
  std::string object = "list";
  std::vector<Model> data;
};

/// The built-in model catalogue (ids current as of the reference snapshot).
const std::vector<Model>& builtin_models();
/// The model with `id`, if it is in the catalogue.
std::optional<Model> find_model(std::string_view id);
/// The dated snapshot the API reports for an alias (gpt-4o → gpt-4o-2024-08-06); the id itself
/// when it is already a snapshot or unknown (unknown models are served, as a gateway would).
std::string resolve_snapshot(std::string_view id);
/// True for models that reject `max_tokens` (o-series and gpt-5 family).
bool is_reasoning_model(std::string_view id);

namespace wire {
constexpr auto field_list(Type<Model>) {
  return std::tuple{field("id", &Model::id), field("object", &Model::object),
                    field("created", &Model::created), field("owned_by", &Model::owned_by)};
}
constexpr auto field_list(Type<ModelList>) {
  return std::tuple{field("object", &ModelList::object), field("data", &ModelList::data)};
}
}  // namespace wire

void to_json(nlohmann::json& j, const Model& v);
void to_json(nlohmann::json& j, const ModelList& v);

}  // namespace chatmock::api
