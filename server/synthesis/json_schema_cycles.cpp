// Tarjan's strongly connected components over the graph of "a valid value here needs a valid
// value there" edges between subschemas; a descending edge (into a required property or item)
// inside one component is a cycle no finite instance can close. Iterative, so a chain of
// thousands of $defs cannot exhaust the stack.
#include "synthesis/json_schema_cycles.h"

#include <algorithm>
#include <cstddef>
#include <deque>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "synthesis/json_schema_keywords.h"

namespace chatmock::synthesis {

using nlohmann::json;

namespace {

constexpr std::size_t kNoComponent = static_cast<std::size_t>(-1);
// Far more subschemas than a 1 MB schema of real keywords holds; past it, nothing is refused.
constexpr std::size_t kMaxNodes = 200'000;

struct Edge {
  std::size_t to;
  bool descends;
};

class CycleFinder {
 public:
  explicit CycleFinder(const json& root) : root_(root) {}

  std::optional<std::string> run() {
    node(root_, "#");
    for (std::size_t i = 0; i < nodes_.size() && nodes_.size() < kMaxNodes; ++i) expand(i);
    if (nodes_.size() >= kMaxNodes) return std::nullopt;
    components();
    for (std::size_t from = 0; from < nodes_.size(); ++from) {
      for (const Edge& edge : nodes_[from].edges) {
        if (edge.descends && component_[from] == component_[edge.to]) return path(edge.to, from);
      }
    }
    return std::nullopt;
  }

 private:
  struct Node {
    const json* schema;
    std::string pointer;
    std::vector<Edge> edges;
  };

  std::size_t node(const json& schema, std::string pointer) {
    const auto [it, added] = ids_.try_emplace(&schema, nodes_.size());
    if (added) nodes_.push_back(Node{&schema, std::move(pointer), {}});
    return it->second;
  }

  void link(std::size_t from, const json& to, std::string pointer, bool descends) {
    if (!to.is_object()) return;  // true, false and garbage loop nowhere
    const std::size_t target = node(to, std::move(pointer));
    nodes_[from].edges.push_back(Edge{target, descends});
  }

  void expand(std::size_t id) {
    const json& s = *nodes_[id].schema;
    const std::string base = nodes_[id].pointer;
    if (const json* ref = keyword(s, "$ref"); ref != nullptr) {
      if (const json* target = resolve_ref(root_, *ref)) {
        link(id, *target, ref->get<std::string>(), false);
      }
    }
    if (const json* all = keyword(s, "allOf"); all != nullptr && all->is_array()) {
      for (std::size_t i = 0; i < all->size(); ++i) {
        link(id, (*all)[i], base + "/allOf/" + std::to_string(i), false);
      }
    }
    for (const char* choice : {"anyOf", "oneOf"}) {
      const json* branches = keyword(s, choice);
      if (branches != nullptr && branches->is_array() && branches->size() == 1) {
        link(id, (*branches)[0], base + "/" + choice + "/0", false);
      }
    }
    const unsigned types = declared_types(s);
    if (types == kTypeObject) {
      const json* required = keyword(s, "required");
      const json* props = keyword(s, "properties");
      if (required == nullptr || !required->is_array()) required = nullptr;
      for (std::size_t i = 0; required != nullptr && i < required->size(); ++i) {
        const json& name = (*required)[i];
        if (!name.is_string()) continue;
        const auto& key = name.get_ref<const std::string&>();
        if (const json* sub = props != nullptr ? keyword(*props, key) : nullptr) {
          link(id, *sub, base + "/properties/" + token(key), true);
        }
      }
    }
    if (types == kTypeArray && count_keyword(s, "minItems", 1).value_or(0) >= 1) {
      const json* prefix = keyword(s, "prefixItems");
      const json* items = keyword(s, "items");
      if (prefix != nullptr && prefix->is_array() && !prefix->empty()) {
        link(id, (*prefix)[0], base + "/prefixItems/0", true);
      } else if (items != nullptr && items->is_array() && !items->empty()) {
        link(id, (*items)[0], base + "/items/0", true);
      } else if (items != nullptr) {
        link(id, *items, base + "/items", true);
      }
    }
  }

  static std::string token(const std::string& key) {
    return (json::json_pointer() / key).to_string().substr(1);
  }

  // Iterative Tarjan: component_[v] names v's strongly connected component.
  void components() {
    const std::size_t n = nodes_.size();
    std::vector<std::size_t> index(n, kNoComponent), low(n, 0);
    std::vector<bool> on_stack(n, false);
    std::vector<std::size_t> stack;
    std::vector<std::pair<std::size_t, std::size_t>> calls;  // (node, next edge)
    component_.assign(n, kNoComponent);
    std::size_t counter = 0;
    for (std::size_t start = 0; start < n; ++start) {
      if (index[start] != kNoComponent) continue;
      calls.emplace_back(start, 0);
      while (!calls.empty()) {
        auto& [v, next] = calls.back();
        if (next == 0 && index[v] == kNoComponent) {
          index[v] = low[v] = counter++;
          stack.push_back(v);
          on_stack[v] = true;
        }
        if (next < nodes_[v].edges.size()) {
          const std::size_t w = nodes_[v].edges[next++].to;
          if (index[w] == kNoComponent) {
            calls.emplace_back(w, 0);
          } else if (on_stack[w]) {
            low[v] = std::min(low[v], index[w]);
          }
          continue;
        }
        if (low[v] == index[v]) {
          std::size_t w = kNoComponent;
          while (w != v) {
            w = stack.back();
            stack.pop_back();
            on_stack[w] = false;
            component_[w] = v;
          }
        }
        const std::size_t done = v;
        calls.pop_back();
        if (!calls.empty()) {
          const std::size_t parent = calls.back().first;
          low[parent] = std::min(low[parent], low[done]);
        }
      }
    }
  }

  // The loop from `from` back to itself through `to`: a breadth-first path inside the component.
  std::string path(std::size_t to, std::size_t from) {
    std::vector<std::size_t> parent(nodes_.size(), kNoComponent);
    std::deque<std::size_t> pending = {to};
    parent[to] = to;
    while (!pending.empty() && parent[from] == kNoComponent) {
      const std::size_t v = pending.front();
      pending.pop_front();
      for (const Edge& edge : nodes_[v].edges) {
        if (parent[edge.to] != kNoComponent || component_[edge.to] != component_[to]) continue;
        parent[edge.to] = v;
        pending.push_back(edge.to);
      }
    }
    std::vector<std::size_t> loop = {from};
    for (std::size_t v = from; v != to && loop.size() <= nodes_.size(); v = parent[v]) {
      loop.push_back(parent[v]);
    }
    std::reverse(loop.begin(), loop.end());
    std::string text = nodes_[from].pointer;
    for (const std::size_t v : loop) text += " -> " + nodes_[v].pointer;
    return text;
  }

  const json& root_;
  std::vector<Node> nodes_;
  std::unordered_map<const json*, std::size_t> ids_;
  std::vector<std::size_t> component_;
};

}  // namespace

std::optional<std::string> find_required_cycle(const json& schema) {
  if (!schema.is_object()) return std::nullopt;
  try {
    return CycleFinder(schema).run();
  } catch (const std::exception&) {
    return std::nullopt;  // allocation failure: refuse nothing rather than fail the request
  }
}

}  // namespace chatmock::synthesis
