// FileFixture: a test with its own temporary directory, and helpers to read a whole file through
// a RecordReader.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/record_io.h"

namespace pdc {

class FileFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "pdc-test-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& content) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  static std::string Slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }

  struct Read {
    std::vector<FieldId> columns;
    std::vector<Record> records;
    std::vector<RejectedRow> rejected;
    std::uint64_t repaired = 0;
  };
  // Writes `content` to a file and reads all of it in batches of `batch`.
  Read ReadFile(const std::string& content, FileFormat format, char delimiter = ',',
                std::size_t batch = 1000) {
    Read read;
    const char* name = format == FileFormat::kCsv ? "in.csv" : "in.jsonl";
    auto reader = OpenReader(Write(name, content), format, {delimiter});
    EXPECT_TRUE(reader.ok()) << reader.status().message();
    if (!reader.ok()) return read;
    while ((*reader)->Next(read.records, batch, read.rejected)) {
    }
    read.columns = (*reader)->columns();
    read.repaired = (*reader)->repaired_values();
    return read;
  }

  static std::vector<std::uint64_t> Lines(const std::vector<Record>& records) {
    std::vector<std::uint64_t> lines;
    for (const Record& r : records) lines.push_back(r.line());
    return lines;
  }

  std::filesystem::path dir_;
};

}  // namespace pdc
