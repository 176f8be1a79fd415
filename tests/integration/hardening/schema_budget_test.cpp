// Each JSON Schema that once hung or ballooned the server, posted over a real socket as
// `response_format` and as a tool's `parameters` (with n: 8): every request gets a reply (200,
// or a 400 naming the schema) within a generous bound, and the server keeps answering.
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>

#include "support/running_server.h"
#include "unit/synthesis/json_schema_findings.h"

namespace chatmock::testing {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

// A 2-core machine shared with other builds, under ASan: far above the real figures
// (milliseconds in a release build).
constexpr double kReplyBound = 30.0;

httplib::Result post_schema(int port, const json& body) {
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(60, 0);
  client.set_write_timeout(60, 0);
  return client.Post("/v1/chat/completions", {{"Authorization", "Bearer sk-x"}}, body.dump(),
                     "application/json");
}

json base_request() {
  return {{"model", "gpt-4o-mini"},
          {"n", 8},
          {"messages", {{{"role", "user"}, {"content", "answer in json"}}}}};
}

json as_response_format(const json& schema) {
  json body = base_request();
  body["response_format"] = {
      {"type", "json_schema"},
      {"json_schema", {{"name", "finding"}, {"schema", schema}, {"strict", false}}}};
  return body;
}

json as_tool(const json& schema) {
  json body = base_request();
  // Object-typed parameters, as the API expects; the finding sits under a required property.
  const json parameters = {
      {"type", "object"}, {"properties", {{"value", schema}}}, {"required", {"value"}}};
  body["tools"] = {
      {{"type", "function"}, {"function", {{"name", "finding"}, {"parameters", parameters}}}}};
  body["tool_choice"] = "required";
  return body;
}

void expect_answered(const httplib::Result& res, const std::string& what, double took,
                     const std::string& refused_param) {
  ASSERT_TRUE(res) << what << ": no reply";
  ::testing::Test::RecordProperty(what,
                                  std::to_string(took) + " s, HTTP " + std::to_string(res->status));
  EXPECT_LT(took, kReplyBound) << what;
  if (res->status == 400) {
    const json error = json::parse(res->body)["error"];
    EXPECT_EQ(error["type"], "invalid_request_error") << what;
    // A schema too slow to satisfy within the request's work budget is refused by the budget
    // (naming --work-budget-ms); one that cannot be satisfied at all names the schema.
    if (error["code"] == "work_budget_exceeded") {
      EXPECT_NE(error["message"].get<std::string>().find("--work-budget-ms"), std::string::npos);
      return;
    }
    EXPECT_EQ(error["code"], "invalid_json_schema") << what << " " << res->body;
    EXPECT_EQ(error["param"], refused_param) << what;
    return;
  }
  EXPECT_EQ(res->status, 200) << what << ": " << res->body.substr(0, 300);
}

TEST(SchemaBudget, EveryFindingIsAnsweredAndTheServerStaysUp) {
  RunningServer server;
  for (const auto& [name, schema] : synthesis::findings::all()) {
    auto start = Clock::now();
    auto res = post_schema(server.port(), as_response_format(schema));
    expect_answered(res, name + " as response_format",
                    std::chrono::duration<double>(Clock::now() - start).count(),
                    "response_format.json_schema.schema");
    start = Clock::now();
    res = post_schema(server.port(), as_tool(schema));
    expect_answered(res, name + " as tool parameters",
                    std::chrono::duration<double>(Clock::now() - start).count(),
                    "tools[0].function.parameters");
  }
  const auto alive = post_schema(server.port(), base_request());
  ASSERT_TRUE(alive);
  EXPECT_EQ(alive->status, 200);
}

TEST(SchemaBudget, RequiredCycleIsRefusedNamingTheCycle) {
  RunningServer server;
  const auto res =
      post_schema(server.port(), as_response_format(synthesis::findings::required_ref_cycle()));
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 400) << res->body;
  const json error = json::parse(res->body)["error"];
  EXPECT_EQ(error["param"], "response_format.json_schema.schema");
  EXPECT_EQ(error["code"], "invalid_json_schema");
  EXPECT_NE(error["message"].get<std::string>().find("# -> #/properties/x -> #"), std::string::npos)
      << error["message"];
}

}  // namespace
}  // namespace chatmock::testing
