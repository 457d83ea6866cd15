#include "pipeline/record_io.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace pdc {
namespace {

TEST(FormatOfPathTest, KnowsTheExtensions) {
  EXPECT_EQ(*FormatOfPath("prospects.csv"), FileFormat::kCsv);
  EXPECT_EQ(*FormatOfPath("/tmp/x/PROSPECTS.CSV"), FileFormat::kCsv);
  EXPECT_EQ(*FormatOfPath("out.jsonl"), FileFormat::kJsonl);
  EXPECT_EQ(*FormatOfPath("out.ndjson"), FileFormat::kJsonl);
}

TEST(FormatOfPathTest, RefusesOtherNames) {
  for (const char* path : {"prospects.txt", "prospects", "csv", "x.json", "a.csv.gz"}) {
    const Result<FileFormat> format = FormatOfPath(path);
    ASSERT_FALSE(format.ok()) << path;
    EXPECT_EQ(format.status().code(), Status::Code::kInvalidArgument);
    EXPECT_NE(format.status().message().find(path), std::string::npos);
  }
}

// Pipes cannot be mapped; the reader reads them whole instead.
TEST(OpenReaderTest, ReadsFromAPipe) {
  std::string dir = (std::filesystem::temp_directory_path() / "pdc-io-XXXXXX").string();
  ASSERT_NE(mkdtemp(dir.data()), nullptr);
  const std::string fifo = dir + "/in.csv";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  std::string content = "id,name\n";
  for (int i = 0; i < 20000; ++i) content += std::to_string(i) + ",name\n";
  std::thread feeder([&] { std::ofstream(fifo, std::ios::binary) << content; });

  auto reader = OpenReader(fifo, FileFormat::kCsv);
  std::vector<Record> records;
  std::vector<RejectedRow> rejected;
  if (reader.ok()) {
    while ((*reader)->Next(records, 4096, rejected)) {
    }
  }
  feeder.join();
  std::filesystem::remove_all(dir);
  ASSERT_TRUE(reader.ok()) << reader.status().message();
  EXPECT_TRUE(rejected.empty());
  ASSERT_EQ(records.size(), 20000u);
  EXPECT_EQ(records.back().id(), "19999");
}

}  // namespace
}  // namespace pdc
