// Expected<T>: the one shape of a fallible call on the request path — a value, or the ApiError
// the client will see. The pipeline's stages return it instead of throwing, so every early
// answer (bad header, bad body, rate limit, spent budget) is an ordinary return.
#pragma once

#include <utility>
#include <variant>

#include "api/api_error.h"

namespace chatmock::reply {

template <class T>
class Expected {
 public:
  Expected(T value) : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit
  Expected(api::ApiError error) : state_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool has_value() const { return state_.index() == 0; }
  explicit operator bool() const { return has_value(); }
  T& value() { return std::get<0>(state_); }
  const T& value() const { return std::get<0>(state_); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const api::ApiError& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, api::ApiError> state_;
};

}  // namespace chatmock::reply
