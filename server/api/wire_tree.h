// Walking a type's field list (wire_fields.h): the nlohmann tree both ways here, the direct text
// writer in json_text.cpp. Reads go in list order, so a CheckedWhen sees the members listed
// before it; writes go in byte order of the keys, the order nlohmann's std::map prints them in.
#pragma once

#include "api/wire_fields.h"

namespace chatmock::api::wire {

/// A type with a field list.
template <class T>
concept Described = requires {
  field_list(Type<T>{});
};

template <Described T>
inline constexpr auto fields_of = field_list(Type<T>{});

template <Described T>
inline constexpr std::size_t field_count =
    std::tuple_size_v<std::remove_cvref_t<decltype(fields_of<T>)>>;

template <class D>
struct IsPassthrough : std::false_type {};
template <class Owner>
struct IsPassthrough<Passthrough<Owner>> : std::true_type {};

/// The index of T's passthrough descriptor, or field_count<T> when it has none.
template <Described T>
constexpr std::size_t passthrough_index() {
  return std::apply(
      [](const auto&... d) {
        const std::array<bool, sizeof...(d)> is{
            IsPassthrough<std::remove_cvref_t<decltype(d)>>::value...};
        for (std::size_t i = 0; i < is.size(); ++i) {
          if (is[i]) return i;
        }
        return is.size();
      },
      fields_of<T>);
}
template <Described T>
inline constexpr bool has_passthrough = passthrough_index<T>() < field_count<T>;

template <Described T>
constexpr std::array<std::string_view, field_count<T>> names_of() {
  return std::apply(
      [](const auto&... d) { return std::array<std::string_view, sizeof...(d)>{d.name...}; },
      fields_of<T>);
}

/// The list's indices in byte order of their keys (the passthrough, keyless, first).
template <Described T>
constexpr std::array<std::size_t, field_count<T>> sorted_order() {
  const auto names = names_of<T>();
  std::array<std::size_t, field_count<T>> order{};
  for (std::size_t i = 0; i < order.size(); ++i) {
    std::size_t at = i;
    for (; at > 0 && names[i] < names[order[at - 1]]; --at) order[at] = order[at - 1];
    order[at] = i;
  }
  for (std::size_t i = 1; i < order.size(); ++i) {
    // Two descriptors with one key would print it twice where the tree prints it once.
    if (names[order[i - 1]] == names[order[i]]) throw "duplicate key in a wire field list";
  }
  return order;
}
template <Described T>
inline constexpr auto key_order = sorted_order<T>();

/// Writes into an nlohmann object; key order is the tree's business.
struct TreeOut {
  nlohmann::json& j;
  void null(std::string_view name) { j[name] = nullptr; }
  template <class X>
  void value(std::string_view name, const X& x) {
    j[name] = x;
  }
};

template <Described T>
void to_tree(nlohmann::json& j, const T& v) {
  j = nlohmann::json::object();
  if constexpr (has_passthrough<T>) {
    const nlohmann::json& rest = v.*(std::get<passthrough_index<T>()>(fields_of<T>).member);
    if (rest.is_object()) j = rest;
  }
  TreeOut out{j};
  std::apply([&](const auto&... d) { (d.emit(out, v), ...); }, fields_of<T>);
}

template <Described T>
void from_tree(const nlohmann::json& j, T& v) {
  if constexpr (!has_passthrough<T>) {
    std::apply([&](const auto&... d) { (d.read(j, v), ...); }, fields_of<T>);
  } else {
    std::array<bool, field_count<T>> taken{};
    std::size_t i = 0;
    std::apply([&](const auto&... d) { ((taken[i++] = d.read(j, v)), ...); }, fields_of<T>);
    constexpr auto names = names_of<T>();
    nlohmann::json rest = nlohmann::json::object();
    for (const auto& [key, value] : j.items()) {
      bool was_taken = false;
      for (std::size_t k = 0; k < names.size(); ++k)
        was_taken = was_taken || (taken[k] && names[k] == key);
      if (!was_taken) rest[key] = value;
    }
    v.*(std::get<passthrough_index<T>()>(fields_of<T>).member) = std::move(rest);
  }
}

}  // namespace chatmock::api::wire

/// Defines the declared to_json and from_json of `Type` (namespace chatmock::api) from its list.
#define CHATMOCK_WIRE_TO_JSON(Type) \
  void to_json(nlohmann::json& j, const Type& v) { ::chatmock::api::wire::to_tree(j, v); }
#define CHATMOCK_WIRE_JSON(Type) \
  CHATMOCK_WIRE_TO_JSON(Type)    \
  void from_json(const nlohmann::json& j, Type& v) { ::chatmock::api::wire::from_tree(j, v); }
