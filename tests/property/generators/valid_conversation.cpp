// Valid conversations are drawn as turns (a system line, a user question, an assistant answer,
// an assistant tool-call block followed by one tool message per call, a legacy function
// result) so tool-call pairing holds by construction rather than by filtering.
#include "generators/valid_conversation.h"

#include "generators/text_generators.h"
#include "generators/wire_generators.h"

namespace chatmock::property {

using nlohmann::json;

/// Text up to 24 code points (at most 96 bytes), sometimes asking for JSON.
rc::Gen<std::string> prose() {
  return rc::gen::weightedOneOf<std::string>({
      {6, text()},
      {1, rc::gen::element<std::string>("Answer in JSON, please.", "Return a json object.",
                                        "What is the weather?")},
  });
}

namespace {

api::ContentPart text_part(std::string type = "text") {
  api::ContentPart part;
  part.type = type;
  part.payload = json::object();
  (type == "refusal" ? part.refusal : part.text) = *prose();
  return part;
}

api::ContentPart user_part() {
  switch (*rc::gen::inRange(0, 6)) {
    case 0: {
      api::ContentPart part{
          "image_url", {}, {}, {{"image_url", {{"url", "https://example.com/cat.png"}}}}};
      if (*rc::gen::arbitrary<bool>())
        part.payload["image_url"]["detail"] = *rc::gen::element<std::string>("auto", "low", "high");
      return part;
    }
    case 1:
      return {"input_audio",
              {},
              {},
              {{"input_audio",
                {{"data", "UklGRg=="}, {"format", *rc::gen::element<std::string>("wav", "mp3")}}}}};
    case 2:
      return {"file", {}, {}, {{"file", {{"file_id", "file-abc123"}, {"filename", "notes.txt"}}}}};
    default:
      return text_part();
  }
}

/// String content, or a non-empty array of parts made by `part`.
template <class MakePart>
void set_content(api::Message& m, MakePart make_part) {
  if (*rc::gen::inRange(0, 3) > 0) {
    m.content_text = *prose();
    return;
  }
  std::vector<api::ContentPart> parts(static_cast<std::size_t>(*rc::gen::inRange(1, 4)));
  for (auto& part : parts) part = make_part();
  m.content_parts = parts;
}

api::Message simple_message(const std::string& role) {
  api::Message m;
  m.role = role;
  if (role == "user") {
    set_content(m, user_part);
  } else {
    set_content(m, [] { return text_part(); });
  }
  if (*rc::gen::inRange(0, 4) == 0) m.name = *identifier();
  return m;
}

api::Message assistant_answer() {
  api::Message m;
  m.role = "assistant";
  set_content(m,
              [] { return text_part(*rc::gen::element<std::string>("text", "text", "refusal")); });
  if (*rc::gen::inRange(0, 4) == 0) m.refusal = api::Field<std::string>::null();
  if (*rc::gen::inRange(0, 6) == 0) m.function_call = api::FunctionCall{*identifier(), "{}"};
  return m;
}

/// An assistant message with 1..3 tool calls and one tool message answering each, in order.
std::vector<api::Message> tool_block(int& next_call) {
  api::Message assistant;
  assistant.role = "assistant";
  assistant.content_text =
      *rc::gen::element(api::Field<std::string>(), api::Field<std::string>::null(),
                        api::Field<std::string>("Let me check."));
  std::vector<api::ToolCall> calls(static_cast<std::size_t>(*rc::gen::inRange(1, 4)));
  std::vector<api::Message> block;
  for (auto& call : calls) {
    call.id = "call_" + std::to_string(next_call++) + "_" + *identifier(6);
    if (*rc::gen::inRange(0, 4) == 0) {
      call.type = "custom";
      call.custom = api::CustomToolCall{*identifier(), *prose()};
    } else {
      call.function = api::Function{
          *identifier(), *rc::gen::element<std::string>("{}", "{\"city\":\"Paris\"}", "not json")};
    }
  }
  assistant.tool_calls = calls;
  block.push_back(assistant);
  for (const auto& call : calls) {
    api::Message answer = simple_message("tool");
    answer.name = {};
    answer.tool_call_id = call.id;
    block.push_back(answer);
  }
  return block;
}

}  // namespace

std::vector<api::Message> valid_conversation() {
  std::vector<api::Message> messages;
  int next_call = 0;
  const int turns = *rc::gen::inRange(1, 6);
  for (int t = 0; t < turns; ++t) {
    switch (*rc::gen::inRange(0, 8)) {
      case 0:
        messages.push_back(simple_message(*rc::gen::element<std::string>("system", "developer")));
        break;
      case 1:
        messages.push_back(assistant_answer());
        break;
      case 2:
      case 3: {
        for (auto& m : tool_block(next_call)) messages.push_back(std::move(m));
        break;
      }
      case 4: {
        api::Message m;
        m.role = "function";
        m.name = *identifier();
        m.content_text = *rc::gen::element(api::Field<std::string>::null(),
                                           api::Field<std::string>("{\"ok\":true}"));
        messages.push_back(m);
        break;
      }
      default:
        messages.push_back(simple_message("user"));
        break;
    }
  }
  return messages;
}

}  // namespace chatmock::property
