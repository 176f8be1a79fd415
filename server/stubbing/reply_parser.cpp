// Reply bodies are serialised once, at load time, from the order-preserving JSON the file was
// read into, so a recorded body replays byte for byte (body_indent reproduces pretty-printed
// upstream bodies). Recorded bytes that are not UTF-8 arrive as body_base64 / data_base64.
#include "stubbing/fixture_bytes.h"
#include "stubbing/stub_parser.h"
#include "text/base64.h"

namespace chatmock::stubbing {

namespace {
const char* const kKinds =
    "exactly one of \"body\", \"body_text\", \"body_base64\", \"chunks\" or \"synthesize\"";

std::optional<api::FinishReason> parse_finish_reason(const FixtureReader& r) {
  const auto text = r.string("finish_reason");
  if (!text) return std::nullopt;
  for (const auto reason :
       {api::FinishReason::stop, api::FinishReason::length, api::FinishReason::tool_calls,
        api::FinishReason::content_filter, api::FinishReason::function_call}) {
    if (nlohmann::json(reason) == *text) return reason;
  }
  r.fail("finish_reason",
         "finish_reason: expected stop, length, tool_calls, content_filter or function_call");
}

synthesis::ReplyKind parse_kind(const FixtureReader& r, const synthesis::ReplyDefinition& d) {
  const auto text = r.string("kind");
  if (!text) {
    // Overrides imply their kind, so {"content": "…"} answers with text even when tools are
    // offered.
    if (!d.tool_calls.empty()) return synthesis::ReplyKind::tool_calls;
    if (d.refusal) return synthesis::ReplyKind::refusal;
    if (d.content) return synthesis::ReplyKind::text;
    return synthesis::ReplyKind::automatic;
  }
  using K = synthesis::ReplyKind;
  for (const auto& [name, kind] :
       {std::pair{"automatic", K::automatic}, std::pair{"text", K::text},
        std::pair{"tool_calls", K::tool_calls}, std::pair{"function_call", K::function_call},
        std::pair{"refusal", K::refusal}, std::pair{"structured", K::structured}}) {
    if (*text == name) return kind;
  }
  r.fail("kind",
         "kind: expected automatic, text, tool_calls, function_call, refusal or structured");
}

synthesis::ReplyDefinition parse_synthesize(const FixtureReader& r) {
  r.allow_only({"kind", "content", "refusal", "tool_calls", "tool_call_count", "finish_reason", "n",
                "logprobs"});
  synthesis::ReplyDefinition d;
  d.content = r.string("content");
  d.refusal = r.string("refusal");
  if (const auto* calls = r.member("tool_calls")) {
    if (!calls->is_array())
      r.fail("tool_calls", "tool_calls: expected an array of {name, arguments}");
    for (std::size_t i = 0; i < calls->size(); ++i) {
      const FixtureReader call((*calls)[i], r.at("tool_calls") + "/" + std::to_string(i));
      call.allow_only({"name", "arguments"});
      synthesis::ForcedToolCall forced;
      forced.name = call.string("name").value_or("");
      if (forced.name.empty()) call.fail("name", "a tool call needs a \"name\"");
      if (const auto* arguments = call.member("arguments")) {
        // An object is written as compact JSON; a string is sent verbatim, even when not JSON.
        forced.arguments =
            arguments->is_string() ? arguments->get<std::string>() : arguments->dump();
      }
      d.tool_calls.push_back(std::move(forced));
    }
  }
  if (const auto count = r.integer("tool_call_count")) {
    if (*count < 1 || *count > 128) r.fail("tool_call_count", "tool_call_count: expected 1 to 128");
    d.tool_call_count = static_cast<std::size_t>(*count);
  }
  d.finish_reason = parse_finish_reason(r);
  if (const auto n = r.integer("n")) {
    if (*n < 1 || *n > 128) r.fail("n", "n: expected 1 to 128");
    d.choice_count = *n;
  }
  d.force_logprobs = r.boolean("logprobs").value_or(false);
  d.kind = parse_kind(r, d);
  return d;
}

std::vector<wire::WireWrite> parse_chunks(const FixtureReader& r) {
  const auto* chunks = r.member("chunks");
  if (!chunks->is_array() || chunks->empty())
    r.fail("chunks", "chunks: expected a non-empty array of {delay_ms, data}");
  std::vector<wire::WireWrite> writes;
  for (std::size_t i = 0; i < chunks->size(); ++i) {
    const FixtureReader chunk((*chunks)[i], r.at("chunks") + "/" + std::to_string(i));
    chunk.allow_only({"delay_ms", "data", "data_base64"});
    const auto delay = chunk.integer("delay_ms").value_or(0);
    if (delay < 0 || delay > 600000) chunk.fail("delay_ms", "delay_ms: expected 0 to 600000");
    const auto text = chunk.string("data");
    const auto encoded = chunk.string("data_base64");
    if (text.has_value() == encoded.has_value())
      chunk.fail("", "a chunk needs exactly one of \"data\" or \"data_base64\"");
    auto bytes = text ? text : text::decode_base64(*encoded);
    if (!bytes) chunk.fail("data_base64", "data_base64: not valid base64");
    writes.push_back({std::move(*bytes), std::chrono::milliseconds(delay)});
  }
  return writes;
}

void parse_headers(const FixtureReader& r, StubReply& reply) {
  const auto* headers = r.member("headers");
  if (headers == nullptr) return;
  const FixtureReader h(*headers, r.at("headers"));
  for (const auto& [name, value] : h.json().items()) {
    if (!value.is_string()) h.fail(name, "header values are strings");
    if (wire::lower_ascii(name) == "content-type") {
      reply.content_type = value.get<std::string>();
    } else {
      reply.headers.emplace_back(name, value.get<std::string>());
    }
  }
}

void parse_body(const FixtureReader& r, StubReply& reply) {
  if (const auto* body = r.member("body")) {
    const auto indent = r.integer("body_indent").value_or(-1);
    if (indent < -1 || indent > 8) r.fail("body_indent", "body_indent: expected 0 to 8");
    reply.body = body->dump(static_cast<int>(indent));
    const bool success = reply.status >= 200 && reply.status < 300;
    if (success && body->is_object() && body->contains("choices")) {
      try {
        reply.completion = nlohmann::json(*body).get<api::ChatCompletion>();
      } catch (const nlohmann::json::exception& e) {
        r.fail("body",
               std::string("body: has \"choices\" but is not a ChatCompletion: ") + e.what());
      }
    }
  } else if (const auto text = r.string("body_text")) {
    reply.body = *text;
  } else if (const auto encoded = r.string("body_base64")) {
    auto bytes = text::decode_base64(*encoded);
    if (!bytes) r.fail("body_base64", "body_base64: not valid base64");
    reply.body = std::move(*bytes);
  }
  if (!r.has("body") && r.has("body_indent"))
    r.fail("body_indent", "body_indent goes with \"body\"");
}
}  // namespace

StubReply parse_reply(const FixtureReader& r) {
  r.allow_only({"status", "headers", "body", "body_text", "body_base64", "body_indent", "chunks",
                "ending", "declared_length", "synthesize"});
  int kinds = 0;
  for (const char* key : {"body", "body_text", "body_base64", "chunks", "synthesize"})
    kinds += r.has(key) ? 1 : 0;
  if (kinds != 1) r.fail("", std::string("a reply needs ") + kKinds);
  StubReply reply;
  const auto status = r.integer("status").value_or(200);
  if (status < 100 || status > 599)
    r.fail("status", "status: expected an HTTP status from 100 to 599");
  reply.status = static_cast<int>(status);
  if (const auto ending = r.string("ending")) {
    if (*ending != "complete" && *ending != "cut")
      r.fail("ending", "ending: expected \"complete\" or \"cut\"");
    reply.ending = *ending == "cut" ? wire::WireEnding::cut : wire::WireEnding::complete;
  }
  if (const auto length = r.integer("declared_length")) {
    if (*length < 0) r.fail("declared_length", "declared_length: expected a byte count");
    reply.declared_length = static_cast<std::size_t>(*length);
  }
  if (r.has("chunks")) {
    reply.kind = StubReplyKind::chunks;
    reply.content_type = "text/event-stream; charset=utf-8";
    reply.chunks = parse_chunks(r);
  } else if (const auto* synthesize = r.member("synthesize")) {
    reply.kind = StubReplyKind::synthesize;
    reply.definition = parse_synthesize(FixtureReader(*synthesize, r.at("synthesize")));
  } else {
    parse_body(r, reply);
  }
  parse_headers(r, reply);
  return reply;
}

}  // namespace chatmock::stubbing
