// A string where a matcher is expected means `equals`, the common case in hand-written
// fixtures. A stub's own `scenario` must be one composition (`a+b`): sequences belong in
// `replies`, where each step is visible in the fixture.
#include "stubbing/stub_parser.h"

#include <regex>

#include "reply/directives_session.h"
#include "scenarios/scenario_catalogue.h"

namespace chatmock::stubbing {

namespace {
StringMatcher parse_matcher(const nlohmann::ordered_json& json, const std::string& pointer) {
  if (json.is_string()) return StringMatcher(StringOperator::equals, json.get<std::string>());
  const char* const shape =
      "expected a string or an object with one of \"equals\", \"contains\", \"regex\"";
  if (!json.is_object() || json.size() != 1) throw StubParseError(pointer, shape);
  const auto first = json.begin();
  const std::string key = first.key();
  const auto& value = first.value();
  const std::string inner = pointer + "/" + pointer_token(key);
  if (!value.is_string()) throw StubParseError(inner, key + ": expected a string");
  if (key == "equals") return StringMatcher(StringOperator::equals, value.get<std::string>());
  if (key == "contains") return StringMatcher(StringOperator::contains, value.get<std::string>());
  if (key == "regex") {
    try {
      return StringMatcher(StringOperator::regex, value.get<std::string>());
    } catch (const std::regex_error& e) {
      throw StubParseError(inner, std::string("invalid regex: ") + e.what());
    }
  }
  throw StubParseError(pointer, shape);
}

std::optional<StringMatcher> matcher_at(const FixtureReader& r, const char* key) {
  const auto* value = r.member(key);
  if (value == nullptr) return std::nullopt;
  return parse_matcher(*value, r.at(key));
}

MessageMatcher parse_message_matcher(const FixtureReader& r) {
  r.allow_only({"index", "role", "content", "tool_call_id", "name"});
  if (r.json().empty())
    r.fail("", "a message matcher needs at least one of index, role, content, tool_call_id, name");
  MessageMatcher m;
  m.index = r.integer("index");
  m.role = r.string("role");
  m.content = matcher_at(r, "content");
  m.tool_call_id = matcher_at(r, "tool_call_id");
  m.name = matcher_at(r, "name");
  return m;
}

ToolResultMatcher parse_tool_result(const nlohmann::ordered_json& json,
                                    const std::string& pointer) {
  ToolResultMatcher m;
  if (json.is_boolean()) {
    m.present = json.get<bool>();
    return m;
  }
  const FixtureReader r(json, pointer);
  r.allow_only({"tool_call_id", "content"});
  m.tool_call_id = matcher_at(r, "tool_call_id");
  m.content = matcher_at(r, "content");
  return m;
}

std::vector<KeyMatcher> parse_key_matchers(const FixtureReader& r, bool lower_case_keys) {
  std::vector<KeyMatcher> out;
  for (const auto& [key, value] : r.json().items()) {
    const std::string pointer = r.at(key);
    const std::string name = lower_case_keys ? wire::lower_ascii(key) : key;
    if (value.is_object() && value.contains("absent")) {
      if (value.size() != 1 || value["absent"] != true)
        throw StubParseError(pointer, "expected {\"absent\": true}");
      out.emplace_back(name, std::nullopt);
      continue;
    }
    out.emplace_back(name, parse_matcher(value, pointer));
  }
  return out;
}

std::vector<std::string> parse_tool_names(const nlohmann::ordered_json& json,
                                          const std::string& pointer) {
  if (json.is_string()) return {json.get<std::string>()};
  if (!json.is_array() || json.empty())
    throw StubParseError(pointer, "tools: expected a tool name or a non-empty array of names");
  std::vector<std::string> names;
  for (std::size_t i = 0; i < json.size(); ++i) {
    if (!json[i].is_string())
      throw StubParseError(pointer + "/" + std::to_string(i), "expected a tool name");
    names.push_back(json[i].get<std::string>());
  }
  return names;
}

void parse_state(const FixtureReader& r, StubMapping& stub) {
  stub.scenario_name = r.string("scenario_name").value_or("");
  stub.required_state = r.string("required_state");
  stub.new_state = r.string("new_state");
  if (stub.scenario_name.empty() && (stub.required_state || stub.new_state)) {
    r.fail(stub.required_state ? "required_state" : "new_state",
           "required_state and new_state need a scenario_name");
  }
}

void parse_layers(const FixtureReader& r, StubMapping& stub) {
  const auto text = r.string("scenario");
  if (!text) return;
  auto parsed = scenarios::parse_scenario_expression(*text, scenarios::builtin_catalogue());
  if (const auto* error = std::get_if<std::string>(&parsed)) r.fail("scenario", *error);
  auto& expression = std::get<scenarios::ScenarioExpression>(parsed);
  if (expression.is_sequence()) {
    r.fail("scenario",
           "scenario: a stub layers one composition (a+b); use \"replies\" for a sequence");
  }
  stub.scenario = expression.text;
  stub.layers = std::move(expression.steps.front());
}
}  // namespace

RequestPattern parse_request_pattern(const FixtureReader& r) {
  r.allow_only({"url", "model", "messages", "last_user_message", "system_message", "tool_result",
                "tools", "response_format", "stream", "include_usage", "headers", "metadata",
                "body"});
  RequestPattern p;
  if (const auto url = r.string("url")) {
    p.api = endpoint_of_url(*url);
    if (!p.api) r.fail("url", "url: expected \"/v1/chat/completions\" or \"/v1/responses\"");
  }
  p.model = matcher_at(r, "model");
  p.last_user_message = matcher_at(r, "last_user_message");
  p.system_message = matcher_at(r, "system_message");
  if (const auto* messages = r.member("messages")) {
    if (!messages->is_array())
      r.fail("messages", "messages: expected an array of message matchers");
    for (std::size_t i = 0; i < messages->size(); ++i) {
      p.messages.push_back(parse_message_matcher(
          FixtureReader((*messages)[i], r.at("messages") + "/" + std::to_string(i))));
    }
  }
  if (const auto* tool_result = r.member("tool_result"))
    p.tool_result = parse_tool_result(*tool_result, r.at("tool_result"));
  if (const auto* tools = r.member("tools")) p.tools = parse_tool_names(*tools, r.at("tools"));
  p.response_format = r.string("response_format");
  if (p.response_format && *p.response_format != "text" && *p.response_format != "json_object" &&
      *p.response_format != "json_schema") {
    r.fail("response_format",
           "response_format: expected \"text\", \"json_object\" or \"json_schema\"");
  }
  p.stream = r.boolean("stream");
  p.include_usage = r.boolean("include_usage");
  if (const auto* headers = r.member("headers"))
    p.headers = parse_key_matchers(FixtureReader(*headers, r.at("headers")), true);
  if (const auto* metadata = r.member("metadata")) {
    p.metadata = parse_key_matchers(FixtureReader(*metadata, r.at("metadata")), false);
  }
  if (const auto* body = r.member("body")) {
    if (!body->is_object())
      r.fail("body", "body: expected a JSON object (a subset of the request body)");
    p.body = nlohmann::json(*body);
  }
  return p;
}

StubMapping parse_stub(const nlohmann::ordered_json& json, const std::string& pointer) {
  const FixtureReader r(json, pointer);
  r.allow_only({"id", "name", "description", "priority", "match", "reply", "replies", "scenario",
                "scenario_name", "required_state", "new_state", "session"});
  StubMapping stub;
  stub.definition = json;
  stub.id = r.string("id").value_or("");
  stub.name = r.string("name").value_or("");
  stub.session = r.string("session").value_or("");
  if (stub.session.size() > reply::kMaxSessionBytes)
    r.fail("session", "session: longer than " + std::to_string(reply::kMaxSessionBytes) + " bytes");
  if (const auto priority = r.integer("priority")) {
    if (*priority < 1 || *priority > 1000000)
      r.fail("priority", "priority: expected an integer from 1 (highest) up");
    stub.priority = static_cast<int>(*priority);
  }
  if (const auto* match = r.member("match"))
    stub.request = parse_request_pattern(FixtureReader(*match, r.at("match")));
  const auto* reply = r.member("reply");
  const auto* replies = r.member("replies");
  if ((reply == nullptr) == (replies == nullptr))
    r.fail("", "a stub needs exactly one of \"reply\" or \"replies\"");
  if (reply != nullptr) {
    stub.replies.push_back(parse_reply(FixtureReader(*reply, r.at("reply"))));
  } else {
    if (!replies->is_array() || replies->empty())
      r.fail("replies", "replies: expected a non-empty array of replies");
    for (std::size_t i = 0; i < replies->size(); ++i) {
      stub.replies.push_back(
          parse_reply(FixtureReader((*replies)[i], r.at("replies") + "/" + std::to_string(i))));
    }
  }
  if (stub.request.endpoint() == scenarios::ScenarioApi::responses) {
    for (std::size_t i = 0; i < stub.replies.size(); ++i) {
      if (stub.replies[i].kind != StubReplyKind::synthesize) continue;
      r.fail(reply != nullptr ? "reply" : "replies",
             "synthesize answers chat completions only; a /v1/responses stub replies with body, "
             "body_text, body_base64 or chunks");
    }
  }
  parse_layers(r, stub);
  parse_state(r, stub);
  return stub;
}

std::vector<StubMapping> parse_stubs(const nlohmann::ordered_json& document) {
  std::vector<StubMapping> stubs;
  if (document.is_array()) {
    for (std::size_t i = 0; i < document.size(); ++i)
      stubs.push_back(parse_stub(document[i], "/" + std::to_string(i)));
    return stubs;
  }
  stubs.push_back(parse_stub(document, ""));
  return stubs;
}

}  // namespace chatmock::stubbing
