// End-to-end: `pardot-clean export` against the emulator in v4 and v5. A first export copies the
// emulator's prospects and visitor activities exactly; after new activities and prospect
// updates, a second one fetches only those and the SQLite file again equals the emulator; the
// daily limit stops an export with exit 3 and `resume` completes it; CSV and JSONL targets.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <boost/json.hpp>
#include <map>
#include <set>

#include "tests/e2e/process.h"
#include "tests/emulator/test_client.h"

namespace pdc::e2e {
namespace {

namespace json = boost::json;
using emulator::testing::EmulatorProcess;
using emulator::testing::HttpClient;

constexpr const char* kUnit = EmulatorProcess::kDefaultUnit;  // the unit the emulator starts with

// A thousand prospects last updated in 2024 (the sample file has times after today, which no
// account holds and which would put the high-water mark past the updates the test makes).
std::string Prospects(const std::filesystem::path& dir) {
  const char* cities[] = {"Berlin", "Lyon", "Austin", "Osaka", "Porto"};
  std::string csv =
      "id,email,first_name,last_name,company,city,country,opted_out,created_at,"
      "updated_at\n";
  for (int i = 1; i <= 1000; ++i) {
    const std::string n = std::to_string(i);
    csv += std::to_string(1000000 + i) + ",p" + n + "@example" + std::to_string(i % 37) +
           ".com,First" + n + ",Last" + n + ",Company " + std::to_string(i % 53) + "," +
           cities[i % 5] + "," + (i % 3 ? "DE" : "US") + "," + (i % 7 ? "false" : "true") +
           ",2023-01-01 10:00:00,2024-0" + std::to_string(1 + i % 9) + "-1" +
           std::to_string(i % 10) + " 08:30:" + std::to_string(10 + i % 50) + "\n";
  }
  WriteFile(dir / "prospects.csv", csv);
  return (dir / "prospects.csv").string();
}

using Rows = std::map<long long, std::map<std::string, std::string>>;

// Rows of a query, by the first column (the id); NULL reads as "".
Rows Query(const std::filesystem::path& file, const std::string& sql) {
  Rows rows;
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sql;
  while (stmt != nullptr && sqlite3_step(stmt) == SQLITE_ROW) {
    auto& row = rows[sqlite3_column_int64(stmt, 0)];
    for (int i = 1; i < sqlite3_column_count(stmt); ++i) {
      const auto* text = sqlite3_column_text(stmt, i);
      row[sqlite3_column_name(stmt, i)] = text ? reinterpret_cast<const char*>(text) : "";
    }
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return rows;
}

json::value Get(const EmulatorProcess& emulator, const std::string& path) {
  return json::parse(HttpClient(emulator.url()).Get(path, {}).body);
}

std::string Str(const json::value* v) {
  if (v == nullptr || v->is_null()) return "";
  if (v->is_string()) return std::string(v->as_string());
  return json::serialize(*v);
}

bool IsTimestamp(const std::string& field) {
  return field == "created_at" || field == "updated_at" || field == "last_activity_at" ||
         field == "crm_last_sync";
}

bool IsFlag(const std::string& field) {
  return field == "opted_out" || field == "is_do_not_email" || field == "is_do_not_call" ||
         field == "is_reviewed" || field == "is_starred";
}

// The emulator's active prospects, every value but the timestamps (which the emulator keeps as
// epoch seconds and the API shows in the account's zone): flags that are on as SQLite's 1, empty
// values and flags that are off left out.
Rows EmulatorProspects(const EmulatorProcess& emulator) {
  Rows rows;
  const json::value doc = Get(emulator, "/_emulator/state");
  for (const auto& p : doc.at("units").at(0).at("prospects").as_array()) {
    if (p.at("deleted").as_bool()) continue;
    auto& row = rows[p.at("id").as_int64()];
    for (const auto& [key, value] : p.at("values").as_object()) {
      const std::string field(key);
      std::string text = Str(&value);
      if (IsTimestamp(field)) continue;
      if (IsFlag(field)) text = text == "true" ? "1" : "";  // a flag that is off: no value
      if (!text.empty()) row[field] = text;
    }
  }
  return rows;
}

// The emulator's visitor activities: id -> prospect_id, type, type_name.
Rows EmulatorActivities(const EmulatorProcess& emulator) {
  Rows rows;
  const json::value doc = Get(emulator, "/_emulator/activities");
  const json::value& list = doc.is_object() ? doc.at("activities") : doc;
  for (const auto& a : list.as_array()) {
    auto& row = rows[a.at("id").as_int64()];
    row["prospect_id"] = Str(a.as_object().if_contains("prospect_id"));
    row["type"] = Str(a.as_object().if_contains("type"));
    row["type_name"] = Str(a.as_object().if_contains("type_name"));
  }
  return rows;
}

// The exported prospects in the same form: every column with a value, but the timestamps, flags
// that are off and what the export adds (exported_at, an empty custom_fields object).
Rows ExportedProspects(const std::filesystem::path& file) {
  Rows rows = Query(file, "SELECT * FROM prospects");
  for (auto& [id, row] : rows) {
    for (auto it = row.begin(); it != row.end();) {
      const bool drop = it->second.empty() || IsTimestamp(it->first) ||
                        (IsFlag(it->first) && it->second == "0") || it->first == "exported_at" ||
                        (it->first == "custom_fields" && it->second == "{}");
      it = drop ? row.erase(it) : std::next(it);
    }
  }
  return rows;
}

Rows ExportedActivities(const std::filesystem::path& file) {
  return Query(file, "SELECT id, prospect_id, type, type_name FROM visitor_activities");
}

long long Count(const json::value& stats, const std::string& endpoint) {
  const auto* n = stats.at("by_endpoint").as_object().if_contains(endpoint);
  return n ? n->as_int64() : 0;
}

class ExportTest : public ::testing::TestWithParam<int> {
 protected:
  std::string Config(const EmulatorProcess& emulator) const {
    return "version: 1\nsource:\n  pardot:\n    api_version: " + std::to_string(GetParam()) +
           "\n    base_url: \"" + emulator.url() + "\"\n    business_unit_id: " + kUnit +
           "\n    auth: { access_token: tok }\n    edition: advanced\nrules: []\n";
  }
  Output Clean(const std::string& args) { return Shell(CleanBinary() + " " + args, dir_); }
  std::string Prefix() const { return GetParam() == 5 ? "v5 GET " : "v4 "; }
  TempDir dir_;
};

TEST_P(ExportTest, FirstExportCopiesTheUnitAndTheNextFetchesOnlyWhatChanged) {
  EmulatorProcess emulator({"--token", "tok", "--ampsea", "--prospects", Prospects(dir_.path()),
                            "--activities-per-prospect", "10", "--seed", "11"});
  WriteFile(dir_ / "c.yaml", Config(emulator));
  const Output first = Clean("export c.yaml --to out.sqlite --json -q");
  ASSERT_EQ(first.code, 0) << first.err;
  const json::value summary = json::parse(first.out);
  const Rows activities = EmulatorActivities(emulator);
  ASSERT_GT(activities.size(), 8000u);  // enough to be pulled in two id ranges at once
  EXPECT_EQ(summary.at("prospects").as_int64(), 1000);
  EXPECT_EQ(summary.at("visitor_activities").as_int64(), static_cast<long long>(activities.size()));
  EXPECT_EQ(ExportedProspects(dir_ / "out.sqlite"), EmulatorProspects(emulator));
  EXPECT_EQ(ExportedActivities(dir_ / "out.sqlite"), activities);
  EXPECT_LE(Get(emulator, "/_emulator/stats").at("max_in_flight").as_int64(), 5);

  // New activities for every prospect, and three prospects updated.
  HttpClient client(emulator.url());
  ASSERT_EQ(client.Post("/_emulator/activities", R"({"count":1})", {}).status, 200);
  const Rows before = EmulatorProspects(emulator);
  std::vector<long long> updated;
  for (const auto& [id, row] : before) {
    if (updated.size() == 3) break;
    updated.push_back(id);
    const auto answer = client.Post("/api/prospect/version/4/do/update/id/" + std::to_string(id),
                                    "format=json&city=Exportville",
                                    {{"Authorization", "Bearer tok"},
                                     {"Pardot-Business-Unit-Id", kUnit},
                                     {"Content-Type", "application/x-www-form-urlencoded"}});
    ASSERT_EQ(answer.status, 200) << answer.body;
  }
  client.Post("/_emulator/stats/reset", "", {});
  const Output second = Clean("export c.yaml --to out.sqlite --json -q");
  ASSERT_EQ(second.code, 0) << second.err;
  const json::value again = json::parse(second.out);
  // Only the changes: the three prospects (in one page; the one-second overlap may bring back a
  // prospect updated in the same second as the last one seen, never the thousand) and the
  // thousand new activities.
  EXPECT_GE(again.at("prospects").as_int64(), 3);
  EXPECT_LT(again.at("prospects").as_int64(), 20);
  EXPECT_EQ(again.at("visitor_activities").as_int64(), 1000);
  // Activities: the first page, one request for the highest id, then the rest by id range.
  const json::value stats = Get(emulator, "/_emulator/stats");
  if (GetParam() == 5) {
    EXPECT_EQ(Count(stats, "v5 GET prospects"), 1);
    EXPECT_EQ(Count(stats, "v5 GET visitor-activities"), 2);  // 1,000 fit the first page
  } else {
    EXPECT_EQ(Count(stats, "v4 prospect query"), 1);
    EXPECT_EQ(Count(stats, "v4 visitorActivity query"), 1000 / 200 + 1);
  }
  EXPECT_EQ(ExportedProspects(dir_ / "out.sqlite"), EmulatorProspects(emulator));
  EXPECT_EQ(ExportedActivities(dir_ / "out.sqlite"), EmulatorActivities(emulator));
  for (long long id : updated) {
    EXPECT_EQ(ExportedProspects(dir_ / "out.sqlite").at(id).at("city"), "Exportville");
  }
  const Rows runs = Query(dir_ / "out.sqlite", "SELECT rowid, run_id, state FROM export_runs");
  ASSERT_EQ(runs.size(), 2u);
  for (const auto& [rowid, run] : runs) EXPECT_EQ(run.at("state"), "done");
}

TEST_P(ExportTest, TheDailyLimitStopsAnExportAndResumeCompletesIt) {
  // v4 pages hold 200 prospects or activities, v5 pages 1,000: a limit that stops each midway.
  const std::string limit = GetParam() == 5 ? "3" : "12";
  EmulatorProcess emulator({"--token", "tok", "--ampsea", "--prospects", Prospects(dir_.path()),
                            "--activities-per-prospect", "10", "--daily-limit", limit});
  WriteFile(dir_ / "c.yaml", Config(emulator));
  const Output stopped = Clean("export c.yaml --to out.sqlite --json -q");
  ASSERT_EQ(stopped.code, 3) << stopped.err;
  EXPECT_NE(stopped.err.find("resume"), std::string::npos) << stopped.err;
  const std::string run_id(json::parse(stopped.out).at("run_id").as_string());
  EXPECT_LT(ExportedActivities(dir_ / "out.sqlite").size(), EmulatorActivities(emulator).size());

  // Each day's requests take it further; resumes finish it within a few days.
  int code = 3;
  for (int day = 0; day < 12 && code == 3; ++day) {
    HttpClient(emulator.url()).Post("/_emulator/day", "", {});
    const Output resumed = Clean("resume " + run_id + " --json -q");
    code = resumed.code;
    ASSERT_TRUE(code == 0 || code == 3) << resumed.err;
  }
  EXPECT_EQ(code, 0);
  const Output done = Clean("resume " + run_id);
  EXPECT_NE(done.out.find("complete"), std::string::npos) << done.out;
  EXPECT_EQ(ExportedProspects(dir_ / "out.sqlite"), EmulatorProspects(emulator));
  EXPECT_EQ(ExportedActivities(dir_ / "out.sqlite"), EmulatorActivities(emulator));
}

INSTANTIATE_TEST_SUITE_P(Versions, ExportTest, ::testing::Values(4, 5),
                         [](const ::testing::TestParamInfo<int>& p) {
                           return "V" + std::to_string(p.param);
                         });

TEST(ExportFilesTest, CsvAndJsonlWriteOneFilePerObjectAndAppendTheChanges) {
  TempDir dir;
  EmulatorProcess emulator({"--token", "tok", "--ampsea", "--prospects", Prospects(dir.path()),
                            "--activities-per-prospect", "1"});
  WriteFile(dir / "c.yaml",
            "version: 1\nsource:\n  pardot:\n    api_version: 4\n    base_url: \"" +
                emulator.url() + "\"\n    business_unit_id: " + kUnit +
                "\n    auth: { access_token: tok }\nrules:\n  - text: { fields: [city] }\n");
  for (const char* to : {"x.csv", "x.jsonl"}) {
    const Output r = Shell(CleanBinary() + " export c.yaml --clean --to " + to + " -q", dir);
    ASSERT_EQ(r.code, 0) << r.err;
  }
  for (const char* file : {"x.prospects.csv", "x.visitor_activities.csv", "x.prospects.jsonl",
                           "x.visitor_activities.jsonl"}) {
    EXPECT_TRUE(std::filesystem::exists(dir / file)) << file;
  }
  auto lines = [&](const char* file) {
    const std::string text = ReadFile(dir / file);
    return static_cast<long long>(std::count(text.begin(), text.end(), '\n'));
  };
  EXPECT_EQ(lines("x.prospects.jsonl"), 1000);
  EXPECT_EQ(lines("x.visitor_activities.jsonl"),
            static_cast<long long>(EmulatorActivities(emulator).size()));
  const long long csv_before = lines("x.visitor_activities.csv");
  HttpClient(emulator.url()).Post("/_emulator/activities", R"({"count":1})", {});
  const Output again = Shell(CleanBinary() + " export c.yaml --to x.csv -q", dir);
  ASSERT_EQ(again.code, 0) << again.err;
  EXPECT_EQ(lines("x.visitor_activities.csv"), csv_before + 1000);  // appended, one header
  const Output bad = Shell(CleanBinary() + " export c.yaml --to x.parquet", dir);
  EXPECT_EQ(bad.code, 2);
}

}  // namespace
}  // namespace pdc::e2e
