// Objects are written from their field lists (wire_fields.h) with the keys in byte order, the
// order nlohmann's std::map-backed objects print them in; the property test (tests/property/api)
// compares the two for arbitrary values. Anything unusual (a double, invalid UTF-8, free-form
// JSON) is handed to nlohmann itself, so the rare paths cannot drift.
#include "api/json_text.h"

#include <charconv>

#include "api/wire_tree.h"

namespace chatmock::api {

namespace {
using nlohmann::json;

std::string dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

/// True when `text` is well-formed UTF-8 in the strict sense nlohmann checks (no overlongs,
/// no surrogates, nothing past U+10FFFF).
bool is_valid_utf8(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    const unsigned char c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    int extra = 0;
    unsigned char low = 0x80, high = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      extra = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      extra = 2;
      if (c == 0xE0) low = 0xA0;
      if (c == 0xED) high = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      extra = 3;
      if (c == 0xF0) low = 0x90;
      if (c == 0xF4) high = 0x8F;
    } else {
      return false;
    }
    if (end - p <= extra) return false;
    if (p[1] < low || p[1] > high) return false;
    for (int i = 2; i <= extra; ++i) {
      if (p[i] < 0x80 || p[i] > 0xBF) return false;
    }
    p += extra + 1;
  }
  return true;
}

class JsonText {
 public:
  // A typical chunk fits without growing; a completion grows from here in a few doublings
  // instead of eight.
  JsonText() { out_.reserve(480); }
  std::string take() { return std::move(out_); }

  JsonText& open_object() { return open('{'); }
  JsonText& close_object() { return close('}'); }
  JsonText& open_array() { return open('['); }
  JsonText& close_array() { return close(']'); }

  // The per-key calls are forced inline: the generic object writer is large enough that gcc
  // would otherwise call them out of line (measured: +10% instructions per chunk).
  [[gnu::always_inline]] JsonText& key(std::string_view name) {
    separate();
    out_ += '"';
    out_ += name;  // keys are fixed ASCII identifiers: nothing to escape
    out_.append("\":", 2);
    after_key_ = true;
    return *this;
  }
  /// A key that may need escaping (one from a passthrough object).
  JsonText& any_key(std::string_view name) {
    string(name);
    out_ += ':';
    after_key_ = true;
    return *this;
  }
  JsonText& string(std::string_view text) {
    separate();
    if (!is_valid_utf8(text)) {
      out_ += dump(json(std::string(text)));
      return *this;
    }
    out_ += '"';
    // Plain runs are appended whole; only quotes, backslashes and control characters are escaped.
    std::size_t plain_from = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const auto c = static_cast<unsigned char>(text[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out_.append(text.data() + plain_from, i - plain_from);
      plain_from = i + 1;
      switch (c) {
        case '"':
          out_ += "\\\"";
          break;
        case '\\':
          out_ += "\\\\";
          break;
        case '\b':
          out_ += "\\b";
          break;
        case '\f':
          out_ += "\\f";
          break;
        case '\n':
          out_ += "\\n";
          break;
        case '\r':
          out_ += "\\r";
          break;
        case '\t':
          out_ += "\\t";
          break;
        default: {
          static constexpr char kHex[] = "0123456789abcdef";
          out_ += "\\u00";
          out_ += kHex[c >> 4];
          out_ += kHex[c & 0xF];
        }
      }
    }
    out_.append(text.data() + plain_from, text.size() - plain_from);
    out_ += '"';
    return *this;
  }
  JsonText& integer(std::int64_t value) {
    separate();
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out_.append(buffer, result.ptr);
    return *this;
  }
  JsonText& number(double value) { return raw(dump(json(value))); }
  JsonText& boolean(bool value) { return raw(value ? "true" : "false"); }
  JsonText& null() { return raw("null"); }
  JsonText& any(const json& value) { return raw(dump(value)); }

 private:
  JsonText& open(char bracket) {
    separate();
    out_ += bracket;
    first_ = true;
    return *this;
  }
  JsonText& close(char bracket) {
    out_ += bracket;
    first_ = false;
    return *this;
  }
  JsonText& raw(std::string_view text) {
    separate();
    out_ += text;
    return *this;
  }
  /// A comma before every value or key except the first in its container and a key's value.
  void separate() {
    if (after_key_) {
      after_key_ = false;
    } else if (first_) {
      first_ = false;
    } else {
      out_ += ',';
    }
  }

  std::string out_;
  bool first_ = true;
  bool after_key_ = false;
};

void write(JsonText& w, const std::string& v) { w.string(v); }
void write(JsonText& w, std::int64_t v) { w.integer(v); }
void write(JsonText& w, int v) { w.integer(v); }
void write(JsonText& w, bool v) { w.boolean(v); }
void write(JsonText& w, double v) { w.number(v); }
void write(JsonText& w, const json& v) { w.any(v); }
void write(JsonText& w, const ToolChoice& v) { w.any(json(v)); }  // a string or an object
void write(JsonText& w, FinishReason v) {
  switch (v) {
    case FinishReason::stop:
      w.string("stop");
      return;
    case FinishReason::length:
      w.string("length");
      return;
    case FinishReason::tool_calls:
      w.string("tool_calls");
      return;
    case FinishReason::content_filter:
      w.string("content_filter");
      return;
    case FinishReason::function_call:
      w.string("function_call");
      return;
  }
  w.any(json(v));
}

template <class T>
void write(JsonText& w, const std::vector<T>& items) {
  w.open_array();
  for (const auto& item : items) write(w, item);
  w.close_array();
}

/// What a descriptor emits into, as a key and its value. With a passthrough object (`rest`),
/// its keys are merged in byte order and one a written field also names is skipped, as the
/// tree's assignment over a copy of the object would.
template <bool kMerges>
class TextOut {
 public:
  explicit TextOut(JsonText& w, const json* rest = nullptr) : w_(w) {
    if constexpr (kMerges) {
      static const json kNone = json::object();  // a non-object passthrough contributes nothing
      const json& source = rest->is_object() ? *rest : kNone;
      rest_ = {source.cbegin(), source.cend()};
    }
  }
  [[gnu::always_inline]] void null(std::string_view name) { key(name).null(); }
  template <class X>
  [[gnu::always_inline]] void value(std::string_view name, const X& x) {
    key(name);
    write(w_, x);
  }
  /// The passthrough keys after the last field.
  void finish() {
    if constexpr (kMerges) flush_before({});
  }

 private:
  struct Rest {
    json::const_iterator next, end;
  };
  struct NoRest {};

  [[gnu::always_inline]] JsonText& key(std::string_view name) {
    if constexpr (kMerges) {
      flush_before(name);
      if (rest_.next != rest_.end && rest_.next.key() == name) ++rest_.next;
    }
    return w_.key(name);
  }
  /// Writes the passthrough keys before `name` (all that are left when `name` is empty).
  void flush_before(std::string_view name) {
    for (; rest_.next != rest_.end && (name.empty() || rest_.next.key() < name); ++rest_.next) {
      w_.any_key(rest_.next.key()).any(rest_.next.value());
    }
  }

  JsonText& w_;
  [[no_unique_address]] std::conditional_t<kMerges, Rest, NoRest> rest_{};
};

/// An object: each descriptor in byte order of its key, straight-line code once inlined.
template <wire::Described T>
void write(JsonText& w, const T& v) {
  constexpr auto& fields = wire::fields_of<T>;
  w.open_object();
  const auto emit_all = [&](auto& out) {
    [&]<std::size_t... I>(std::index_sequence<I...>) {
      (std::get<wire::key_order<T>[I]>(fields).emit(out, v), ...);
    }
    (std::make_index_sequence<wire::field_count<T>>{});
    out.finish();
  };
  if constexpr (wire::has_passthrough<T>) {
    TextOut<true> out(w, &(v.*(std::get<wire::passthrough_index<T>()>(fields).member)));
    emit_all(out);
  } else {
    TextOut<false> out(w);
    emit_all(out);
  }
  w.close_object();
}
}  // namespace

template <class T>
std::string to_json_text(const T& value) {
  JsonText w;
  write(w, value);
  return w.take();
}

#define CHATMOCK_JSON_TEXT(Type) template std::string to_json_text<Type>(const Type&);
CHATMOCK_JSON_TEXT(ChatCompletion)
CHATMOCK_JSON_TEXT(ChatCompletionChunk)
CHATMOCK_JSON_TEXT(Function)
CHATMOCK_JSON_TEXT(CustomToolCall)
CHATMOCK_JSON_TEXT(ToolCall)
CHATMOCK_JSON_TEXT(UrlCitation)
CHATMOCK_JSON_TEXT(Annotation)
CHATMOCK_JSON_TEXT(ChatCompletionAudio)
CHATMOCK_JSON_TEXT(TopLogprob)
CHATMOCK_JSON_TEXT(TokenLogprob)
CHATMOCK_JSON_TEXT(ChoiceLogprobs)
CHATMOCK_JSON_TEXT(CompletionTokensDetails)
CHATMOCK_JSON_TEXT(PromptTokensDetails)
CHATMOCK_JSON_TEXT(CompletionUsage)
CHATMOCK_JSON_TEXT(ChatCompletionMessage)
CHATMOCK_JSON_TEXT(Choice)
CHATMOCK_JSON_TEXT(FunctionDelta)
CHATMOCK_JSON_TEXT(ToolCallDelta)
CHATMOCK_JSON_TEXT(Delta)
CHATMOCK_JSON_TEXT(ChunkChoice)
CHATMOCK_JSON_TEXT(ContentPart)
CHATMOCK_JSON_TEXT(Message)
CHATMOCK_JSON_TEXT(FunctionDefinition)
CHATMOCK_JSON_TEXT(CustomToolDefinition)
CHATMOCK_JSON_TEXT(Tool)
CHATMOCK_JSON_TEXT(ToolChoice)
CHATMOCK_JSON_TEXT(JsonSchemaFormat)
CHATMOCK_JSON_TEXT(ResponseFormat)
CHATMOCK_JSON_TEXT(StreamOptions)
CHATMOCK_JSON_TEXT(ChatCompletionRequest)
CHATMOCK_JSON_TEXT(Model)
CHATMOCK_JSON_TEXT(ModelList)
CHATMOCK_JSON_TEXT(ApiError)

}  // namespace chatmock::api
