// End-to-end: the real pardot-clean binary on real files.
#include <gtest/gtest.h>

#include <map>

#include <boost/json.hpp>

#include "pipeline/journal.h"
#include "tests/e2e/process.h"

namespace pdc::e2e {
namespace {

namespace json = boost::json;

const char* kConfig = R"(version: 1
rules:
  - text: { fields: [first_name, last_name, company] }
  - name_case: { fields: [first_name, last_name] }
  - email: {}
tests:
  - given:  { first_name: "  MARY-ANN ", email: "Mary@Example.COM " }
    expect: { first_name: "Mary-Ann", email: "mary@example.com" }
)";

class CliTest : public ::testing::Test {
 protected:
  Output Clean(const std::string& args) { return Shell(CleanBinary() + " " + args, dir_); }
  TempDir dir_;
};

TEST_F(CliTest, ValidateAcceptsAGoodConfig) {
  WriteFile(dir_ / "c.yaml", kConfig);
  const Output r = Clean("validate c.yaml");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("c.yaml: ok (3 rules, 1 tests)"), std::string::npos) << r.out;
}

TEST_F(CliTest, ValidateNamesEveryProblemWithFileLineColumn) {
  WriteFile(dir_ / "bad.yaml", R"(version: 1
rules:
  - text: { fields: [first_name], colour: red }
  - email: { lowercase_local: 12 }
)");
  Output r = Clean("validate bad.yaml");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("bad.yaml:3:35: unknown key \"colour\""), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("bad.yaml:4:31: email.lowercase_local: expected true or false"),
            std::string::npos)
      << r.err;

  WriteFile(dir_ / "syntax.yaml", "version: 1\nrules:\n  - text: {fields: [a\n  - email: {}\n");
  r = Clean("validate syntax.yaml");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("syntax.yaml:"), std::string::npos);
  EXPECT_NE(r.err.find("YAML syntax error"), std::string::npos) << r.err;

  r = Clean("validate --json bad.yaml");
  EXPECT_EQ(r.code, 2);
  const json::value v = json::parse(r.out);
  EXPECT_FALSE(v.at("valid").as_bool());
  EXPECT_EQ(v.at("errors").as_array().size(), 2u);
  EXPECT_EQ(v.at("errors").at(0).at("line").as_int64(), 3);
}

TEST_F(CliTest, TestPassesAndAWrongExpectationFailsWithADiff) {
  WriteFile(dir_ / "c.yaml", kConfig);
  Output r = Clean("test c.yaml");
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("1 passed, 0 failed"), std::string::npos);

  std::string wrong = kConfig;
  wrong +=
      "  - name: keeps case\n    given: { last_name: \"SMITH\" }\n    expect: { last_name: "
      "\"SMITH\" }\n";
  WriteFile(dir_ / "wrong.yaml", wrong);
  r = Clean("test wrong.yaml");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("FAIL wrong.yaml:9:5 keeps case"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("last_name: expected \"SMITH\", got \"Smith\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 passed, 1 failed"), std::string::npos);
}

TEST_F(CliTest, RunWritesCleanedFileAndReports) {
  WriteFile(dir_ / "c.yaml", kConfig);
  WriteFile(dir_ / "in.csv",
            "id,first_name,last_name,email,company\r\n"
            "7,\"  JOSÉ \",\"GARCÍA\",\" Jose@Example.ES\",\"Acme,  Inc\"\r\n"
            "8,Ann,Lee,ann@lee.io,Lee & Co\r\n"
            "9,=cmd,x,not-an-email,\r\n");
  const Output r =
      Clean("run c.yaml --input in.csv --output out.csv --report r.json --report r.csv");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(ReadFile(dir_ / "out.csv"),
            "id,first_name,last_name,email,company\n"
            "7,José,García,jose@example.es,\"Acme, Inc\"\n"
            "8,Ann,Lee,ann@lee.io,Lee & Co\n"
            "9,=Cmd,X,not-an-email,\n");
  const json::value report = json::parse(ReadFile(dir_ / "r.json"));
  EXPECT_EQ(report.at("mode").as_string(), "dry_run");
  EXPECT_EQ(report.at("records_in").as_int64(), 3);
  EXPECT_EQ(report.at("records_changed").as_int64(), 2);
  const auto& changes = report.at("changes").as_array();
  ASSERT_EQ(changes.size(), 6u);
  EXPECT_EQ(changes[0].at("id").as_string(), "7");
  EXPECT_EQ(changes[0].at("field").as_string(), "first_name");
  EXPECT_EQ(changes[0].at("before").as_string(), "  JOSÉ ");
  EXPECT_EQ(changes[0].at("after").as_string(), "José");
  EXPECT_EQ(changes[0].at("rule").as_string(), "name_case@1");
  EXPECT_EQ(report.at("flags").as_array().size(), 1u);
  EXPECT_EQ(report.at("flags").at(0).at("code").as_string(), "email.invalid");
  EXPECT_EQ(report.at("flags").at(0).at("id").as_string(), "9");
  const auto& rules = report.at("rules").as_array();
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_EQ(rules[1].at("rule").as_string(), "name_case@1");
  EXPECT_EQ(rules[1].at("changed").as_int64(), 4);
  EXPECT_TRUE(report.at("api").is_object());
  EXPECT_TRUE(report.at("rejected").as_array().empty());

  const std::string csv = ReadFile(dir_ / "r.csv");
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "id,field,before,after,rule");
  EXPECT_NE(csv.find("9,last_name,x,X,name_case@1"), std::string::npos) << csv;
  EXPECT_NE(csv.find("7,company,\"Acme,  Inc\",\"Acme, Inc\",text@1"), std::string::npos) << csv;
}

TEST_F(CliTest, ReportNamesDataFileVersionsAndRuleCounters) {
  WriteFile(dir_ / "industries.csv", "domain,industry\nacme.com,Manufacturing\n");
  WriteFile(dir_ / "c.yaml", R"(version: 1
rules:
  - name: {}
  - lookup: { table: industries.csv, key: website, fields: { industry: null } }
  - country: {}
)");
  WriteFile(dir_ / "in.csv",
            "id,first_name,last_name,website\n1,DR. ANN,LEE,acme.com\n2,Bo,test,globex.com\n");
  const Output r = Clean("run c.yaml --input in.csv --output out.csv --report r.json");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(ReadFile(dir_ / "out.csv"),
            "id,first_name,last_name,website,salutation,industry,country\n"
            "1,Ann,Lee,acme.com,Dr.,Manufacturing,\n"
            "2,Bo,,globex.com,,,\n");
  const json::value report = json::parse(ReadFile(dir_ / "r.json"));
  const auto& lookup = report.at("rules").at(1);
  EXPECT_EQ(lookup.at("rule").as_string(), "lookup@1");
  EXPECT_EQ(lookup.at("counters").at("hits").as_int64(), 1);
  EXPECT_EQ(lookup.at("counters").at("misses").as_int64(), 1);
  std::map<std::string, std::string> versions;
  for (const auto& file : report.at("data").as_array()) {
    versions[std::string(file.at("file").as_string())] = file.at("version").as_string();
    EXPECT_GT(file.at("entries").as_int64(), 0);
  }
  EXPECT_EQ(versions.count("name_affixes.tsv"), 1u);
  EXPECT_EQ(versions.count("junk_names.txt"), 1u);
  EXPECT_FALSE(versions["nicknames.tsv"].empty());
  EXPECT_FALSE(versions["iso-codes iso_3166-1.json"].empty());
  EXPECT_EQ(versions["ICU CLDR country names"].rfind("CLDR ", 0), 0u);
}

TEST_F(CliTest, ReportCsvNeutralisesFormulas) {
  WriteFile(dir_ / "c.yaml",
            "version: 1\nrules:\n  - set: { field: note, value: \"=HYPERLINK(1)\" }\n");
  WriteFile(dir_ / "in.csv", "id,note\n1,@SUM(A1)\n");
  const Output r = Clean("run c.yaml --input in.csv --report r.csv");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(ReadFile(dir_ / "r.csv").find("1,note,'@SUM(A1),'=HYPERLINK(1),set@1"),
            std::string::npos)
      << ReadFile(dir_ / "r.csv");
}

TEST_F(CliTest, BrokenQuoteInvalidUtf8AndEmptyFile) {
  WriteFile(dir_ / "c.yaml", kConfig);
  WriteFile(dir_ / "broken.csv",
            "id,first_name,last_name,email,company\n"
            "1,ann,lee,a@b.io,x\n"
            "2,\"bob,smith,b@c.io,y\n"
            "3,cy,tu,c@d.io,z\n"
            "4,d\xff\xfe,vu,d@e.io,w\n");
  Output r = Clean("run c.yaml --input broken.csv --output out.csv --report r.json --json");
  ASSERT_EQ(r.code, 0) << r.err;
  const json::value summary = json::parse(r.out);
  EXPECT_EQ(summary.at("records_in").as_int64(), 3);
  EXPECT_EQ(summary.at("records_rejected").as_int64(), 1);
  const json::value report = json::parse(ReadFile(dir_ / "r.json"));
  ASSERT_EQ(report.at("rejected").as_array().size(), 1u);
  EXPECT_EQ(report.at("rejected").at(0).at("line").as_int64(), 3);
  EXPECT_NE(std::string(report.at("rejected").at(0).at("reason").as_string()).find("quote"),
            std::string::npos);
  EXPECT_EQ(report.at("invalid_utf8_repaired").as_int64(), 1);
  const std::string out = ReadFile(dir_ / "out.csv");
  EXPECT_NE(out.find("1,Ann,Lee"), std::string::npos);
  EXPECT_NE(out.find("3,Cy,Tu"), std::string::npos);
  EXPECT_NE(out.find("4,D\xEF\xBF\xBD\xEF\xBF\xBD,Vu"), std::string::npos) << out;

  WriteFile(dir_ / "empty.csv", "");
  r = Clean("run c.yaml --input empty.csv --output out2.csv --json");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out).at("records_in").as_int64(), 0);
}

TEST_F(CliTest, JsonLinesInAndOut) {
  WriteFile(dir_ / "c.yaml", kConfig);
  WriteFile(
      dir_ / "in.jsonl",
      "{\"id\":1,\"first_name\":\"ÉMILE\",\"score\":12,\"tags\":[\"a\",\"b\"],\"email\":null}\n"
      "not json\n"
      "{\"id\":2,\"first_name\":\"zoë\"}\n");
  const Output r = Clean("run c.yaml --input in.jsonl --output out.jsonl --json");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out).at("records_rejected").as_int64(), 1);
  EXPECT_EQ(
      ReadFile(dir_ / "out.jsonl"),
      "{\"id\":1,\"first_name\":\"Émile\",\"score\":12,\"tags\":[\"a\",\"b\"],\"email\":null}\n"
      "{\"id\":2,\"first_name\":\"Zoë\"}\n");
}

TEST_F(CliTest, JsonLinesToCsvCollectsEveryColumn) {
  WriteFile(dir_ / "c.yaml", "version: 1\nrules:\n  - text: {}\n");
  WriteFile(dir_ / "in.jsonl", "{\"id\":1,\"a\":\" x \"}\n{\"id\":2,\"b\":\"y\",\"n\":3}\n");
  const Output r = Clean("run c.yaml --input in.jsonl --output out.csv");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(ReadFile(dir_ / "out.csv"), "id,a,b,n\n1,x,,\n2,,y,3\n");
}

TEST_F(CliTest, UsageErrorsExitTwo) {
  WriteFile(dir_ / "c.yaml", kConfig);
  EXPECT_EQ(Clean("run c.yaml").code, 2);  // no input anywhere
  EXPECT_EQ(Clean("run c.yaml --input missing.csv").code, 2);
  EXPECT_EQ(Clean("run c.yaml --input in.txt").code, 2);
  EXPECT_EQ(Clean("frobnicate").code, 2);
  EXPECT_EQ(Clean("").code, 2);
  WriteFile(dir_ / "in.csv", "id\n1\n");
  const Output same = Clean("run c.yaml --input in.csv --output in.csv");
  EXPECT_EQ(same.code, 2);
  EXPECT_EQ(ReadFile(dir_ / "in.csv"), "id\n1\n");  // the input is never overwritten
}

TEST_F(CliTest, RulesListsAndDescribes) {
  Output r = Clean("rules");
  EXPECT_EQ(r.code, 0);
  for (const char* name : {"text@1", "name_case@1", "email@2", "set@1", "default@1", "copy@1",
                           "regex_replace@1", "map@1"}) {
    EXPECT_NE(r.out.find(name), std::string::npos) << name;
  }
  r = Clean("rules email --json");
  EXPECT_EQ(r.code, 0);
  const json::value v = json::parse(r.out);
  EXPECT_EQ(v.at("name").as_string(), "email");
  EXPECT_FALSE(v.at("options").as_array().empty());
  EXPECT_EQ(Clean("rules nope").code, 2);
}

TEST_F(CliTest, OutputKeepsInputOrderAcrossThreads) {
  const Output gen = Shell(GenerateBinary() + " --count 20000 --seed 7 --output in.csv", dir_);
  ASSERT_EQ(gen.code, 0) << gen.err;
  WriteFile(dir_ / "c.yaml", kConfig);
  const Output r = Clean("run c.yaml --input in.csv --output out.csv --threads 4 --json");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out).at("records_in").as_int64(), 20000);
  const std::string out = ReadFile(dir_ / "out.csv");
  std::size_t pos = out.find('\n') + 1;
  long long previous = 0;
  std::size_t rows = 0;
  while (pos < out.size()) {
    const long long id = std::stoll(out.substr(pos, out.find(',', pos) - pos));
    EXPECT_GT(id, previous);
    if (id <= previous) break;
    previous = id;
    ++rows;
    // Skip to the next record start: ids are at the start of lines outside quotes.
    bool quoted = false;
    while (pos < out.size() && (quoted || out[pos] != '\n')) {
      if (out[pos] == '"') quoted = !quoted;
      ++pos;
    }
    ++pos;
  }
  EXPECT_EQ(rows, 20000u);
}

}  // namespace
}  // namespace pdc::e2e

namespace pdc::e2e {
namespace {

TEST(RunsCommandTest, ListsRunsFromTheJournal) {
  TempDir dir;
  {
    auto journal = Journal::Open(dir / "j.db");
    ASSERT_TRUE(journal.ok());
    RunRow row;
    row.run_id = "20261126-101010-abcd";
    row.mode = "apply";
    row.source = "pardot:0Uv000000000001AAA";
    row.business_unit_id = "0Uv000000000001AAA";
    row.api_version = 4;
    row.started_at = "2026-11-26T10:10:10Z";
    ASSERT_TRUE((*journal)->BeginRun(row).ok());
    ASSERT_TRUE((*journal)->FinishRun(row.run_id, "stopped_limit", 3, R"({"records_in":5})").ok());
  }
  Output r = Shell(CleanBinary() + " runs --journal j.db", dir);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("20261126-101010-abcd"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("stopped_limit"), std::string::npos);
  r = Shell(CleanBinary() + " runs --journal j.db --json", dir);
  ASSERT_EQ(r.code, 0);
  const auto v = boost::json::parse(r.out);
  EXPECT_EQ(v.at(0).at("exit_code").as_int64(), 3);
  EXPECT_EQ(v.at(0).at("summary").at("records_in").as_int64(), 5);
  r = Shell(CleanBinary() + " runs --journal empty.db", dir);
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("no runs"), std::string::npos);
}

}  // namespace
}  // namespace pdc::e2e
