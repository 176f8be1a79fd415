// Field<T>: a wire field that can be absent, explicitly null, or hold a value. The API
// distinguishes the three (docs/openai-behaviour.md §1.3: `tool_calls` absent vs null vs []), so
// the model must be able to emit each; std::optional alone cannot say "present but null".
#pragma once

#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>

namespace chatmock::api {

/// A tri-state field: absent (not serialised), null, or a value.
template <class T>
class Field {
 public:
  Field() = default;
  Field(T value) : state_(State::value), value_(std::move(value)) {}  // NOLINT: implicit by design

  /// A field that is present with the value null.
  static Field null() {
    Field f;
    f.state_ = State::null;
    return f;
  }
  bool absent() const { return state_ == State::absent; }
  bool is_null() const { return state_ == State::null; }
  bool has_value() const { return state_ == State::value; }
  explicit operator bool() const { return has_value(); }

  const T& operator*() const { return *value_; }
  T& operator*() { return *value_; }
  const T* operator->() const { return &*value_; }
  T* operator->() { return &*value_; }
  /// The value, or `fallback` when absent or null.
  T value_or(T fallback) const { return has_value() ? *value_ : std::move(fallback); }

  void set_null() { *this = null(); }
  void set_absent() { *this = Field(); }

  bool operator==(const Field& other) const = default;

 private:
  enum class State { absent, null, value };
  State state_ = State::absent;
  std::optional<T> value_;
};

/// Writes `field` under `key` unless it is absent.
template <class T>
void put(nlohmann::json& j, std::string_view key, const Field<T>& field) {
  if (field.is_null()) {
    j[key] = nullptr;
  } else if (field.has_value()) {
    j[key] = *field;
  }
}

/// `j` converted to T. For an integer T a floating-point number beyond T's range (or NaN) is a
/// type error, where nlohmann's own conversion is undefined behaviour (found by the
/// fixture_loader fuzzer: "reasoning_tokens": -92233720368547758080).
template <class T>
T value_of(const nlohmann::json& j) {
  if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
    if (j.is_number_float()) {
      const double d = j.get<double>();
      constexpr double lo =
          std::is_signed_v<T> ? static_cast<double>(std::numeric_limits<T>::min()) : -1.0;
      constexpr double hi = std::is_signed_v<T>
                                ? -static_cast<double>(std::numeric_limits<T>::min())
                                : 2.0 * static_cast<double>(std::numeric_limits<T>::max() / 2 + 1);
      const bool fits = std::is_signed_v<T> ? (d >= lo && d < hi) : (d > lo && d < hi);
      if (!fits)
        throw nlohmann::json::type_error::create(
            302, "number out of range for an integer: " + j.dump(), &j);
    }
  }
  return j.template get<T>();
}

/// Reads `key` into `field`: absent when missing, null when null, else the converted value.
template <class T>
void get(const nlohmann::json& j, std::string_view key, Field<T>& field) {
  const auto it = j.find(key);
  if (it == j.end()) {
    field = Field<T>();
  } else if (it->is_null()) {
    field = Field<T>::null();
  } else {
    field = value_of<T>(*it);
  }
}

/// Like get, for a key the validator does not check where it appears (tool_calls on a system
/// message, function on a custom tool): noise the API ignores. Kept when it has the modelled
/// type, so it round-trips; left absent when it has not, instead of failing the whole parse.
template <class T>
void get_unchecked(const nlohmann::json& j, std::string_view key, Field<T>& field) {
  try {
    get(j, key, field);
  } catch (const nlohmann::json::exception&) {
    field = Field<T>();
  }
}

/// get where the validator checks `key` (`validated`), get_unchecked elsewhere.
template <class T>
void get(const nlohmann::json& j, std::string_view key, Field<T>& field, bool validated) {
  if (validated) {
    get(j, key, field);
  } else {
    get_unchecked(j, key, field);
  }
}

}  // namespace chatmock::api
