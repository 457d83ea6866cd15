#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/record_io.h"
#include "tests/pipeline/file_fixture.h"

namespace pdc {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

const std::string kReplacement = "\xEF\xBF\xBD";

class CsvTest : public FileFixture {
 protected:
  Read ReadAll(const std::string& content, char delimiter = ',', std::size_t batch = 1000) {
    return ReadFile(content, FileFormat::kCsv, delimiter, batch);
  }
  static std::string Text(const Record& record, const std::string& field) {
    const Value* value = record.Find(InternField(field));
    EXPECT_NE(value, nullptr) << field;
    if (value == nullptr) return {};
    EXPECT_EQ(value->kind(), Value::Kind::kText) << field;
    return value->text();
  }
};

std::vector<FieldId> Fields(std::initializer_list<const char*> names) {
  std::vector<FieldId> fields;
  for (const char* name : names) fields.push_back(InternField(name));
  return fields;
}

TEST_F(CsvTest, ReadsQuotedDelimitersNewlinesAndDoubledQuotes) {
  const Read read = ReadAll(
      "id,name,note\n"
      "1,\"Smith, Jo\",\"line one\nline two\"\n"
      "2,\"say \"\"hi\"\"\",\"\"\"\"\n"
      "3,plain,\"\"\n");
  EXPECT_EQ(read.columns, Fields({"id", "name", "note"}));
  ASSERT_EQ(read.records.size(), 3u);
  EXPECT_TRUE(read.rejected.empty());
  EXPECT_EQ(Text(read.records[0], "name"), "Smith, Jo");
  EXPECT_EQ(Text(read.records[0], "note"), "line one\nline two");
  EXPECT_EQ(Text(read.records[1], "name"), "say \"hi\"");
  EXPECT_EQ(Text(read.records[1], "note"), "\"");
  EXPECT_EQ(Text(read.records[2], "note"), "");
  // Each record starts where its row does, past the newline inside the quoted field.
  EXPECT_THAT(Lines(read.records), ElementsAre(2u, 4u, 5u));
}

TEST_F(CsvTest, IdColumnBecomesTheRecordIdAndStaysAField) {
  const Read read = ReadAll("email,id\na@x.org,17\nb@x.org,\n");
  ASSERT_EQ(read.records.size(), 2u);
  EXPECT_EQ(read.records[0].id(), "17");
  EXPECT_EQ(Text(read.records[0], "id"), "17");
  EXPECT_EQ(read.records[0].fields().size(), 2u);
  EXPECT_EQ(read.records[1].id(), "");
  EXPECT_EQ(read.records[1].label(), "line 3");

  const Read no_id = ReadAll("email\na@x.org\n");
  ASSERT_EQ(no_id.records.size(), 1u);
  EXPECT_EQ(no_id.records[0].id(), "");
}

TEST_F(CsvTest, EmptyCellsAreEmptyTextNotNull) {
  const Read read = ReadAll("a,b,c\n,,\n");
  ASSERT_EQ(read.records.size(), 1u);
  for (const Field& field : read.records[0].fields()) EXPECT_EQ(field.value, Value::Text(""));
  EXPECT_EQ(read.records[0].fields().size(), 3u);
}

TEST_F(CsvTest, SkipsByteOrderMark) {
  const Read read = ReadAll("\xEF\xBB\xBFid,name\n1,Ann\n");
  EXPECT_EQ(read.columns, Fields({"id", "name"}));
  ASSERT_EQ(read.records.size(), 1u);
  EXPECT_EQ(read.records[0].id(), "1");
  EXPECT_EQ(read.records[0].line(), 2u);
}

TEST_F(CsvTest, ReadsCrlfLineEnds) {
  const Read read = ReadAll("id,note\r\n1,\"two\r\nlines\"\r\n2,last\r\n");
  ASSERT_EQ(read.records.size(), 2u);
  EXPECT_TRUE(read.rejected.empty());
  EXPECT_EQ(Text(read.records[0], "note"), "two\r\nlines");  // inside quotes, kept as written
  EXPECT_EQ(Text(read.records[1], "note"), "last");
  EXPECT_THAT(Lines(read.records), ElementsAre(2u, 4u));
}

TEST_F(CsvTest, LastRowWithoutLineEnd) {
  const Read read = ReadAll("a,b\n1,2\n3,4");
  ASSERT_EQ(read.records.size(), 2u);
  EXPECT_EQ(Text(read.records[1], "b"), "4");
}

TEST_F(CsvTest, SkipsBlankLinesAndKeepsLineNumbers) {
  const Read read = ReadAll("a,b\n\n1,2\r\n\r\n3,4\n\n");
  EXPECT_TRUE(read.rejected.empty());
  EXPECT_THAT(Lines(read.records), ElementsAre(3u, 5u));
}

TEST_F(CsvTest, ConfigurableDelimiter) {
  const Read read = ReadAll("id;name;city\n1;\"Doe; Jane\";Paris, FR\n", ';');
  EXPECT_EQ(read.columns, Fields({"id", "name", "city"}));
  ASSERT_EQ(read.records.size(), 1u);
  EXPECT_EQ(Text(read.records[0], "name"), "Doe; Jane");
  EXPECT_EQ(Text(read.records[0], "city"), "Paris, FR");
}

TEST_F(CsvTest, UnterminatedQuoteIsRejectedAndTheRowsAfterItAreRead) {
  const Read read = ReadAll(
      "id,name\n"
      "1,Ann\n"
      "2,\"Bob\n"
      "3,Cy\n"
      "4,Di\n");
  ASSERT_EQ(read.rejected.size(), 1u);
  EXPECT_EQ(read.rejected[0].line, 3u);
  EXPECT_EQ(read.rejected[0].reason, "unterminated quoted field");
  EXPECT_EQ(read.rejected[0].excerpt, "2,\"Bob");
  ASSERT_EQ(read.records.size(), 3u);
  EXPECT_EQ(read.records[1].id(), "3");
  EXPECT_EQ(read.records[2].id(), "4");
  EXPECT_THAT(Lines(read.records), ElementsAre(2u, 4u, 5u));
}

TEST_F(CsvTest, StrayQuoteThatClosesRowsLaterDoesNotSwallowThem) {
  // The quote on line 2 pairs with the opening quote on line 4, joining three rows into one; the
  // rows it swallowed are read on their own.
  const Read read = ReadAll(
      "a,b,c\n"
      "1,\"oops,x\n"
      "2,y,z\n"
      "3,w,\"q\"\n");
  ASSERT_EQ(read.rejected.size(), 1u);
  EXPECT_EQ(read.rejected[0].line, 2u);
  EXPECT_EQ(read.rejected[0].reason,
            "expected 3 fields, found 2; unbalanced quote: a quoted field runs to line 4 and has "
            "text after its closing quote");
  EXPECT_EQ(read.rejected[0].excerpt, "1,\"oops,x");
  ASSERT_EQ(read.records.size(), 2u);
  EXPECT_EQ(Text(read.records[0], "a"), "2");
  EXPECT_EQ(Text(read.records[1], "c"), "q");
  EXPECT_THAT(Lines(read.records), ElementsAre(3u, 4u));
}

TEST_F(CsvTest, StrayQuoteIsCaughtEvenWhenTheJoinedRowHasTheRightWidth) {
  const Read read = ReadAll(
      "a,b\n"
      "1,\"Bob\n"
      "2,\"x\"\n");
  ASSERT_EQ(read.rejected.size(), 1u);
  EXPECT_EQ(read.rejected[0].line, 2u);
  EXPECT_THAT(read.rejected[0].reason, StartsWith("unbalanced quote"));
  ASSERT_EQ(read.records.size(), 1u);
  EXPECT_EQ(Text(read.records[0], "b"), "x");
  EXPECT_EQ(read.records[0].line(), 3u);
}

TEST_F(CsvTest, WellQuotedMultiLineCellInAWrongWidthRowIsRejectedWhole) {
  // Resuming inside the note would read its second line as a record of the right width.
  const Read read = ReadAll(
      "a,b,c\n"
      "1,\"note one\n"
      "note two\",extra,x\n"
      "2,y,z\n");
  ASSERT_EQ(read.rejected.size(), 1u);
  EXPECT_EQ(read.rejected[0].line, 2u);
  EXPECT_EQ(read.rejected[0].reason, "expected 3 fields, found 4");
  ASSERT_EQ(read.records.size(), 1u);
  EXPECT_EQ(read.records[0].line(), 4u);
}

TEST_F(CsvTest, WrongFieldCountIsRejectedAndReadingGoesOn) {
  const Read read = ReadAll("a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n");
  ASSERT_EQ(read.rejected.size(), 2u);
  EXPECT_EQ(read.rejected[0].line, 3u);
  EXPECT_EQ(read.rejected[0].reason, "expected 3 fields, found 2");
  EXPECT_EQ(read.rejected[0].excerpt, "4,5");
  EXPECT_EQ(read.rejected[1].line, 4u);
  EXPECT_EQ(read.rejected[1].reason, "expected 3 fields, found 4");
  EXPECT_THAT(Lines(read.records), ElementsAre(2u, 5u));
}

TEST_F(CsvTest, RejectedExcerptIsShortAndValidUtf8) {
  std::string row = "1," + std::string(197, 'x') + "\xC3\xA9" + std::string(300, 'y');
  const Read read = ReadAll("a\n" + row + "\n");
  ASSERT_EQ(read.rejected.size(), 1u);
  EXPECT_EQ(read.rejected[0].excerpt, "1," + std::string(197, 'x'));  // é not cut in half
}

TEST_F(CsvTest, StrayQuotesAreKeptLiterally) {
  const Read read = ReadAll("a,b,c\n5\" tall,\"quoted\" tail,x\"y\"\n");
  ASSERT_EQ(read.records.size(), 1u);
  EXPECT_TRUE(read.rejected.empty());
  EXPECT_EQ(Text(read.records[0], "a"), "5\" tall");
  EXPECT_EQ(Text(read.records[0], "b"), "quoted tail");
  EXPECT_EQ(Text(read.records[0], "c"), "x\"y\"");
}

TEST_F(CsvTest, InvalidUtf8IsRepairedFlaggedAndCounted) {
  const Read read = ReadAll("id,name,city\n1,Caf\xE9 \xFF\xFE,M\xC3\xBCnchen\n2,ok,ok\n");
  ASSERT_EQ(read.records.size(), 2u);
  const Record& record = read.records[0];
  EXPECT_EQ(Text(record, "name"), "Caf" + kReplacement + " " + kReplacement + kReplacement);
  EXPECT_EQ(Text(record, "city"), "M\xC3\xBCnchen");
  EXPECT_EQ(read.repaired, 1u);
  ASSERT_TRUE(record.has_log());
  ASSERT_EQ(record.log()->flags.size(), 1u);
  const Flag& flag = record.log()->flags[0];
  EXPECT_EQ(flag.field, InternField("name"));
  EXPECT_EQ(flag.rule, kNoRule);
  EXPECT_EQ(flag.code, "input.invalid_utf8");
  EXPECT_THAT(flag.message, HasSubstr("3 ill-formed byte sequences"));
  EXPECT_THAT(flag.message, HasSubstr("U+FFFD"));
  EXPECT_FALSE(read.records[1].has_log());
}

TEST_F(CsvTest, EmptyFileHasNoColumnsAndNoRecords) {
  const Read read = ReadAll("");
  EXPECT_TRUE(read.columns.empty());
  EXPECT_TRUE(read.records.empty());
  EXPECT_TRUE(read.rejected.empty());
}

TEST_F(CsvTest, HeaderOnlyFileHasColumnsAndNoRecords) {
  for (const std::string content : {"a,b,c\n", "a,b,c", "a,b,c\r\n"}) {
    const Read read = ReadAll(content);
    EXPECT_EQ(read.columns, Fields({"a", "b", "c"})) << content;
    EXPECT_TRUE(read.records.empty());
    EXPECT_TRUE(read.rejected.empty());
  }
}

TEST_F(CsvTest, DuplicateOrEmptyColumnNameIsAnErrorAtOpen) {
  auto duplicate = OpenReader(Write("dup.csv", "id,email,name,email\n1,a,b,c\n"), FileFormat::kCsv);
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.status().code(), Status::Code::kParse);
  EXPECT_THAT(duplicate.status().message(), HasSubstr("line 1"));
  EXPECT_THAT(duplicate.status().message(), HasSubstr("\"email\""));
  EXPECT_THAT(duplicate.status().message(), HasSubstr("column 4"));

  auto empty = OpenReader(Write("empty.csv", "id,,name\n"), FileFormat::kCsv);
  ASSERT_FALSE(empty.ok());
  EXPECT_THAT(empty.status().message(), HasSubstr("line 1, column 2"));
}

TEST_F(CsvTest, NextHandsOutBatchesAndThenReportsTheEnd) {
  auto reader = OpenReader(Write("in.csv", "a\n1\n2\n3\n4\n5\n"), FileFormat::kCsv);
  ASSERT_TRUE(reader.ok());
  std::vector<RejectedRow> rejected;
  std::vector<std::size_t> sizes;
  for (;;) {
    std::vector<Record> batch;
    if (!(*reader)->Next(batch, 2, rejected)) {
      EXPECT_TRUE(batch.empty());
      break;
    }
    sizes.push_back(batch.size());
  }
  EXPECT_THAT(sizes, ElementsAre(2u, 2u, 1u));
}

TEST_F(CsvTest, MissingFileIsAnIoError) {
  auto reader = OpenReader(Path("absent.csv"), FileFormat::kCsv);
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().code(), Status::Code::kIo);
  EXPECT_THAT(reader.status().message(), HasSubstr("absent.csv"));
}

// --- writer ---

Record MakeRecord(std::initializer_list<std::pair<const char*, Value>> fields) {
  Record record(1);
  for (const auto& [name, value] : fields) record.Load(InternField(name), value);
  return record;
}

TEST_F(CsvTest, WriterQuotesOnlyWhatNeedsIt) {
  const std::string path = Path("out.csv");
  auto writer = OpenWriter(path, FileFormat::kCsv, Fields({"id", "a", "b", "c", "d", "e", "f"}));
  ASSERT_TRUE(writer.ok()) << writer.status().message();
  ASSERT_TRUE((*writer)
                  ->Write(MakeRecord({{"id", Value::Text("1")},
                                      {"a", Value::Text("x,y")},
                                      {"b", Value::Text("say \"hi\"")},
                                      {"c", Value::Text("two\nlines")},
                                      {"d", Value::Text("cr\r")},
                                      {"e", Value::Text(" padded")},
                                      {"f", Value::Text("trailing ")}}))
                  .ok());
  ASSERT_TRUE((*writer)
                  ->Write(MakeRecord({{"id", Value::Text("2")},
                                      {"a", Value::Null()},
                                      {"b", Value::Text("")},
                                      {"c", Value::List({"x", "y", "z"})},
                                      {"d", Value::Json("42")},
                                      {"e", Value::Json("{\"k\":1,\"j\":2}")},
                                      {"f", Value::Text("in side")}}))
                  .ok());
  // Fields the record lacks are written empty.
  ASSERT_TRUE((*writer)->Write(MakeRecord({{"c", Value::Text("only")}})).ok());
  ASSERT_TRUE((*writer)->Close().ok());
  EXPECT_EQ(Slurp(path),
            "id,a,b,c,d,e,f\n"
            "1,\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\",\" padded\",\"trailing \"\n"
            "2,,,x|y|z,42,\"{\"\"k\"\":1,\"\"j\"\":2}\",in side\n"
            ",,,only,,,\n");
}

TEST_F(CsvTest, WriterUsesTheDelimiterForSplittingAndQuoting) {
  const std::string path = Path("out.csv");
  auto writer = OpenWriter(path, FileFormat::kCsv, Fields({"a", "b"}), ';');
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE(
      (*writer)->Write(MakeRecord({{"a", Value::Text("x;y")}, {"b", Value::Text("p,q")}})).ok());
  ASSERT_TRUE((*writer)->Close().ok());
  EXPECT_EQ(Slurp(path), "a;b\n\"x;y\";p,q\n");
}

TEST_F(CsvTest, WriterKeepsALoneEmptyCellAsARow) {
  const std::string path = Path("out.csv");
  auto writer = OpenWriter(path, FileFormat::kCsv, Fields({"a"}));
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE((*writer)->Write(MakeRecord({{"a", Value::Text("")}})).ok());
  ASSERT_TRUE((*writer)->Write(MakeRecord({{"a", Value::Text("v")}})).ok());
  ASSERT_TRUE((*writer)->Close().ok());
  EXPECT_EQ(Slurp(path), "a\n\"\"\nv\n");
  const Read read = ReadAll(Slurp(path));
  ASSERT_EQ(read.records.size(), 2u);
  EXPECT_EQ(Text(read.records[0], "a"), "");
}

TEST_F(CsvTest, WriterRefusesAFieldOutsideItsColumns) {
  const std::string path = Path("out.csv");
  auto writer = OpenWriter(path, FileFormat::kCsv, Fields({"id", "email"}));
  ASSERT_TRUE(writer.ok());
  Record record = MakeRecord({{"id", Value::Text("7")}, {"phone", Value::Text("555")}});
  record.set_id("7");
  const Status status = (*writer)->Write(record);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), Status::Code::kInvalidField);
  EXPECT_THAT(status.message(), HasSubstr("phone"));
  EXPECT_THAT(status.message(), HasSubstr("record 7"));
  ASSERT_TRUE((*writer)->Close().ok());
  EXPECT_EQ(Slurp(path), "id,email\n");  // nothing of the refused record
}

TEST_F(CsvTest, WriterRefusesRepeatedColumnsBeforeTouchingTheFile) {
  const std::string path = Write("keep.csv", "precious\n");
  auto writer = OpenWriter(path, FileFormat::kCsv, Fields({"a", "b", "a"}));
  ASSERT_FALSE(writer.ok());
  EXPECT_THAT(writer.status().message(), HasSubstr("\"a\""));
  EXPECT_EQ(Slurp(path), "precious\n");
}

TEST_F(CsvTest, WriterReportsAFullDiskAtClose) {
  auto writer = OpenWriter("/dev/full", FileFormat::kCsv, Fields({"a"}));
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE((*writer)->Write(MakeRecord({{"a", Value::Text("x")}})).ok());
  const Status status = (*writer)->Close();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), Status::Code::kIo);
  EXPECT_THAT(status.message(), HasSubstr("/dev/full"));
}

TEST_F(CsvTest, WriterReportsAnUnwritablePath) {
  auto writer = OpenWriter(Path("no/such/dir/out.csv"), FileFormat::kCsv, Fields({"a"}));
  ASSERT_FALSE(writer.ok());
  EXPECT_EQ(writer.status().code(), Status::Code::kIo);
}

TEST_F(CsvTest, RoundTripIsByteIdentical) {
  const std::string input =
      "id,email,first_name,note,tags,score\n"
      "1,ann@example.org,Ann,\"Met at \"\"Expo\"\", booth 4\",a|b,10\n"
      "2,bob@example.org,Bob,\"two\nlines\",,\n"
      "3,,Zoë,\" leading space\",x,3.5\n"
      ",cy@example.org,Cy,plain,,\n";
  const Read read = ReadAll(input);
  ASSERT_TRUE(read.rejected.empty());
  ASSERT_EQ(read.records.size(), 4u);
  const std::string path = Path("out.csv");
  auto writer = OpenWriter(path, FileFormat::kCsv, read.columns);
  ASSERT_TRUE(writer.ok());
  for (const Record& record : read.records) ASSERT_TRUE((*writer)->Write(record).ok());
  ASSERT_TRUE((*writer)->Close().ok());
  EXPECT_EQ(Slurp(path), input);
}

TEST_F(CsvTest, RoundTripOfManyRowsCrossesTheWriteBuffer) {
  std::string input = "id,name,note\n";
  for (int i = 0; i < 40000; ++i) {
    input += std::to_string(i) + ",name " + std::to_string(i) + ",\"a, b\"\n";
  }
  const Read read = ReadAll(input, ',', 777);
  ASSERT_EQ(read.records.size(), 40000u);
  const std::string path = Path("out.csv");
  auto writer = OpenWriter(path, FileFormat::kCsv, read.columns);
  ASSERT_TRUE(writer.ok());
  for (const Record& record : read.records) ASSERT_TRUE((*writer)->Write(record).ok());
  ASSERT_TRUE((*writer)->Close().ok());
  EXPECT_EQ(Slurp(path), input);
}

}  // namespace
}  // namespace pdc
