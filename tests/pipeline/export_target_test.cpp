#include "pipeline/export_target.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <boost/json.hpp>
#include <cstdio>
#include <utility>

#include "tests/pipeline/file_fixture.h"

namespace pdc {
namespace {

using Fields = std::vector<std::pair<std::string, Value>>;

Record MakeRecord(const std::string& id, const Fields& fields) {
  Record r;
  r.set_id(id);
  r.Load(IdField(), Value::Json(id));
  for (const auto& [name, value] : fields) r.Load(InternField(name), value);
  return r;
}

Value T(const char* text) { return Value::Text(text); }

// Rows of a query, every cell as text ("NULL" for null), read with a connection of the test's own.
std::vector<std::vector<std::string>> Query(const std::string& path, const std::string& sql) {
  std::vector<std::vector<std::string>> rows;
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr), SQLITE_OK)
      << sqlite3_errmsg(db) << " in " << sql;
  while (s != nullptr && sqlite3_step(s) == SQLITE_ROW) {
    std::vector<std::string> row;
    for (int i = 0; i < sqlite3_column_count(s); ++i) {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
      row.push_back(text ? text : "NULL");
    }
    rows.push_back(std::move(row));
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
  return rows;
}

std::vector<std::string> Column(const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::string> out;
  for (const auto& row : rows) out.push_back(row.at(0));
  return out;
}

std::vector<std::string> TextLines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t from = 0;
  for (std::size_t at; (at = text.find('\n', from)) != std::string::npos; from = at + 1) {
    lines.push_back(text.substr(from, at - from));
  }
  if (from < text.size()) lines.push_back(text.substr(from));
  return lines;
}

class ExportTargetTest : public FileFixture {
 protected:
  std::unique_ptr<ExportTarget> Open(const std::string& name) {
    auto target = ExportTarget::Open(Path(name));
    EXPECT_TRUE(target.ok()) << target.status().message();
    return target.ok() ? std::move(*target) : nullptr;
  }
  static void WriteOk(ExportTarget& target, ExportObject object,
                      const std::vector<Record>& records) {
    const Status st = target.Write(object, records);
    ASSERT_TRUE(st.ok()) << st.message();
  }
  static void WriteOne(ExportTarget& target, ExportObject object, Record record) {
    std::vector<Record> page;
    page.push_back(std::move(record));
    WriteOk(target, object, page);
  }
  static std::vector<Record> Page() {
    std::vector<Record> page;
    page.push_back(MakeRecord("101", {{"email", T("ann@example.com")},
                                      {"score", T("12")},
                                      {"campaign_id", Value::Json("7")},
                                      {"is_do_not_email", T("true")},
                                      {"is_starred", T("")},
                                      {"opted_out", Value::Json("false")},
                                      {"is_reviewed", T("1")},
                                      {"employees", Value::Json("50")},
                                      {"phone", T("")},
                                      {"created_at", T("2024-01-02 03:04:05")},
                                      {"Tier", T("gold")},
                                      {"Interests", Value::List({"a", "b"})}}));
    page.push_back(MakeRecord("102", {{"email", T("bob@example.com")},
                                      {"score", T("n/a")},
                                      {"first_name", T("=Bob, \"B\"")},
                                      {"Tier", Value::Null()}}));
    return page;
  }
};

TEST_F(ExportTargetTest, ObjectNames) {
  EXPECT_EQ(ExportObjectName(ExportObject::kProspects), "prospects");
  EXPECT_EQ(ExportObjectName(ExportObject::kVisitorActivities), "visitor_activities");
}

TEST_F(ExportTargetTest, UnknownExtensionNamesTheAcceptedOnes) {
  auto target = ExportTarget::Open(Path("out.xlsx"));
  ASSERT_FALSE(target.ok());
  const std::string& why = target.status().message();
  EXPECT_NE(why.find(Path("out.xlsx")), std::string::npos) << why;
  for (const char* ext : {".sqlite", ".db", ".csv", ".jsonl"}) {
    EXPECT_NE(why.find(ext), std::string::npos) << why;
  }
  EXPECT_FALSE(std::filesystem::exists(Path("out.xlsx")));
}

TEST_F(ExportTargetTest, SqliteWritingAPageTwiceGivesTheSameRows) {
  auto target = Open("x.sqlite");
  ASSERT_NE(target, nullptr);
  EXPECT_EQ(target->Files(), std::vector<std::string>{Path("x.sqlite")});
  const std::string all = "SELECT id, email, score, custom_fields FROM prospects ORDER BY id";
  WriteOk(*target, ExportObject::kProspects, Page());
  const auto once = Query(Path("x.sqlite"), all);
  WriteOk(*target, ExportObject::kProspects, Page());
  EXPECT_EQ(Query(Path("x.sqlite"), all), once);
  ASSERT_EQ(once.size(), 2u);

  // A record fetched again with other values replaces its row, every column.
  WriteOne(*target, ExportObject::kProspects, MakeRecord("101", {{"email", T("new@example.com")}}));
  EXPECT_EQ(
      Query(Path("x.sqlite"), "SELECT email, score, custom_fields FROM prospects WHERE id = 101"),
      (std::vector<std::vector<std::string>>{{"new@example.com", "NULL", "{}"}}));
  EXPECT_EQ(Query(Path("x.sqlite"), "SELECT count(*) FROM prospects")[0][0], "2");
}

TEST_F(ExportTargetTest, SqliteColumnsAreTyped) {
  auto target = Open("x.db");
  ASSERT_NE(target, nullptr);
  WriteOk(*target, ExportObject::kProspects, Page());
  const auto rows = Query(
      Path("x.db"),
      "SELECT typeof(id), score, typeof(score), campaign_id, typeof(campaign_id), is_do_not_email, "
      "is_starred, opted_out, is_reviewed, is_deleted, employees, typeof(employees), phone, "
      "created_at, exported_at FROM prospects ORDER BY id");
  ASSERT_EQ(rows.size(), 2u);
  const std::vector<std::string> expected = {
      "integer", "12", "integer", "7",  "integer", "1",    "0",
      "0",       "1",  "NULL",    "50", "text",    "NULL", "2024-01-02 03:04:05"};
  EXPECT_EQ(std::vector<std::string>(rows[0].begin(), rows[0].end() - 1), expected);
  const std::string& exported_at = rows[0].back();
  ASSERT_EQ(exported_at.size(), 20u) << exported_at;
  EXPECT_EQ(exported_at[10], 'T');
  EXPECT_EQ(exported_at.back(), 'Z');
  // A non-numeric score is null in its column and kept in custom_fields.
  EXPECT_EQ(rows[1][1], "NULL");
}

TEST_F(ExportTargetTest, SqliteCustomFieldsHoldEveryOtherFieldAsJson) {
  auto target = Open("x.sqlite");
  ASSERT_NE(target, nullptr);
  WriteOk(*target, ExportObject::kProspects, Page());
  EXPECT_EQ(Column(Query(Path("x.sqlite"), "SELECT custom_fields FROM prospects ORDER BY id")),
            (std::vector<std::string>{R"({"Tier":"gold","Interests":["a","b"]})",
                                      R"({"score":"n/a","Tier":null})"}));
  EXPECT_EQ(Query(Path("x.sqlite"),
                  "SELECT json_extract(custom_fields, '$.Interests[1]') FROM prospects "
                  "WHERE id = 101")[0][0],
            "b");
}

TEST_F(ExportTargetTest, SqliteVisitorActivitiesHaveTheirColumnsAndExtra) {
  auto target = Open("x.sqlite");
  ASSERT_NE(target, nullptr);
  WriteOne(*target, ExportObject::kVisitorActivities,
           MakeRecord("9001", {{"prospect_id", T("101")},
                               {"visitor_id", Value::Json("55")},
                               {"type", T("6")},
                               {"type_name", T("Email")},
                               {"details", T("Spring sale")},
                               {"email_id", T("3")},
                               {"form_id", T("n/a")},
                               {"created_at", T("2024-05-06 07:08:09")},
                               {"campaign", T("{ignored}")}}));
  const auto rows = Query(Path("x.sqlite"),
                          "SELECT id, prospect_id, visitor_id, type, type_name, details, email_id, "
                          "form_id, created_at, updated_at, extra FROM visitor_activities");
  EXPECT_EQ(rows,
            (std::vector<std::vector<std::string>>{
                {"9001", "101", "55", "6", "Email", "Spring sale", "3", "NULL",
                 "2024-05-06 07:08:09", "NULL", R"({"form_id":"n/a","campaign":"{ignored}"})"}}));
  EXPECT_EQ(Query(Path("x.sqlite"), "SELECT count(*) FROM prospects")[0][0], "0");
}

TEST_F(ExportTargetTest, SqliteRefusesARecordWithoutANumericIdAndKeepsThePageOut) {
  auto target = Open("x.sqlite");
  ASSERT_NE(target, nullptr);
  std::vector<Record> page = Page();
  page.push_back(MakeRecord("", {{"email", T("c@example.com")}}));
  const Status st = target->Write(ExportObject::kProspects, page);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("id"), std::string::npos) << st.message();
  EXPECT_EQ(Query(Path("x.sqlite"), "SELECT count(*) FROM prospects")[0][0], "0");
  WriteOk(*target, ExportObject::kProspects, Page());  // the target is still usable
}

TEST_F(ExportTargetTest, SqliteExportRunsAreUpserted) {
  auto target = Open("x.sqlite");
  ASSERT_NE(target, nullptr);
  ExportRunRow run;
  run.run_id = "20261127-050000-abcd";
  run.started_at = "2026-11-27T05:00:00Z";
  run.business_unit_id = "0Uv000000000001AAA";
  run.api_version = 5;
  run.state = "running";
  ASSERT_TRUE(target->RecordRun(run).ok());
  run.state = "done";
  run.finished_at = "2026-11-27T05:10:00Z";
  run.prospects = 1200;
  run.visitor_activities = 34000;
  run.requests = 42;
  ASSERT_TRUE(target->RecordRun(run).ok());
  EXPECT_EQ(Query(Path("x.sqlite"), "SELECT * FROM export_runs"),
            (std::vector<std::vector<std::string>>{{"20261127-050000-abcd", "2026-11-27T05:00:00Z",
                                                    "2026-11-27T05:10:00Z", "0Uv000000000001AAA",
                                                    "5", "done", "1200", "34000", "42"}}));
}

TEST_F(ExportTargetTest, SqliteHasItsIndexesAndWal) {
  ASSERT_NE(Open("x.sqlite"), nullptr);
  EXPECT_EQ(Column(Query(Path("x.sqlite"),
                         "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                         "ORDER BY name")),
            (std::vector<std::string>{"prospects_by_created_at", "prospects_by_email",
                                      "prospects_by_updated_at", "visitor_activities_by_created_at",
                                      "visitor_activities_by_prospect_id",
                                      "visitor_activities_by_type"}));
  EXPECT_EQ(Query(Path("x.sqlite"), "PRAGMA journal_mode")[0][0], "wal");
  // Opening again finds its own tables acceptable.
  EXPECT_NE(Open("x.sqlite"), nullptr);
}

TEST_F(ExportTargetTest, SqliteRefusesAForeignDatabaseWithoutChangingIt) {
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(Path("other.sqlite").c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE prospects (id INTEGER PRIMARY KEY, name TEXT)",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
  const std::string before = Slurp(Path("other.sqlite"));
  auto target = ExportTarget::Open(Path("other.sqlite"));
  ASSERT_FALSE(target.ok());
  const std::string& why = target.status().message();
  EXPECT_NE(why.find(Path("other.sqlite")), std::string::npos) << why;
  EXPECT_NE(why.find("prospects"), std::string::npos) << why;
  EXPECT_EQ(Slurp(Path("other.sqlite")), before);
  EXPECT_EQ(Query(Path("other.sqlite"), "PRAGMA journal_mode")[0][0], "delete");

  const std::string text = Write("notes.db", "not a database, just some notes\n");
  auto notes = ExportTarget::Open(text);
  ASSERT_FALSE(notes.ok());
  EXPECT_NE(notes.status().message().find(text), std::string::npos) << notes.status().message();
  EXPECT_EQ(Slurp(text), "not a database, just some notes\n");
}

TEST_F(ExportTargetTest, CsvWritesTheHeaderOnceAndAppendsPages) {
  const std::string file = Path("x.prospects.csv");
  {
    auto target = Open("x.csv");
    ASSERT_NE(target, nullptr);
    EXPECT_TRUE(target->Files().empty());
    WriteOk(*target, ExportObject::kProspects, Page());
    WriteOne(*target, ExportObject::kProspects,
             MakeRecord("103", {{"Region", T("EU")}, {"Tier", T("silver")}}));
    EXPECT_EQ(target->Files(), std::vector<std::string>{file});
    EXPECT_TRUE(std::filesystem::exists(file));
    EXPECT_FALSE(std::filesystem::exists(Path("x.visitor_activities.csv")));
  }
  {  // A later export appends under the same header.
    auto target = Open("x.csv");
    ASSERT_NE(target, nullptr);
    WriteOne(*target, ExportObject::kProspects, MakeRecord("104", {{"Tier", T("bronze")}}));
  }
  const std::vector<std::string> lines = TextLines(Slurp(file));
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(lines[0].rfind("id,campaign_id,salutation,first_name,", 0), 0u) << lines[0];
  const std::string tail = ",is_deleted,Tier,Interests,custom_fields,exported_at";
  EXPECT_EQ(lines[0].substr(lines[0].size() - tail.size()), tail) << lines[0];
  for (std::size_t i = 1; i < lines.size(); ++i) {
    EXPECT_EQ(lines[i].find("id,campaign_id"), std::string::npos);
  }

  auto read = ReadFile(Slurp(file), FileFormat::kCsv);
  ASSERT_EQ(read.records.size(), 4u);
  const auto get = [&](std::size_t row, const char* field) {
    return read.records[row].Get(InternField(field)).text();
  };
  EXPECT_EQ(get(0, "id"), "101");
  EXPECT_EQ(get(0, "score"), "12");
  EXPECT_EQ(get(0, "is_do_not_email"), "1");
  EXPECT_EQ(get(0, "is_starred"), "0");
  EXPECT_EQ(get(0, "Interests"), R"(["a","b"])");
  EXPECT_EQ(get(0, "custom_fields"), "{}");
  // Not neutralised: a loader gets the value exactly.
  EXPECT_EQ(get(1, "first_name"), "=Bob, \"B\"");
  EXPECT_EQ(get(1, "score"), "");
  EXPECT_EQ(get(1, "custom_fields"), R"({"score":"n/a"})");
  EXPECT_EQ(get(2, "Tier"), "silver");
  EXPECT_EQ(get(2, "custom_fields"), R"({"Region":"EU"})");
  EXPECT_EQ(get(3, "Tier"), "bronze");
}

TEST_F(ExportTargetTest, CsvCutsATornLastRowBeforeAppending) {
  {
    auto target = Open("x.csv");
    ASSERT_NE(target, nullptr);
    WriteOne(*target, ExportObject::kVisitorActivities,
             MakeRecord("1", {{"details", T("two\nlines")}}));
  }
  const std::string file = Path("x.visitor_activities.csv");
  const std::string whole = Slurp(file);
  Write("x.visitor_activities.csv", whole + "2,,,,,\"torn\nin a cell");
  {
    auto target = Open("x.csv");
    ASSERT_NE(target, nullptr);
    WriteOne(*target, ExportObject::kVisitorActivities, MakeRecord("3", {{"type", T("4")}}));
  }
  auto read = ReadFile(Slurp(file), FileFormat::kCsv);
  EXPECT_TRUE(read.rejected.empty());
  ASSERT_EQ(read.records.size(), 2u);
  EXPECT_EQ(read.records[0].Get(InternField("details")).text(), "two\nlines");
  EXPECT_EQ(read.records[1].Get(InternField("id")).text(), "3");
}

TEST_F(ExportTargetTest, CsvRefusesAFileWithAnotherHeader) {
  const std::string file = Write("x.prospects.csv", "email,first_name\na@example.com,Ann\n");
  auto target = ExportTarget::Open(Path("x.csv"));
  ASSERT_FALSE(target.ok());
  EXPECT_NE(target.status().message().find(file), std::string::npos) << target.status().message();
  EXPECT_EQ(Slurp(file), "email,first_name\na@example.com,Ann\n");
}

TEST_F(ExportTargetTest, JsonlValuesAreTyped) {
  {
    auto target = Open("x.jsonl");
    ASSERT_NE(target, nullptr);
    WriteOk(*target, ExportObject::kProspects, Page());
  }
  {
    auto target = Open("x.jsonl");
    ASSERT_NE(target, nullptr);
    WriteOne(*target, ExportObject::kVisitorActivities,
             MakeRecord("9", {{"prospect_id", T("101")}, {"type_name", T("Visit")}}));
  }
  const std::vector<std::string> lines = TextLines(Slurp(Path("x.prospects.jsonl")));
  ASSERT_EQ(lines.size(), 2u);
  const auto first = boost::json::parse(lines[0]).as_object();
  EXPECT_EQ(first.at("id").as_int64(), 101);
  EXPECT_EQ(first.at("score").as_int64(), 12);
  EXPECT_EQ(first.at("campaign_id").as_int64(), 7);
  EXPECT_EQ(first.at("is_do_not_email").as_bool(), true);
  EXPECT_EQ(first.at("is_starred").as_bool(), false);
  EXPECT_EQ(first.at("employees").as_string(), "50");
  EXPECT_EQ(first.at("email").as_string(), "ann@example.com");
  EXPECT_FALSE(first.contains("phone"));  // empty, so null, so left out
  EXPECT_EQ(boost::json::serialize(first.at("custom_fields")),
            R"({"Tier":"gold","Interests":["a","b"]})");
  EXPECT_TRUE(first.at("exported_at").is_string());
  const auto second = boost::json::parse(lines[1]).as_object();
  EXPECT_FALSE(second.contains("score"));
  EXPECT_EQ(boost::json::serialize(second.at("custom_fields")), R"({"score":"n/a","Tier":null})");

  const auto activity = boost::json::parse(Slurp(Path("x.visitor_activities.jsonl"))).as_object();
  EXPECT_EQ(activity.at("prospect_id").as_int64(), 101);
  EXPECT_EQ(activity.at("type_name").as_string(), "Visit");
  EXPECT_EQ(boost::json::serialize(activity.at("extra")), "{}");
}

TEST_F(ExportTargetTest, JsonlRefusesAFileThatIsNotAnExport) {
  const std::string file = Write("x.visitor_activities.jsonl", "{\"name\":\"a\"}\n");
  auto target = ExportTarget::Open(Path("x.jsonl"));
  ASSERT_FALSE(target.ok());
  EXPECT_NE(target.status().message().find(file), std::string::npos) << target.status().message();
  EXPECT_EQ(Slurp(file), "{\"name\":\"a\"}\n");
}

TEST_F(ExportTargetTest, OpenNamesThePathThatCannotBeCreated) {
  auto target = ExportTarget::Open(Path("missing/dir/x.sqlite"));
  ASSERT_FALSE(target.ok());
  EXPECT_NE(target.status().message().find(Path("missing/dir/x.sqlite")), std::string::npos)
      << target.status().message();
}

// Prints how fast activities are written; the time is not asserted (machines differ).
// Many small pages, as an export writes them: every row lands once in each kind of file.
TEST_F(ExportTargetTest, TwoHundredThousandActivitiesInSmallPagesAllLand) {
  constexpr int kRows = 200000, kPage = 200;
  std::vector<std::vector<Record>> pages;
  for (int start = 0; start < kRows; start += kPage) {
    std::vector<Record> page;
    for (int i = start; i < start + kPage; ++i) {
      page.push_back(MakeRecord(std::to_string(i + 1),
                                {{"prospect_id", T(std::to_string(1000 + i % 5000).c_str())},
                                 {"visitor_id", T("77")},
                                 {"type", T("2")},
                                 {"type_name", T("Visit")},
                                 {"details", T("https://example.com/pricing")},
                                 {"campaign_id", T("12")},
                                 {"created_at", T("2024-05-06 07:08:09")},
                                 {"updated_at", T("2024-05-06 07:08:09")}}));
    }
    pages.push_back(std::move(page));
  }
  for (const char* name : {"many.sqlite", "many.csv", "many.jsonl"}) {
    auto target = Open(name);
    ASSERT_NE(target, nullptr);
    for (const auto& page : pages) WriteOk(*target, ExportObject::kVisitorActivities, page);
  }
  EXPECT_EQ(Query(Path("many.sqlite"),
                  "SELECT count(*), count(DISTINCT id), max(id + 0) FROM "
                  "visitor_activities")[0],
            (std::vector<std::string>{std::to_string(kRows), std::to_string(kRows),
                                      std::to_string(kRows)}));
  EXPECT_EQ(TextLines(Slurp(Path("many.visitor_activities.csv"))).size(), kRows + 1u);  // header
  EXPECT_EQ(TextLines(Slurp(Path("many.visitor_activities.jsonl"))).size(), kRows + 0u);
}

}  // namespace
}  // namespace pdc
