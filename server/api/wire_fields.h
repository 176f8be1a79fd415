// One field list per wire type: each type's header defines `wire::field_list(Type<T>)`, a tuple
// of the descriptors below, and to_json, from_json and the direct text writer (json_text.cpp)
// all walk that one list, so adding a field is one line. Regular fields are `field(...)`; every
// irregular rule (defaults, lenient keys, passthrough objects) is a descriptor named for it.
#pragma once

#include <array>
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "api/field.h"

namespace chatmock::api::wire {

/// The tag a type's field list is looked up by (found by ADL).
template <class T>
struct Type {};

/// A key the validator checks only where `member` equals `value` (a tool call's `custom` only
/// under type "custom"); elsewhere it is noise, read leniently (get_unchecked).
template <class Owner>
struct CheckedWhen {
  std::string Owner::*member = nullptr;
  std::string_view value;
  bool operator()(const Owner& v) const { return member == nullptr || v.*member == value; }
};

// Every descriptor has a `name`, `emit(out, value)` — out.value(name, x) or out.null(name), or
// nothing when the key is left out — and `read(json, value)`, true when it took the key (a key
// not taken stays in the type's passthrough object, if it has one).

/// Always written; read from a key that must be present.
template <class Owner, class M>
struct Required {
  std::string_view name;
  M Owner::*member;
  template <class Out>
  void emit(Out& out, const Owner& v) const {
    out.value(name, v.*member);
  }
  bool read(const nlohmann::json& j, Owner& v) const {
    v.*member = value_of<M>(j.at(name));
    return true;
  }
};

/// A Field<T>: left out when absent, `null` when null (field.h).
template <class Owner, class M>
struct Optional {
  std::string_view name;
  M Owner::*member;
  CheckedWhen<Owner> checked{};
  template <class Out>
  void emit(Out& out, const Owner& v) const {
    const M& f = v.*member;
    if (f.is_null()) {
      out.null(name);
    } else if (f.has_value()) {
      out.value(name, *f);
    }
  }
  bool read(const nlohmann::json& j, Owner& v) const {
    get(j, name, v.*member, checked(v));
    return !(v.*member).absent();
  }
};

/// A std::optional<T>: always written, `null` when empty.
template <class Owner, class T>
struct Nullable {
  std::string_view name;
  std::optional<T> Owner::*member;
  template <class Out>
  void emit(Out& out, const Owner& v) const {
    if (v.*member) {
      out.value(name, *(v.*member));
    } else {
      out.null(name);
    }
  }
  bool read(const nlohmann::json& j, Owner& v) const {
    const auto it = j.find(name);
    if (it == j.end() || it->is_null()) {
      v.*member = std::nullopt;
    } else {
      v.*member = value_of<T>(*it);
    }
    return it != j.end();
  }
};

/// Always written; a missing key reads as the member's default (a part's type "text").
template <class Owner, class M>
struct Defaulted {
  std::string_view name;
  M Owner::*member;
  template <class Out>
  void emit(Out& out, const Owner& v) const {
    out.value(name, v.*member);
  }
  bool read(const nlohmann::json& j, Owner& v) const {
    const auto it = j.find(name);
    if (it != j.end()) {
      v.*member = value_of<M>(*it);
      return true;
    }
    if (!j.is_object()) (void)j.at(name);  // throws the type error a non-object deserves
    v.*member = Owner{}.*member;
    return false;
  }
};

/// A list written only when non-empty; anything but an array reads as empty (request tools).
template <class Owner, class T>
struct NonEmpty {
  std::string_view name;
  std::vector<T> Owner::*member;
  template <class Out>
  void emit(Out& out, const Owner& v) const {
    if (!(v.*member).empty()) out.value(name, v.*member);
  }
  bool read(const nlohmann::json& j, Owner& v) const {
    const auto it = j.find(name);
    if (it != j.end() && it->is_array()) {
      v.*member = it->get<std::vector<T>>();
    } else {
      (v.*member).clear();
    }
    return it != j.end();
  }
};

/// A string list that may arrive as one string (request stop); null and missing read as empty.
template <class Owner>
struct StringOrList {
  std::string_view name;
  std::vector<std::string> Owner::*member;
  template <class Out>
  void emit(Out& out, const Owner& v) const {
    if (!(v.*member).empty()) out.value(name, v.*member);
  }
  bool read(const nlohmann::json& j, Owner& v) const {
    const auto it = j.find(name);
    if (it != j.end() && !it->is_null()) {
      v.*member = it->is_string() ? std::vector<std::string>{it->get<std::string>()}
                                  : it->get<std::vector<std::string>>();
    } else {
      (v.*member).clear();
    }
    return it != j.end();
  }
};

/// A bool written only when true; anything but a boolean reads as false (request stream).
template <class Owner>
struct Flag {
  std::string_view name;
  bool Owner::*member;
  template <class Out>
  void emit(Out& out, const Owner& v) const {
    if (v.*member) out.value(name, true);
  }
  bool read(const nlohmann::json& j, Owner& v) const {
    const auto it = j.find(name);
    v.*member = it != j.end() && it->is_boolean() && it->get<bool>();
    return it != j.end();
  }
};

/// One key in two forms (message content: parts when an array, else a string or null). The
/// array form wins when both are set, since the key can hold only one.
template <class Owner, class A, class S>
struct Either {
  std::string_view name;
  Field<A> Owner::*array_form;
  Field<S> Owner::*scalar_form;
  template <class Out>
  void emit(Out& out, const Owner& v) const {
    const Field<S>& scalar = v.*scalar_form;
    if ((v.*array_form).has_value()) {
      out.value(name, *(v.*array_form));
    } else if (scalar.is_null()) {
      out.null(name);
    } else if (scalar.has_value()) {
      out.value(name, *scalar);
    }
  }
  bool read(const nlohmann::json& j, Owner& v) const {
    v.*array_form = {};
    v.*scalar_form = {};
    const auto it = j.find(name);
    if (it == j.end()) return false;
    if (it->is_array()) {
      v.*array_form = value_of<A>(*it);
    } else if (it->is_null()) {
      v.*scalar_form = Field<S>::null();
    } else {
      v.*scalar_form = value_of<S>(*it);
    }
    return true;
  }
};

/// The keys no other descriptor took, kept verbatim (a content part's image_url, a request's
/// unmodelled parameters). Written first, so a written field overrides the same key here.
template <class Owner>
struct Passthrough {
  std::string_view name;  // always "": it owns no key of its own
  nlohmann::json Owner::*member;
  template <class Out>
  void emit(Out&, const Owner&) const {}
  bool read(const nlohmann::json&, Owner&) const { return false; }
};

// ---- The vocabulary the field lists are written in.

template <class M>
struct IsField : std::false_type {};
template <class T>
struct IsField<Field<T>> : std::true_type {};
template <class M>
struct IsStdOptional : std::false_type {};
template <class T>
struct IsStdOptional<std::optional<T>> : std::true_type {};

/// A regular field: Required, Optional for a Field<T>, Nullable for a std::optional<T>.
template <class Owner, class M>
constexpr auto field(std::string_view name, M Owner::*member) {
  if constexpr (IsField<M>::value) {
    return Optional<Owner, M>{name, member};
  } else if constexpr (IsStdOptional<M>::value) {
    return Nullable<Owner, typename M::value_type>{name, member};
  } else {
    return Required<Owner, M>{name, member};
  }
}
template <class Owner, class M>
constexpr auto field(std::string_view name, M Owner::*member, CheckedWhen<Owner> checked) {
  static_assert(IsField<M>::value, "only a Field<T> can be noise elsewhere");
  return Optional<Owner, M>{name, member, checked};
}
template <class Owner>
constexpr CheckedWhen<Owner> checked_when(std::string Owner::*member, std::string_view value) {
  return {member, value};
}
template <class Owner, class M>
constexpr Defaulted<Owner, M> defaulted(std::string_view name, M Owner::*member) {
  return {name, member};
}
template <class Owner, class T>
constexpr NonEmpty<Owner, T> non_empty(std::string_view name, std::vector<T> Owner::*member) {
  return {name, member};
}
template <class Owner>
constexpr StringOrList<Owner> string_or_list(std::string_view name,
                                             std::vector<std::string> Owner::*member) {
  return {name, member};
}
template <class Owner>
constexpr Flag<Owner> flag(std::string_view name, bool Owner::*member) {
  return {name, member};
}
template <class Owner, class A, class S>
constexpr Either<Owner, A, S> either(std::string_view name, Field<A> Owner::*array_form,
                                     Field<S> Owner::*scalar_form) {
  return {name, array_form, scalar_form};
}
template <class Owner>
constexpr Passthrough<Owner> passthrough(nlohmann::json Owner::*member) {
  return {"", member};
}

}  // namespace chatmock::api::wire
