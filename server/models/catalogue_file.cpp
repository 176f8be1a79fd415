// Reading a models file: bounded size and nesting, JSON syntax errors and entry errors both
// reported as NAME:LINE, and every key of an entry known (a misspelt key is an error, not a
// capability silently left at its default).
#include "models/catalogue_file.h"

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

namespace chatmock::models {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxDepth = 16;
constexpr std::size_t kMaxIdBytes = 256;

std::size_t line_at(std::string_view text, std::size_t offset) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) line += text[i] == '\n' ? 1 : 0;
  return line;
}

// Offsets where each element of the top-level array starts, or the offset nesting exceeds
// kMaxDepth at. One linear pass; strings are skipped with their escapes.
struct Layout {
  std::vector<std::size_t> element_starts;
  std::optional<std::size_t> too_deep_at;
};

Layout scan(std::string_view text) {
  Layout layout;
  std::size_t depth = 0;
  bool in_string = false;
  bool expect_element = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
    if (expect_element && depth == 1 && c != ']') layout.element_starts.push_back(i);
    expect_element = false;
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxDepth) {
        layout.too_deep_at = i;
        return layout;
      }
      expect_element = depth == 1 && c == '[';
    } else if (c == ']' || c == '}') {
      depth = depth > 0 ? depth - 1 : 0;
    } else if (c == ',' && depth == 1) {
      expect_element = true;
    }
  }
  return layout;
}

// Applies one entry to `catalogue`; returns the problem, or "" when the entry is fine.
std::string apply_entry(const json& entry, Catalogue& catalogue) {
  if (!entry.is_object()) return "an entry must be an object";
  const auto id_it = entry.find("id");
  if (id_it == entry.end() || !id_it->is_string() || id_it->get_ref<const std::string&>().empty()) {
    return "\"id\" must be a non-empty string";
  }
  const std::string id = id_it->get<std::string>();
  if (id.size() > kMaxIdBytes) return "\"id\" is longer than 256 bytes";
  ModelSpec spec = Catalogue::generic(id);
  if (const auto base = entry.find("base"); base != entry.end()) {
    const ModelSpec* from = base->is_string() ? catalogue.find(base->get<std::string>()) : nullptr;
    if (from == nullptr) return "\"base\" must name a model already in the catalogue";
    spec = *from;
  } else if (const ModelSpec* existing = catalogue.find(id)) {
    spec = *existing;
  }
  spec.id = id;
  for (const auto& item : entry.items()) {
    // Named references, not a structured binding: clang 14 cannot capture bindings in lambdas.
    const std::string& key = item.key();
    const nlohmann::json& value = item.value();
    const auto flag = [&](bool& field) {
      if (!value.is_boolean()) return "\"" + key + "\" must be true or false";
      field = value.get<bool>();
      return std::string();
    };
    const auto count = [&](std::int64_t min, std::int64_t max) -> std::optional<std::int64_t> {
      if (!value.is_number_integer()) return std::nullopt;
      const auto n = value.get<std::int64_t>();
      return n >= min && n <= max ? std::optional(n) : std::nullopt;
    };
    std::string problem;
    if (key == "id" || key == "base") {
      continue;
    } else if (key == "created") {
      const auto n = count(0, std::int64_t{1} << 40U);
      if (!n) return "\"created\" must be a non-negative integer (Unix seconds)";
      spec.created = *n;
    } else if (key == "owned_by") {
      if (!value.is_string()) return "\"owned_by\" must be a string";
      spec.owned_by = value.get<std::string>();
    } else if (key == "reasoning") {
      problem = flag(spec.reasoning);
    } else if (key == "images") {
      problem = flag(spec.images);
    } else if (key == "audio") {
      problem = flag(spec.audio);
    } else if (key == "search") {
      problem = flag(spec.search);
    } else if (key == "logprobs") {
      problem = flag(spec.logprobs);
    } else if (key == "max_n") {
      const auto n = count(1, 128);
      if (!n) return "\"max_n\" must be an integer from 1 to 128";
      spec.max_n = *n;
    } else if (key == "max_output_tokens") {
      const auto n = count(1, std::int64_t{1} << 40U);
      if (!value.is_null() && !n) return "\"max_output_tokens\" must be a positive integer or null";
      spec.max_output_tokens = n;
    } else {
      return "unknown key \"" + key +
             "\" (expected id, base, created, owned_by, reasoning, images, audio, search, "
             "logprobs, max_n, max_output_tokens)";
    }
    if (!problem.empty()) return problem;
  }
  catalogue.put(std::move(spec));
  return {};
}

std::string at(std::string_view name, std::size_t line, const std::string& problem) {
  return std::string(name) + ":" + std::to_string(line) + ": " + problem;
}

}  // namespace

std::variant<Catalogue, std::string> parse_catalogue(std::string_view text, std::string_view name,
                                                     const Catalogue& base) {
  if (text.size() > kMaxCatalogueFileBytes) {
    return std::string(name) + ": larger than " + std::to_string(kMaxCatalogueFileBytes) + " bytes";
  }
  const Layout layout = scan(text);
  if (layout.too_deep_at) {
    return at(name, line_at(text, *layout.too_deep_at),
              "nested deeper than " + std::to_string(kMaxDepth) + " levels");
  }
  json document;
  try {
    document = json::parse(text);
  } catch (const json::parse_error& error) {
    const std::size_t offset = error.byte > 0 ? error.byte - 1 : 0;
    return at(name, line_at(text, offset), "invalid JSON (" + std::string(error.what()) + ")");
  }
  if (!document.is_array()) return at(name, 1, "expected a JSON array of model entries");
  Catalogue catalogue = base;
  for (std::size_t i = 0; i < document.size(); ++i) {
    const std::string problem = apply_entry(document[i], catalogue);
    if (problem.empty()) continue;
    const std::size_t offset = i < layout.element_starts.size() ? layout.element_starts[i] : 0;
    return at(name, line_at(text, offset), "model entry " + std::to_string(i) + ": " + problem);
  }
  return catalogue;
}

std::variant<Catalogue, std::string> load_catalogue_file(const std::string& path,
                                                         const Catalogue& base) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return path + ": cannot open";
  std::string text;
  text.resize(kMaxCatalogueFileBytes + 1);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return parse_catalogue(text, path, base);
}

}  // namespace chatmock::models
