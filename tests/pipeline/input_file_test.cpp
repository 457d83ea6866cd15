// InputFile: a mapped input gives back the pages a reader is done with, and reads them again
// from the file if they are touched after all.
#include "pipeline/input_file.h"

#include "tests/pipeline/file_fixture.h"

namespace pdc {
namespace {

class InputFileTest : public FileFixture {};

TEST_F(InputFileTest, ConsumedPagesReadBackTheSame) {
  std::string content;
  for (int i = 0; content.size() < (std::size_t{40} << 20); ++i) {
    content += "row " + std::to_string(i) + ",some text to fill the line\n";
  }
  auto file = InputFile::Open(Write("big.csv", content));
  ASSERT_TRUE(file.ok()) << file.status().message();
  ASSERT_EQ(file->data().size(), content.size());
  EXPECT_EQ(file->data().substr(0, 64), content.substr(0, 64));
  file->Consumed(std::size_t{20} << 20);
  file->Consumed(std::size_t{30} << 20);
  file->Consumed(content.size() + 1);  // past the end: nothing to do
  EXPECT_EQ(file->data(), content) << "every byte still reads as in the file";
}

TEST_F(InputFileTest, AReaderOverALargeFileReadsEveryRow) {
  std::string content = "id,city\n";
  const int rows = 1500000;  // about 18 MB, over the 16 MB the file gives back at a time
  for (int i = 0; i < rows; ++i) content += std::to_string(i) + ",Lyon\n";
  const Read read = ReadFile(content, FileFormat::kCsv);
  ASSERT_TRUE(read.rejected.empty());
  ASSERT_EQ(read.records.size(), std::size_t{rows});
  EXPECT_EQ(read.records.back().Get(InternField("id")).text(), std::to_string(rows - 1));
}

}  // namespace
}  // namespace pdc
