// The chatmock CLI as a user meets it, through the built binary: help with examples, --version,
// `scenarios` (table and JSON), `validate-fixtures` (exit codes, file:line per error) and the
// request log format chosen when stderr is not a terminal.
#include <chatmock/client/chat_client.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>

namespace {
namespace fs = std::filesystem;
using namespace std::chrono_literals;

struct CommandRun {
  int code = -1;
  std::string out;
  std::string err;
};

std::string read_file(const fs::path& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// A fresh folder under the test's temp dir, removed on destruction.
struct Scratch {
  explicit Scratch(const std::string& name)
      : path(fs::temp_directory_path() /
             ("chatmock-cli-" + name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~Scratch() { fs::remove_all(path); }
  fs::path path;
};

/// Runs `chatmock ARGS` to completion with stdout and stderr captured in files (not a terminal).
CommandRun chatmock(const std::string& args) {
  const Scratch scratch("run");
  const auto out = scratch.path / "out", err = scratch.path / "err";
  const std::string command = std::string(CHATMOCK_BINARY) + " " + args + " > " + out.string() +
                              " 2> " + err.string() + " < /dev/null";
  const int status = std::system(command.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_file(out), read_file(err)};
}

TEST(CliTest, TopLevelHelpListsSubcommandsWithExamples) {
  const CommandRun run = chatmock("--help");
  EXPECT_EQ(run.code, 0) << run.err;
  for (const char* text : {"serve", "scenarios", "validate-fixtures", "--version", "Examples:"}) {
    EXPECT_NE(run.out.find(text), std::string::npos) << text << "\n" << run.out;
  }
}

TEST(CliTest, EverySubcommandHelpHasExamples) {
  for (const char* sub : {"serve", "scenarios", "validate-fixtures"}) {
    const CommandRun run = chatmock(std::string(sub) + " --help");
    EXPECT_EQ(run.code, 0) << sub << ": " << run.err;
    EXPECT_NE(run.out.find("Examples:"), std::string::npos) << sub << "\n" << run.out;
    EXPECT_NE(run.out.find(std::string("chatmock ") + sub), std::string::npos) << run.out;
  }
}

TEST(CliTest, VersionPrintsTheProjectVersion) {
  const CommandRun run = chatmock("--version");
  EXPECT_EQ(run.code, 0);
  EXPECT_EQ(run.out, std::string(CHATMOCK_VERSION) + "\n");
}

TEST(CliTest, ScenariosPrintsATableAndJson) {
  const CommandRun table = chatmock("scenarios");
  EXPECT_EQ(table.code, 0) << table.err;
  EXPECT_NE(table.out.find("refusal"), std::string::npos);
  EXPECT_NE(table.out.find("[breaks spec]"), std::string::npos);
  const CommandRun json = chatmock("scenarios --json");
  ASSERT_EQ(json.code, 0) << json.err;
  const auto parsed = nlohmann::json::parse(json.out);
  ASSERT_TRUE(parsed.is_array());
  bool found = false;
  for (const auto& s : parsed) {
    EXPECT_TRUE(s.contains("name") && s.contains("description") && s.contains("breaks_spec"));
    found = found || s.at("name") == "tool_calls";
  }
  EXPECT_TRUE(found);
}

TEST(CliTest, ValidateFixturesAcceptsTheShippedCorpus) {
  const CommandRun run =
      chatmock("validate-fixtures " + std::string(SOURCE_DIR) + "/fixtures/mappings");
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_NE(run.out.find("all valid"), std::string::npos) << run.out;
  EXPECT_EQ(run.err, "");
}

TEST(CliTest, ValidateFixturesReportsEveryBadFileWithItsLine) {
  const Scratch dir("fixtures");
  std::ofstream(dir.path / "a_broken.json") << "{\n  \"id\": \"a\",\n  \"request\": {,\n}\n";
  std::ofstream(dir.path / "b_ok.json")
      << R"({"id": "same", "reply": {"synthesize": {"content": "hi"}}})"
      << "\n";
  std::ofstream(dir.path / "c_dup.json")
      << R"({"id": "same", "reply": {"synthesize": {"content": "hi"}}})"
      << "\n";
  const CommandRun run = chatmock("validate-fixtures " + dir.path.string());
  EXPECT_EQ(run.code, 1);
  EXPECT_NE(run.err.find("a_broken.json:3:"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("c_dup.json:1:"), std::string::npos) << run.err;
  EXPECT_NE(run.out.find("2 errors"), std::string::npos) << run.out;
}

TEST(CliTest, ValidateFixturesRejectsAMissingFolder) {
  const CommandRun run = chatmock("validate-fixtures /nonexistent/chatmock-fixtures");
  EXPECT_EQ(run.code, 1);
  EXPECT_NE(run.err.find("/nonexistent/chatmock-fixtures: not a folder"), std::string::npos);
}

TEST(CliTest, RequestLogIsJsonLinesWhenStderrIsNotATerminal) {
  const Scratch dir("log");
  const auto port_file = dir.path / "port", err = dir.path / "err";
  const pid_t pid = ::fork();
  if (pid == 0) {
    std::freopen(err.c_str(), "w", stderr);
    std::freopen("/dev/null", "w", stdout);
    ::execl(CHATMOCK_BINARY, CHATMOCK_BINARY, "serve", "--port", "0", "--port-file",
            port_file.c_str(), nullptr);
    ::_exit(127);
  }
  int port = 0;
  for (int i = 0; i < 3000 && port == 0; ++i) {
    std::ifstream in(port_file);
    if (!(in >> port)) std::this_thread::sleep_for(10ms);
  }
  ASSERT_GT(port, 0) << read_file(err);
  const chatmock::client::ChatClient client("http://127.0.0.1:" + std::to_string(port) + "/v1",
                                            "sk-test");
  const auto observation =
      client.create({{"model", "gpt-4o"}, {"messages", {{{"role", "user"}, {"content", "hi"}}}}});
  EXPECT_TRUE(observation.at("ok").get<bool>()) << observation.dump();
  ::kill(pid, SIGTERM);
  int status = 0;
  ::waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  std::istringstream lines(read_file(err));
  bool logged = false;
  for (std::string line; std::getline(lines, line);) {
    const auto parsed = nlohmann::json::parse(line, nullptr, false);
    if (parsed.is_object() && parsed.value("path", "") == "/v1/chat/completions") {
      logged = parsed.value("status", 0) == 200;
    }
  }
  EXPECT_TRUE(logged) << read_file(err);
}

}  // namespace
