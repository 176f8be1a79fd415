// Every object below lists its keys in byte order, because that is the order nlohmann's
// std::map-backed objects print them in; the property test (tests/property/api) compares the
// two for arbitrary values. Anything unusual (a double, invalid UTF-8, free-form JSON) is
// handed to nlohmann itself, so the rare paths cannot drift.
#include "api/json_text.h"

#include <charconv>

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
  std::string take() { return std::move(out_); }

  JsonText& open_object() { return open('{'); }
  JsonText& close_object() { return close('}'); }
  JsonText& open_array() { return open('['); }
  JsonText& close_array() { return close(']'); }

  JsonText& key(std::string_view name) {
    separate();
    out_ += '"';
    out_ += name;  // keys are fixed ASCII identifiers: nothing to escape
    out_ += "\":";
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
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\b': out_ += "\\b"; break;
        case '\f': out_ += "\\f"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
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
void write(JsonText& w, const json& v) { w.any(v); }
void write(JsonText& w, FinishReason v) {
  switch (v) {
    case FinishReason::stop: w.string("stop"); return;
    case FinishReason::length: w.string("length"); return;
    case FinishReason::tool_calls: w.string("tool_calls"); return;
    case FinishReason::content_filter: w.string("content_filter"); return;
    case FinishReason::function_call: w.string("function_call"); return;
  }
  w.any(json(v));
}

template <class T>
void write(JsonText& w, const std::vector<T>& items) {
  w.open_array();
  for (const auto& item : items) write(w, item);
  w.close_array();
}

/// A tri-state field: nothing when absent, `null`, or the value.
template <class T>
void put(JsonText& w, std::string_view name, const Field<T>& field) {
  if (field.absent()) return;
  w.key(name);
  if (field.is_null()) {
    w.null();
  } else {
    write(w, *field);
  }
}

void write(JsonText& w, const Function& v) {
  w.open_object().key("arguments").string(v.arguments).key("name").string(v.name).close_object();
}

void write(JsonText& w, const CustomToolCall& v) {
  w.open_object().key("input").string(v.input).key("name").string(v.name).close_object();
}

void write(JsonText& w, const ToolCall& v) {
  w.open_object();
  put(w, "custom", v.custom);
  put(w, "function", v.function);
  w.key("id").string(v.id).key("type").string(v.type).close_object();
}

void write(JsonText& w, const Annotation& v) {
  w.open_object().key("type").string(v.type).key("url_citation").open_object();
  w.key("end_index").integer(v.url_citation.end_index);
  w.key("start_index").integer(v.url_citation.start_index);
  w.key("title").string(v.url_citation.title).key("url").string(v.url_citation.url);
  w.close_object().close_object();
}

void write(JsonText& w, const ChatCompletionAudio& v) {
  w.open_object().key("data").string(v.data).key("expires_at").integer(v.expires_at);
  w.key("id").string(v.id).key("transcript").string(v.transcript).close_object();
}

void write(JsonText& w, const TopLogprob& v) {
  w.open_object();
  put(w, "bytes", v.bytes);
  w.key("logprob").number(v.logprob).key("token").string(v.token).close_object();
}

void write(JsonText& w, const TokenLogprob& v) {
  w.open_object();
  put(w, "bytes", v.bytes);
  w.key("logprob").number(v.logprob).key("token").string(v.token).key("top_logprobs");
  write(w, v.top_logprobs);
  w.close_object();
}

void write(JsonText& w, const ChoiceLogprobs& v) {
  w.open_object();
  put(w, "content", v.content);
  put(w, "refusal", v.refusal);
  w.close_object();
}

void write(JsonText& w, const CompletionTokensDetails& v) {
  w.open_object();
  put(w, "accepted_prediction_tokens", v.accepted_prediction_tokens);
  put(w, "audio_tokens", v.audio_tokens);
  put(w, "reasoning_tokens", v.reasoning_tokens);
  put(w, "rejected_prediction_tokens", v.rejected_prediction_tokens);
  put(w, "text_tokens", v.text_tokens);
  w.close_object();
}

void write(JsonText& w, const PromptTokensDetails& v) {
  w.open_object();
  put(w, "audio_tokens", v.audio_tokens);
  put(w, "cache_write_tokens", v.cache_write_tokens);  // '_' sorts before 'd'
  put(w, "cached_tokens", v.cached_tokens);
  put(w, "image_tokens", v.image_tokens);
  put(w, "text_tokens", v.text_tokens);
  w.close_object();
}

void write(JsonText& w, const CompletionUsage& v) {
  w.open_object().key("completion_tokens").integer(v.completion_tokens);
  put(w, "completion_tokens_details", v.completion_tokens_details);
  w.key("prompt_tokens").integer(v.prompt_tokens);
  put(w, "prompt_tokens_details", v.prompt_tokens_details);
  w.key("total_tokens").integer(v.total_tokens).close_object();
}

void write(JsonText& w, const ChatCompletionMessage& v) {
  w.open_object();
  put(w, "annotations", v.annotations);
  put(w, "audio", v.audio);
  put(w, "content", v.content);
  put(w, "function_call", v.function_call);
  put(w, "refusal", v.refusal);
  w.key("role").string(v.role);
  put(w, "tool_calls", v.tool_calls);
  w.close_object();
}

void write(JsonText& w, const Choice& v) {
  w.open_object().key("finish_reason");
  write(w, v.finish_reason);
  w.key("index").integer(v.index);
  put(w, "logprobs", v.logprobs);
  w.key("message");
  write(w, v.message);
  w.close_object();
}

void write(JsonText& w, const FunctionDelta& v) {
  w.open_object();
  put(w, "arguments", v.arguments);
  put(w, "name", v.name);
  w.close_object();
}

void write(JsonText& w, const ToolCallDelta& v) {
  w.open_object();
  put(w, "custom", v.custom);
  put(w, "function", v.function);
  put(w, "id", v.id);
  put(w, "index", v.index);
  put(w, "type", v.type);
  w.close_object();
}

void write(JsonText& w, const Delta& v) {
  w.open_object();
  put(w, "annotations", v.annotations);
  put(w, "audio", v.audio);
  put(w, "content", v.content);
  put(w, "function_call", v.function_call);
  put(w, "refusal", v.refusal);
  put(w, "role", v.role);
  put(w, "tool_calls", v.tool_calls);
  w.close_object();
}

void write(JsonText& w, const ChunkChoice& v) {
  w.open_object().key("delta");
  write(w, v.delta);
  put(w, "finish_reason", v.finish_reason);
  w.key("index").integer(v.index);
  put(w, "logprobs", v.logprobs);
  w.close_object();
}
}  // namespace

std::string to_json_text(const ChatCompletion& v) {
  JsonText w;
  w.open_object().key("choices");
  write(w, v.choices);
  w.key("created").integer(v.created).key("id").string(v.id).key("model").string(v.model);
  put(w, "moderation", v.moderation);
  w.key("object").string(v.object);
  put(w, "service_tier", v.service_tier);
  put(w, "system_fingerprint", v.system_fingerprint);
  put(w, "usage", v.usage);
  w.close_object();
  return w.take();
}

std::string to_json_text(const ChatCompletionChunk& v) {
  JsonText w;
  w.open_object().key("choices");
  write(w, v.choices);
  w.key("created").integer(v.created).key("id").string(v.id).key("model").string(v.model);
  put(w, "obfuscation", v.obfuscation);  // "obf" sorts before "obj"
  w.key("object").string(v.object);
  put(w, "service_tier", v.service_tier);
  put(w, "system_fingerprint", v.system_fingerprint);
  put(w, "usage", v.usage);
  w.close_object();
  return w.take();
}

}  // namespace chatmock::api
