#include "web/temp_upload.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include "web/web_test_util.h"

namespace nextcall::web {
namespace {

namespace fs = std::filesystem;

// A process id that ran and is gone: a child that exited and was reaped.
pid_t finished_pid() {
  pid_t pid = fork();
  if (pid == 0) _exit(0);
  int status = 0;
  waitpid(pid, &status, 0);
  return pid;
}

fs::path put(const fs::path& dir, const std::string& name, fs::file_time_type written) {
  fs::path p = dir / name;
  std::ofstream(p) << "name,phone\n";
  fs::last_write_time(p, written);
  return p;
}

class StrayUploadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("nextcall-stray-test-" + std::to_string(getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(StrayUploadTest, OnlyOurUploadsOlderThanTheStartWhoseServerIsGoneAreRemoved) {
  const auto start = fs::file_time_type::clock::now();
  const auto before = start - std::chrono::minutes(5);
  const std::string dead = std::to_string(finished_pid());
  const std::string alive = std::to_string(getpid());
  fs::path killed = put(dir_, "nextcall-upload-" + dead + "-a1B2c3", before);
  fs::path old_style = put(dir_, "nextcall-upload-Zx9Qw1", before);
  fs::path in_progress = put(dir_, "nextcall-upload-" + alive + "-a1B2c3", before);
  fs::path after_start = put(dir_, "nextcall-upload-" + dead + "-d4E5f6", start + std::chrono::seconds(2));
  fs::path someone_elses = put(dir_, "nextcall-upload-notes.txt", before);
  fs::path similar = put(dir_, "nextcall-uploads-Zx9Qw1", before);
  fs::path longer = put(dir_, "nextcall-upload-Zx9Qw12", before);
  fs::create_directory(dir_ / "nextcall-upload-Qq1Qq1");
  fs::last_write_time(dir_ / "nextcall-upload-Qq1Qq1", before);

  EXPECT_EQ(remove_stray_uploads(dir_, start), 2);
  EXPECT_FALSE(fs::exists(killed));
  EXPECT_FALSE(fs::exists(old_style));
  EXPECT_TRUE(fs::exists(in_progress));
  EXPECT_TRUE(fs::exists(after_start));
  EXPECT_TRUE(fs::exists(someone_elses));
  EXPECT_TRUE(fs::exists(similar));
  EXPECT_TRUE(fs::exists(longer));
  EXPECT_TRUE(fs::is_directory(dir_ / "nextcall-upload-Qq1Qq1"));
}

TEST_F(StrayUploadTest, AnUploadIsNamedWithItsServersProcess) {
  TempUpload upload;
  ASSERT_TRUE(upload.write("name,phone\n").ok());
  const std::string name = fs::path(upload.path()).filename().string();
  EXPECT_EQ(name.rfind("nextcall-upload-" + std::to_string(getpid()) + "-", 0), 0u) << name;
}

// The upload of a server killed during an import is gone once a server starts again.
TEST_F(StrayUploadTest, AServerStartingRemovesTheUploadsOfAKilledOne) {
  fs::path stray = put(fs::temp_directory_path(), "nextcall-upload-" + std::to_string(finished_pid()) + "-k1LLed",
                       fs::file_time_type::clock::now() - std::chrono::minutes(1));
  auto server = testing::TestServer::start();
  ASSERT_TRUE(server);
  EXPECT_FALSE(fs::exists(stray));
  fs::remove(stray);
}

}  // namespace
}  // namespace nextcall::web
