// Recordings are written whole or not at all, and never over an existing file.
#include "recording/snapshot_writer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace chatmock::recording {
namespace {
namespace fs = std::filesystem;

class SnapshotWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("chatmock-writer-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const auto& entry : fs::directory_iterator(dir_))
      out.push_back(entry.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
  }
  static std::string read(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }

  fs::path dir_;
};

TEST_F(SnapshotWriterTest, WritesTheWholeTextUnderTheStemAndLeavesNoTempFile) {
  const auto path = write_snapshot(dir_.string(), "gpt-4o-hello", "{\"a\":1}\n");
  EXPECT_EQ(fs::path(path).filename(), "gpt-4o-hello.json");
  EXPECT_EQ(read(path), "{\"a\":1}\n");
  EXPECT_EQ(names(), (std::vector<std::string>{"gpt-4o-hello.json"}));
}

TEST_F(SnapshotWriterTest, NeverOverwritesAnExistingRecording) {
  const auto first = write_snapshot(dir_.string(), "same", "first");
  const auto second = write_snapshot(dir_.string(), "same", "second");
  const auto third = write_snapshot(dir_.string(), "same", "third");
  EXPECT_EQ(read(first), "first");
  EXPECT_EQ(fs::path(second).filename(), "same-2.json");
  EXPECT_EQ(read(second), "second");
  EXPECT_EQ(fs::path(third).filename(), "same-3.json");
  EXPECT_EQ(names().size(), 3u);
}

TEST_F(SnapshotWriterTest, AnUnwritableFolderThrows) {
  EXPECT_THROW(write_snapshot((dir_ / "missing").string(), "x", "y"), std::runtime_error);
}

TEST_F(SnapshotWriterTest, StaleTempFilesOfDeadRecordersAreRemovedAndFixturesKept) {
  std::ofstream(dir_ / ".chatmock-999999999-0.tmp") << "{ half";
  std::ofstream(dir_ / "kept.json") << "{}";
  remove_stale_temp_files(dir_.string());
  EXPECT_EQ(names(), (std::vector<std::string>{"kept.json"}));
}

}  // namespace
}  // namespace chatmock::recording
