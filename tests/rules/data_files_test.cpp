#include "rules/data_files.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace pdc {
namespace {

namespace fs = std::filesystem;

// Points PARDOT_CLEAN_DATA at a scratch directory for one test.
class ScratchDataDir {
 public:
  ScratchDataDir() : dir_(fs::temp_directory_path() / ("pdc-data-" + std::to_string(::getpid()))) {
    fs::create_directories(dir_);
    ::setenv("PARDOT_CLEAN_DATA", dir_.c_str(), 1);
  }
  ~ScratchDataDir() {
    ::unsetenv("PARDOT_CLEAN_DATA");
    fs::remove_all(dir_);
  }
  void Write(const std::string& name, const std::string& text) const {
    std::ofstream(dir_ / name) << text;
  }

 private:
  fs::path dir_;
};

TEST(DataFilesTest, ReadsTheHeaderAndEntriesWithLineNumbers) {
  ScratchDataDir dir;
  dir.Write("words.txt",
            "# A list.\n# version: 7\n# source: hand-made\n# licence: CC0\n\nalpha\n  beta \r\n"
            "# a comment between entries\ngamma\n");
  auto file = DataFile::Load("words.txt");
  EXPECT_EQ(file->info().version, "7");
  EXPECT_EQ(file->info().source, "hand-made");
  EXPECT_EQ(file->info().licence, "CC0");
  ASSERT_EQ(file->lines().size(), 3u);
  EXPECT_EQ(file->lines()[1].text, "beta");
  EXPECT_EQ(file->lines()[1].number, 7);
  EXPECT_EQ(file->lines()[2].number, 9);
  EXPECT_EQ(file->info().entries, 3u);
  EXPECT_EQ(DataFile::Load("words.txt").get(), file.get()) << "loaded once per process";
  bool listed = false;
  for (const auto& info : LoadedDataFiles()) listed |= info.name == "words.txt";
  EXPECT_TRUE(listed);
}

TEST(DataFilesTest, RefusesFilesWithoutProvenance) {
  ScratchDataDir dir;
  dir.Write("bare.txt", "# version: 1\n# source: somewhere\nalpha\n");
  try {
    DataFile::Load("bare.txt");
    FAIL() << "a file without a licence line was accepted";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("licence"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("bare.txt"), std::string::npos) << e.what();
  }
  EXPECT_THROW(DataFile::Load("missing.txt"), DataError);
  EXPECT_THROW(DataFile::Load("../etc/passwd"), DataError);
}

TEST(DataFilesTest, SplitsColumns) {
  EXPECT_EQ(DataFile::Columns(" a ,b,, c", ','), (std::vector<std::string>{"a", "b", "", "c"}));
  EXPECT_EQ(DataFile::Columns("one\ttwo", '\t'), (std::vector<std::string>{"one", "two"}));
}

// Every shipped file names its version, source and licence, so reports can cite it.
TEST(DataFilesTest, EveryShippedFileHasProvenance) {
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(PDC_SOURCE_DIR) / "data")) {
    if (!entry.is_regular_file() || entry.path().filename() == "README.md") continue;
    ::setenv("PARDOT_CLEAN_DATA", (fs::path(PDC_SOURCE_DIR) / "data").c_str(), 1);
    const auto file = DataFile::Load(entry.path().filename().string());
    EXPECT_GT(file->lines().size(), 0u) << entry.path();
    ++checked;
  }
  ::unsetenv("PARDOT_CLEAN_DATA");
  EXPECT_GE(checked, 2);
}

}  // namespace
}  // namespace pdc
