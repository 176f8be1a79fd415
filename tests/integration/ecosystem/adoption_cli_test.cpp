// The rough edges a new user of `chatmock` hit, through the built binary: a misspelt --scenario
// or flag fails at start with a suggestion, --help shows defaults, validate-fixtures takes files
// and notices an empty folder, and the ready line is followed by a summary of the setup.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "adoption_test_support.h"

namespace chatmock::adoption {
namespace {

const std::string kBin = CHATMOCK_BIN;

TEST(AdoptionCliTest, MisspeltScenarioFailsAtStartWithASuggestion) {
  const CommandOutput r = run(kBin + " serve --port 0 --log off --scenario refusl");
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.out.find("unknown scenario 'refusl' (did you mean refusal?)"), std::string::npos)
      << r.out;
  const CommandOutput composed =
      run(kBin + " serve --port 0 --log off --scenario 'tool_calls+sse_crfl'");
  EXPECT_EQ(composed.code, 2) << composed.out;
  EXPECT_NE(composed.out.find("did you mean sse_crlf?"), std::string::npos) << composed.out;
}

TEST(AdoptionCliTest, UnknownFlagSuggestsTheClosestOne) {
  const CommandOutput r = run(kBin + " serve --prot 9000");
  EXPECT_NE(r.code, 0);
  EXPECT_NE(r.out.find("--prot: did you mean --port?"), std::string::npos) << r.out;
}

TEST(AdoptionCliTest, ServeHelpShowsEveryDefault) {
  const CommandOutput r = run(kBin + " serve --help");
  ASSERT_EQ(r.code, 0) << r.out;
  for (const char* flag :
       {"--port", "--journal-size", "--max-body", "--header-timeout-ms", "--request-timeout-ms",
        "--keep-alive-timeout", "--threads", "--max-connections", "--host", "--log"}) {
    std::istringstream lines(r.out);
    std::string found;  // the option's own line: "  --port INT:…=8080"
    for (std::string line; std::getline(lines, line) && found.empty();) {
      if (line.rfind(std::string("  ") + flag + " ", 0) == 0) found = line;
    }
    EXPECT_NE(found.find('='), std::string::npos) << flag << " shows no =DEFAULT: " << found;
  }
  EXPECT_NE(r.out.find("content-type: application/json"), std::string::npos)
      << "the curl example must send JSON as JSON";
}

TEST(AdoptionCliTest, ValidateFixturesTakesAFileAndWarnsWhenThereIsNoStub) {
  const Scratch dir("validate");
  std::ofstream(dir.path / "one.json")
      << R"({"id": "one", "reply": {"synthesize": {"content": "hi"}}})";
  fs::create_directories(dir.path / "empty");
  const CommandOutput file = run(kBin + " validate-fixtures " + (dir.path / "one.json").string());
  EXPECT_EQ(file.code, 0) << file.out;
  EXPECT_NE(file.out.find("1 fixture files, 1 stubs: all valid"), std::string::npos) << file.out;

  const CommandOutput empty = run(kBin + " validate-fixtures " + (dir.path / "empty").string());
  EXPECT_EQ(empty.code, 0) << empty.out;
  EXPECT_NE(empty.out.find("warning: no stub found"), std::string::npos) << empty.out;
  const CommandOutput required =
      run(kBin + " validate-fixtures --require-stubs " + (dir.path / "empty").string());
  EXPECT_EQ(required.code, 1) << required.out;
  EXPECT_NE(required.out.find("error: no stub found"), std::string::npos) << required.out;
}

TEST(AdoptionCliTest, ReadyLineIsUnchangedAndASummaryFollowsIt) {
  const Scratch dir("summary");
  fs::create_directories(dir.path / "stubs");
  std::ofstream(dir.path / "stubs" / "one.json")
      << R"({"id": "one", "reply": {"synthesize": {"content": "hi"}}})";
  const Served served(
      dir.path, {"--log", "text", "--fixtures", (dir.path / "stubs").string(), "--seed", "7"});
  ASSERT_GT(served.port(), 0) << served.err();
  const std::string root = "http://127.0.0.1:" + std::to_string(served.port());
  EXPECT_EQ(served.out(), "chatmock listening on " + root + "\n");
  const std::string err = served.err();
  EXPECT_NE(err.find("chatmock: base URL " + root + "/v1, 1 stub ("), std::string::npos) << err;
  EXPECT_NE(err.find("seed 7"), std::string::npos) << err;
  EXPECT_NE(err.find("admin API open"), std::string::npos) << err;
}

TEST(AdoptionCliTest, SummaryIsJsonWithLogJson) {
  const Scratch dir("summary-json");
  const Served served(dir.path, {"--log", "json", "--admin-token", "t0k", "--strict"});
  ASSERT_GT(served.port(), 0) << served.err();
  const std::string first = served.err().substr(0, served.err().find('\n'));
  const auto line = nlohmann::json::parse(first, nullptr, false);
  ASSERT_TRUE(line.is_object()) << served.err();
  EXPECT_EQ(line.value("event", ""), "ready");
  EXPECT_EQ(line.value("base_url", ""),
            "http://127.0.0.1:" + std::to_string(served.port()) + "/v1");
  EXPECT_GT(line.value("stubs", 0), 0) << "the shipped stubs";
  EXPECT_EQ(line.value("strict", false), true);
  EXPECT_EQ(line.value("admin_token", false), true);
  EXPECT_EQ(line.value("record", ""), "off");
  EXPECT_TRUE(line.at("seed").is_null());
  EXPECT_EQ(first.find("t0k"), std::string::npos) << "the token itself is never logged";
}

}  // namespace
}  // namespace chatmock::adoption
