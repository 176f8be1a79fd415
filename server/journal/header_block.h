// HeaderBlock: a list of header (name, value) pairs packed into one string. A journal event keeps
// two dozen headers; as a vector of string pairs that was up to two allocations a header, freed
// later on another thread, and most of what journaling cost (docs/performance.md).
#pragma once

#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chatmock::journal {

class HeaderBlock {
 public:
  using Header = std::pair<std::string_view, std::string_view>;

  HeaderBlock() = default;
  HeaderBlock(std::initializer_list<Header> headers) {
    for (const auto& [name, value] : headers) add(name, value);
  }

  void add(std::string_view name, std::string_view value) {
    put_length(name.size());
    bytes_.append(name);
    put_length(value.size());
    bytes_.append(value);
  }
  void reserve(std::size_t bytes) { bytes_.reserve(bytes); }
  bool empty() const { return bytes_.empty(); }
  /// Bytes held (names, values and their lengths).
  std::size_t size_bytes() const { return bytes_.size(); }

  /// Forward iteration over the headers in insertion order, as (name, value) views.
  class Iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = Header;
    using difference_type = std::ptrdiff_t;
    using pointer = const Header*;
    using reference = const Header&;

    Iterator() = default;
    Iterator(const std::string* bytes, std::size_t at) : bytes_(bytes), at_(at) { decode(); }
    reference operator*() const { return current_; }
    pointer operator->() const { return &current_; }
    Iterator& operator++() {
      at_ = next_;
      decode();
      return *this;
    }
    Iterator operator++(int) {
      auto before = *this;
      ++*this;
      return before;
    }
    bool operator==(const Iterator& other) const { return at_ == other.at_; }

   private:
    void decode() {
      if (bytes_ == nullptr || at_ >= bytes_->size()) return;
      std::size_t at = at_;
      const auto name = take(at);
      const auto value = take(at);
      current_ = {name, value};
      next_ = at;
    }
    std::string_view take(std::size_t& at) const {
      std::uint32_t length = 0;
      std::memcpy(&length, bytes_->data() + at, sizeof length);
      at += sizeof length;
      const std::string_view text(bytes_->data() + at, length);
      at += length;
      return text;
    }

    const std::string* bytes_ = nullptr;
    std::size_t at_ = 0;
    std::size_t next_ = 0;
    Header current_;
  };

  Iterator begin() const { return {&bytes_, 0}; }
  Iterator end() const { return {&bytes_, bytes_.size()}; }

  std::vector<std::pair<std::string, std::string>> to_vector() const {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& [name, value] : *this) out.emplace_back(name, value);
    return out;
  }

  bool operator==(const HeaderBlock& other) const = default;

 private:
  void put_length(std::size_t length) {
    const auto value = static_cast<std::uint32_t>(length);
    bytes_.append(reinterpret_cast<const char*>(&value), sizeof value);
  }

  std::string bytes_;
};

}  // namespace chatmock::journal
