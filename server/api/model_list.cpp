// The built-in model catalogue. `created` values are the real ones where public; the alias
// table maps what clients send to the snapshot the API reports back in `model`.
#include "api/model_list.h"

#include <array>
#include <utility>

#include "api/wire_tree.h"

namespace chatmock::api {

namespace {
constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kAliases = {{
    {"gpt-4o", "gpt-4o-2024-08-06"},
    {"gpt-4o-mini", "gpt-4o-mini-2024-07-18"},
    {"gpt-4.1", "gpt-4.1-2025-04-14"},
    {"gpt-4.1-mini", "gpt-4.1-mini-2025-04-14"},
    {"gpt-4.1-nano", "gpt-4.1-nano-2025-04-14"},
    {"o3", "o3-2025-04-16"},
    {"o4-mini", "o4-mini-2025-04-16"},
    {"gpt-5", "gpt-5-2025-08-07"},
    {"gpt-5-mini", "gpt-5-mini-2025-08-07"},
    {"gpt-5-nano", "gpt-5-nano-2025-08-07"},
}};
}  // namespace

const std::vector<Model>& builtin_models() {
  static const std::vector<Model> kModels = [] {
    std::vector<Model> models;
    const std::array<std::pair<const char*, std::int64_t>, 16> ids = {{
        {"gpt-4o", 1715367049},
        {"gpt-4o-2024-08-06", 1722814719},
        {"gpt-4o-mini", 1721172741},
        {"gpt-4o-mini-2024-07-18", 1721172717},
        {"gpt-4.1", 1744316542},
        {"gpt-4.1-mini", 1744318173},
        {"gpt-4.1-nano", 1744321707},
        {"o3", 1744225308},
        {"o4-mini", 1744225351},
        {"gpt-5", 1754425777},
        {"gpt-5-mini", 1754425928},
        {"gpt-5-nano", 1754426384},
        {"gpt-3.5-turbo", 1677610602},
        {"gpt-4-turbo", 1712361441},
        {"text-embedding-3-small", 1705948997},
        {"chatmock-1", 1735689600},
    }};
    for (const auto& [id, created] : ids) {
      models.push_back({id, "model", created, id[0] == 'c' ? "chatmock" : "system"});
    }
    return models;
  }();
  return kModels;
}

std::optional<Model> find_model(std::string_view id) {
  for (const auto& model : builtin_models()) {
    if (model.id == id) return model;
  }
  return std::nullopt;
}

std::string resolve_snapshot(std::string_view id) {
  for (const auto& [alias, snapshot] : kAliases) {
    if (alias == id) return std::string(snapshot);
  }
  return std::string(id);
}

bool is_reasoning_model(std::string_view id) {
  const bool o_series = id.size() >= 2 && id[0] == 'o' && id[1] >= '1' && id[1] <= '9';
  return o_series || id.starts_with("gpt-5");
}

CHATMOCK_WIRE_TO_JSON(Model)
CHATMOCK_WIRE_TO_JSON(ModelList)

}  // namespace chatmock::api
