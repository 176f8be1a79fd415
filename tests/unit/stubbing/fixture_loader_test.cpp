// Loader errors name file:line so a broken fixture is fixed from the first line of output; the
// shipped corpus loads and stays narrowly matched so the built-in default answers everything else.
#include "stubbing/fixture_loader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "stub_test_support.h"

namespace chatmock::stubbing {
namespace {
namespace fs = std::filesystem;

/// A fresh folder under the system temp dir, removed at the end of the test.
class TempFolder {
 public:
  TempFolder()
      : path_(fs::temp_directory_path() /
              ("chatmock-loader-" +
               std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name())) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempFolder() { fs::remove_all(path_); }
  std::string write(const std::string& relative, const std::string& text) const {
    const auto file = path_ / relative;
    fs::create_directories(file.parent_path());
    std::ofstream(file) << text;
    return file.string();
  }
  std::string path() const { return path_.string(); }

 private:
  fs::path path_;
};

std::string error_of(const FixtureText& file) {
  try {
    parse_fixture_text(file);
  } catch (const FixtureError& e) {
    return e.what();
  }
  return "(no error)";
}

constexpr const char* kValid = R"({
  "match": {"model": "m"},
  "reply": {"synthesize": {"content": "hello"}}
})";

TEST(FixtureLoaderTest, SyntaxErrorsNameTheFileAndLine) {
  const std::string text =
      "{\n  \"match\": {\"model\": \"m\"},\n  \"reply\": {\"body\": {}},,\n}\n";
  const auto error = error_of({"fixtures/broken.json", text, "broken"});
  EXPECT_TRUE(error.starts_with("fixtures/broken.json:3: invalid JSON: ")) << error;
}

TEST(FixtureLoaderTest, TruncatedFilesNameTheirLastLine) {
  const auto error = error_of({"f.json", "{\n  \"match\": {\n", "f"});
  EXPECT_TRUE(error.starts_with("f.json:3: invalid JSON")) << error;
}

// Found by the fixture_loader fuzzer: nlohmann reports an out-of-range number as out_of_range,
// not parse_error, and it escaped the loader.
TEST(FixtureLoaderTest, NumbersBeyondDoubleAreInvalidJsonOnTheirLine) {
  const auto error =
      error_of({"f.json", "{\n  \"match\": {},\n  \"reply\": {\"delay_ms\": 2e308}\n}\n", "f"});
  EXPECT_EQ(error, "f.json:3: invalid JSON: number overflow parsing '2e308'") << error;
}

TEST(FixtureLoaderTest, UnknownKeysNameTheLineOfTheKey) {
  const std::string text =
      "{\n  \"match\": {\n    \"model\": \"m\",\n    \"prompt\": \"x\"\n  },\n  \"reply\": "
      "{\"body\": {}}\n}\n";
  const auto error = error_of({"f.json", text, "f"});
  EXPECT_TRUE(error.starts_with("f.json:4: unknown key \"prompt\"")) << error;
}

TEST(FixtureLoaderTest, SemanticErrorsInsideArraysNameTheLineOfTheValue) {
  const std::string text =
      "[\n"
      "  {\"match\": {}, \"reply\": {\"body\": {}}},\n"
      "  {\n"
      "    \"match\": {\"model\": {\"regex\": \"(unclosed\"}},\n"
      "    \"reply\": {\"body\": {}}\n"
      "  }\n"
      "]\n";
  const auto error = error_of({"f.json", text, "f"});
  EXPECT_TRUE(error.starts_with("f.json:4: invalid regex")) << error;
}

TEST(FixtureLoaderTest, ReplyErrorsNameTheirLine) {
  const std::string text =
      "{\n  \"match\": {},\n  \"reply\": {\n    \"status\": 700,\n    \"body\": {}\n  }\n}\n";
  EXPECT_TRUE(error_of({"f.json", text, "f"}).starts_with("f.json:4: status:"));
  const std::string both = "{\n  \"reply\": {\n    \"body\": {},\n    \"chunks\": []\n  }\n}\n";
  EXPECT_TRUE(
      error_of({"f.json", both, "f"}).starts_with("f.json:2: a reply needs exactly one of"));
  const std::string neither = "{\n  \"match\": {}\n}\n";
  EXPECT_TRUE(
      error_of({"f.json", neither, "f"}).starts_with("f.json:1: a stub needs exactly one of"));
}

TEST(FixtureLoaderTest, UnknownScenariosAndScenarioSequencesAreRefused) {
  const std::string unknown =
      "{\n  \"scenario\": \"no_such_scenario\",\n  \"reply\": {\"body\": {}}\n}\n";
  EXPECT_TRUE(error_of({"f.json", unknown, "f"}).starts_with("f.json:2: Unknown scenario"))
      << error_of({"f.json", unknown, "f"});
  const std::string sequence =
      "{\n  \"scenario\": \"error_500,default\",\n  \"reply\": {\"body\": {}}\n}\n";
  EXPECT_NE(error_of({"f.json", sequence, "f"}).find("use \"replies\""), std::string::npos);
}

TEST(FixtureLoaderTest, StubsGetTheirFileStemAsIdAndALineAsSource) {
  const auto single = parse_fixture_text({"dir/tool_call.json", kValid, "tool_call"});
  ASSERT_EQ(single.size(), 1u);
  EXPECT_EQ(single[0].id, "tool_call");
  EXPECT_EQ(single[0].source, "dir/tool_call.json:1");
  EXPECT_TRUE(single[0].from_file);
  const std::string pair = std::string("[\n") + kValid + ",\n" + kValid + "\n]\n";
  const auto two = parse_fixture_text({"dir/pair.json", pair, "pair"});
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[0].id, "pair-1");
  EXPECT_EQ(two[1].id, "pair-2");
  EXPECT_EQ(two[1].source, "dir/pair.json:6");
}

TEST(FixtureLoaderTest, FoldersAreReadRecursivelyInPathOrderSkippingDotfilesAndOtherFiles) {
  TempFolder folder;
  folder.write("b.json", kValid);
  folder.write("a/nested.json", kValid);
  folder.write("notes.txt", "not a fixture");
  folder.write(".chatmock-123-0.tmp", "{ half written");
  folder.write(".hidden/c.json", "{ not even json");
  const auto stubs = load_fixtures({{folder.path()}, false});
  ASSERT_EQ(stubs.size(), 2u);
  EXPECT_EQ(stubs[0].id, "a/nested");
  EXPECT_EQ(stubs[1].id, "b");
}

TEST(FixtureLoaderTest, AFolderGivenTwiceIsReadOnce) {
  TempFolder folder;
  folder.write("only.json", kValid);
  EXPECT_EQ(load_fixtures({{folder.path(), folder.path() + "/."}, false}).size(), 1u);
}

TEST(FixtureLoaderTest, DuplicateIdsAcrossFilesAreAnErrorNamingBothPlaces) {
  TempFolder folder;
  const std::string with_id = R"({"id": "same", "reply": {"body": {}}})";
  folder.write("one.json", with_id);
  const auto second = folder.write("two.json", with_id);
  try {
    load_fixtures({{folder.path()}, false});
    FAIL() << "duplicate ids loaded";
  } catch (const FixtureError& e) {
    const std::string message = e.what();
    EXPECT_TRUE(message.starts_with(second + ":1: stub id \"same\" is already used at "))
        << message;
    EXPECT_NE(message.find("one.json:1"), std::string::npos);
  }
}

TEST(FixtureLoaderTest, AMissingFolderIsAnError) {
  EXPECT_THROW(load_fixtures({{"/nonexistent/chatmock-fixtures"}, false}), FixtureError);
}

TEST(FixtureLoaderTest, PostedStubsReportTheLineOfTheirError) {
  const auto ok = parse_posted_stubs(kValid);
  ASSERT_TRUE(std::holds_alternative<std::vector<StubMapping>>(ok));
  EXPECT_FALSE(std::get<std::vector<StubMapping>>(ok).front().from_file);
  const auto bad = parse_posted_stubs(
      "{\n  \"reply\": {\n    \"synthesize\": {\"finish_reason\": \"done\"}\n  }\n}");
  ASSERT_TRUE(std::holds_alternative<std::string>(bad));
  EXPECT_TRUE(std::get<std::string>(bad).starts_with("line 3: finish_reason:"))
      << std::get<std::string>(bad);
}

TEST(FixtureLoaderTest, TheShippedCorpusLoadsWithTheDocumentedStubs) {
  const auto stubs = load_fixtures({{}, true});
  std::vector<std::string> ids;
  for (const auto& s : stubs) ids.push_back(s.id);
  for (const char* expected :
       {"agent-weather-tool-call", "agent-weather-final-answer", "json-mode-weather", "refusal",
        "recorded-stream", "retry-then-success"}) {
    EXPECT_NE(std::find(ids.begin(), ids.end(), expected), ids.end()) << expected;
  }
}

TEST(FixtureLoaderTest, ShippedStubsOnlyMatchTheirDemoModelsSoSynthesisAnswersEverythingElse) {
  const auto stubs = load_fixtures({{}, true});
  for (const auto& s : stubs) {
    ASSERT_TRUE(s.request.model.has_value()) << s.id;
    EXPECT_EQ(s.request.model->op(), StringOperator::equals) << s.id;
    EXPECT_TRUE(s.request.model->operand().starts_with("chatmock-")) << s.id;
  }
}

TEST(FixtureLoaderTest, TheShippedFolderOnDiskMatchesTheEmbeddedCorpus) {
  // Tests run from the source root (chatmock_add_test sets WORKING_DIRECTORY).
  const auto on_disk = load_fixtures({{"fixtures/mappings"}, false});
  EXPECT_EQ(on_disk.size(), load_fixtures({{}, true}).size());
}

}  // namespace
}  // namespace chatmock::stubbing
