#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <boost/json.hpp>
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

class JsonlTest : public FileFixture {
 protected:
  Read ReadAll(const std::string& content) { return ReadFile(content, FileFormat::kJsonl); }
  std::string WriteAll(const std::vector<Record>& records) {
    const std::string path = Path("out.jsonl");
    auto writer = OpenWriter(path, FileFormat::kJsonl, {});
    EXPECT_TRUE(writer.ok()) << writer.status().message();
    if (!writer.ok()) return {};
    for (const Record& record : records) EXPECT_TRUE((*writer)->Write(record).ok());
    EXPECT_TRUE((*writer)->Close().ok());
    return Slurp(path);
  }

  static const Value& Get(const Record& record, const char* field) {
    return record.Get(InternField(field));
  }
};

std::vector<FieldId> Fields(std::initializer_list<const char*> names) {
  std::vector<FieldId> fields;
  for (const char* name : names) fields.push_back(InternField(name));
  return fields;
}

TEST_F(JsonlTest, MapsEachKindOfValue) {
  const Read read =
      ReadAll(R"({"id":42,"s":"text","n":null,"t":true,"f":false,"i":-7,"d":1.50,)"
              R"("big":123456789012345678901234,)"
              R"("o":{"a": [1, "x"]},"l":["a","b"],"m":["a",1],"e":[],"esc":"caf\u00e9\n\"q\""})"
              "\n");
  ASSERT_TRUE(read.rejected.empty()) << read.rejected[0].reason;
  ASSERT_EQ(read.records.size(), 1u);
  const Record& r = read.records[0];
  EXPECT_EQ(r.id(), "42");
  EXPECT_EQ(Get(r, "id"), Value::Json("42"));
  EXPECT_EQ(Get(r, "s"), Value::Text("text"));
  EXPECT_EQ(Get(r, "n"), Value::Null());
  ASSERT_NE(r.Find(InternField("n")), nullptr);  // present, and null
  EXPECT_EQ(Get(r, "t"), Value::Json("true"));
  EXPECT_EQ(Get(r, "f"), Value::Json("false"));
  EXPECT_EQ(Get(r, "i"), Value::Json("-7"));
  // Literals are kept as the source wrote them, digits and spacing included.
  EXPECT_EQ(Get(r, "d"), Value::Json("1.50"));
  EXPECT_EQ(Get(r, "big"), Value::Json("123456789012345678901234"));
  EXPECT_EQ(Get(r, "o"), Value::Json(R"({"a": [1, "x"]})"));
  EXPECT_EQ(Get(r, "l"), Value::List({"a", "b"}));
  EXPECT_EQ(Get(r, "m"), Value::Json(R"(["a",1])"));
  EXPECT_EQ(Get(r, "e"), Value::List({}));
  EXPECT_EQ(Get(r, "esc"), Value::Text("caf\xC3\xA9\n\"q\""));
  EXPECT_EQ(r.fields().size(), 13u);
  EXPECT_FALSE(r.has_log());
}

TEST_F(JsonlTest, StringIdAndRecordsWithoutId) {
  const Read read = ReadAll("{\"id\":\"p-9\",\"a\":\"x\"}\n{\"a\":\"y\"}\n");
  ASSERT_EQ(read.records.size(), 2u);
  EXPECT_EQ(read.records[0].id(), "p-9");
  EXPECT_EQ(Get(read.records[0], "id"), Value::Text("p-9"));
  EXPECT_EQ(read.records[1].id(), "");
  EXPECT_EQ(read.records[1].label(), "line 2");
}

TEST_F(JsonlTest, ColumnsAreTheKeysInFirstSeenOrder) {
  const Read read = ReadAll(
      "{\"b\":\"1\",\"a\":\"2\"}\n"
      "{\"c\":\"3\",\"a\":\"4\"}\n"
      "{\"d\":null,\"b\":\"5\"}\n");
  EXPECT_EQ(read.columns, Fields({"b", "a", "c", "d"}));
}

TEST_F(JsonlTest, BadLinesAreRejectedAndReadingGoesOn) {
  const Read read = ReadAll(
      "{\"id\":1}\n"
      "{\"id\":2,\"a\":\n"
      "[1,2,3]\n"
      "\"just a string\"\n"
      "17\n"
      "{\"id\":3} trailing\n"
      "{\"id\":4}\n");
  EXPECT_THAT(Lines(read.records), ElementsAre(1u, 7u));
  ASSERT_EQ(read.rejected.size(), 5u);
  EXPECT_EQ(read.rejected[0].line, 2u);
  EXPECT_THAT(read.rejected[0].reason, StartsWith("not valid JSON: "));
  EXPECT_EQ(read.rejected[0].excerpt, "{\"id\":2,\"a\":");
  EXPECT_EQ(read.rejected[1].line, 3u);
  EXPECT_EQ(read.rejected[1].reason, "expected a JSON object, found an array");
  EXPECT_EQ(read.rejected[2].reason, "expected a JSON object, found a string");
  EXPECT_EQ(read.rejected[3].reason, "expected a JSON object, found a number");
  EXPECT_EQ(read.rejected[4].line, 6u);
  EXPECT_THAT(read.rejected[4].reason, StartsWith("not valid JSON: "));
}

TEST_F(JsonlTest, SkipsBlankLinesBomAndCarriageReturns) {
  const Read read = ReadAll("\xEF\xBB\xBF{\"a\":\"1\"}\r\n\r\n   \n{\"a\":\"2\"}\r\n\n");
  EXPECT_TRUE(read.rejected.empty());
  EXPECT_THAT(Lines(read.records), ElementsAre(1u, 4u));
  EXPECT_EQ(Get(read.records[0], "a"), Value::Text("1"));
}

TEST_F(JsonlTest, LastLineWithoutLineEnd) {
  const Read read = ReadAll("{\"a\":\"1\"}\n{\"a\":\"2\"}");
  ASSERT_EQ(read.records.size(), 2u);
}

TEST_F(JsonlTest, EmptyFile) {
  const Read read = ReadAll("");
  EXPECT_TRUE(read.records.empty());
  EXPECT_TRUE(read.rejected.empty());
  EXPECT_TRUE(read.columns.empty());
}

TEST_F(JsonlTest, DuplicateKeysKeepTheLastValue) {
  const Read read = ReadAll("{\"a\":1,\"b\":\"x\",\"a\":2.50}\n");
  ASSERT_EQ(read.records.size(), 1u);
  const Record& r = read.records[0];
  ASSERT_EQ(r.fields().size(), 2u);
  EXPECT_EQ(r.fields()[0].id, InternField("a"));
  EXPECT_EQ(r.fields()[0].value.kind(), Value::Kind::kJson);
  EXPECT_EQ(std::stod(r.fields()[0].value.text()), 2.5);
}

TEST_F(JsonlTest, InvalidUtf8IsRepairedFlaggedAndCounted) {
  const Read read = ReadAll(
      "{\"id\":\"1\",\"name\":\"Caf\xE9\",\"city\":\"M\xC3\xBCnchen\"}\n"
      "{\"id\":\"2\",\"bad\xFF\":\"ok\"}\n"
      "{\"id\":\"3\"}\n");
  ASSERT_TRUE(read.rejected.empty()) << read.rejected[0].reason;
  ASSERT_EQ(read.records.size(), 3u);
  EXPECT_EQ(read.repaired, 2u);

  const Record& first = read.records[0];
  EXPECT_EQ(Get(first, "name"), Value::Text("Caf" + kReplacement));
  EXPECT_EQ(Get(first, "city"), Value::Text("M\xC3\xBCnchen"));
  ASSERT_TRUE(first.has_log());
  ASSERT_EQ(first.log()->flags.size(), 1u);
  EXPECT_EQ(first.log()->flags[0].field, InternField("name"));
  EXPECT_EQ(first.log()->flags[0].rule, kNoRule);
  EXPECT_EQ(first.log()->flags[0].code, "input.invalid_utf8");
  EXPECT_THAT(first.log()->flags[0].message, HasSubstr("1 ill-formed byte sequence "));

  const Record& second = read.records[1];  // the damage is in a key
  ASSERT_TRUE(second.has_log());
  ASSERT_EQ(second.log()->flags.size(), 1u);
  EXPECT_EQ(second.log()->flags[0].field, InternField("bad" + kReplacement));
  EXPECT_FALSE(read.records[2].has_log());
}

// --- writer ---

std::vector<Record> One(Record record) {
  std::vector<Record> records;
  records.push_back(std::move(record));
  return records;
}

Record MakeRecord(std::initializer_list<std::pair<const char*, Value>> fields) {
  Record record(1);
  for (const auto& [name, value] : fields) record.Load(InternField(name), value);
  return record;
}

TEST_F(JsonlTest, WriterWritesEachKindAndEscapes) {
  const std::string out = WriteAll(One(MakeRecord({
      {"id", Value::Json("5")},
      {"text", Value::Text("q\" b\\ nl\n tab\t ctl\x01 del\x7f \xC3\xA9")},
      {"none", Value::Null()},
      {"list", Value::List({"a", "b\"c"})},
      {"obj", Value::Json("{\"k\": [1, 2.50]}")},
      {"empty", Value::Text("")},
  })));
  EXPECT_EQ(
      out,
      "{\"id\":5,\"text\":\"q\\\" b\\\\ nl\\n tab\\t ctl\\u0001 del\x7f \xC3\xA9\","
      "\"none\":null,\"list\":[\"a\",\"b\\\"c\"],\"obj\":{\"k\": [1, 2.50]},\"empty\":\"\"}\n");
  // And a JSON parser agrees.
  const boost::json::value parsed = boost::json::parse(out);
  EXPECT_EQ(parsed.at("text").as_string(), "q\" b\\ nl\n tab\t ctl\x01 del\x7f \xC3\xA9");
  EXPECT_EQ(parsed.at("obj").at("k").at(1).as_double(), 2.5);
}

TEST_F(JsonlTest, WriterKeepsALiteralOnOneLine) {
  const std::string out = WriteAll(One(MakeRecord({{"o", Value::Json("{\n  \"a\": 1\r\n}")}})));
  EXPECT_EQ(out, "{\"o\":{   \"a\": 1  }}\n");
}

TEST_F(JsonlTest, WriterRefusesInvalidUtf8AndWritesNothingOfTheRecord) {
  const std::string path = Path("out.jsonl");
  auto writer = OpenWriter(path, FileFormat::kJsonl, {});
  ASSERT_TRUE(writer.ok());
  Record bad = MakeRecord({{"a", Value::Text("ok")}, {"b", Value::Text("x\xFFy")}});
  const Status status = (*writer)->Write(bad);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), Status::Code::kInvalidField);
  EXPECT_THAT(status.message(), HasSubstr("b: record line 1"));
  ASSERT_TRUE((*writer)->Write(MakeRecord({{"a", Value::Text("fine")}})).ok());
  ASSERT_TRUE((*writer)->Close().ok());
  EXPECT_EQ(Slurp(path), "{\"a\":\"fine\"}\n");
}

TEST_F(JsonlTest, WriterReportsAFullDiskAtClose) {
  auto writer = OpenWriter("/dev/full", FileFormat::kJsonl, {});
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE((*writer)->Write(MakeRecord({{"a", Value::Text("x")}})).ok());
  const Status status = (*writer)->Close();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), Status::Code::kIo);
}

TEST_F(JsonlTest, RoundTripKeepsNumbersAndBytes) {
  const std::string input =
      "{\"id\":1,\"email\":\"ann@example.org\",\"score\":12.50,\"opted_out\":false,"
      "\"tags\":[\"a\",\"b\"],\"extra\":{\"n\":1e3},\"notes\":null,\"name\":\"Zo\xC3\xAB "
      "\\\"Z\\\"\"}\n"
      "{\"id\":\"2\",\"big\":98765432109876543210,\"neg\":-0.0,\"mixed\":[1,\"x\",null]}\n";
  const Read read = ReadAll(input);
  ASSERT_TRUE(read.rejected.empty());
  const std::string out = WriteAll(read.records);
  EXPECT_EQ(out, input);
  const Read again = ReadAll(out);
  ASSERT_EQ(again.records.size(), 2u);
  EXPECT_EQ(Get(again.records[0], "score"), Value::Json("12.50"));
  EXPECT_EQ(Get(again.records[1], "big"), Value::Json("98765432109876543210"));
}

TEST_F(JsonlTest, CsvRecordsWriteAsJsonStrings) {
  const std::string csv = Write("in.csv", "id,note\n7,\"a, \"\"b\"\"\"\n");
  auto reader = OpenReader(csv, FileFormat::kCsv);
  ASSERT_TRUE(reader.ok());
  std::vector<Record> records;
  std::vector<RejectedRow> rejected;
  while ((*reader)->Next(records, 100, rejected)) {
  }
  EXPECT_EQ(WriteAll(records), "{\"id\":\"7\",\"note\":\"a, \\\"b\\\"\"}\n");
}

}  // namespace
}  // namespace pdc
