#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "tests/rules/harness.h"

namespace pdc {
namespace {

namespace fs = std::filesystem;

class LookupRuleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("pdc-lookup-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Table(const std::string& name, const std::string& csv) {
    std::ofstream(dir_ / name, std::ios::binary) << csv;
    return (dir_ / name).string();
  }

  fs::path dir_;
};

TEST_F(LookupRuleTest, FillsEmptyFieldsAndCountsHitsAndMisses) {
  const std::string table = Table("domains.csv",
                                  "domain,industry,employees\n"
                                  "acme.com,Manufacturing,1200\n"
                                  "\"initech.com\",\"Software, services\",\n"
                                  "bücher.de,Einzelhandel,80\n");
  auto config = LoadRules("  - lookup: { table: " + table +
                          ", key: website, fields: { industry: null, employees: headcount } }\n");
  ASSERT_TRUE(config);
  Record hit = MakeRecord({{"website", " ACME.com "}, {"industry", ""}});
  config->rules.Apply(hit);
  EXPECT_EQ(TextOf(hit, "industry"), "Manufacturing");
  EXPECT_EQ(TextOf(hit, "headcount"), "1200");
  Record kept = MakeRecord({{"website", "initech.com"}, {"industry", "Banking"}});
  config->rules.Apply(kept);
  EXPECT_EQ(TextOf(kept, "industry"), "Banking") << "filled fields are not overwritten";
  EXPECT_EQ(TextOf(kept, "headcount"), "<null>") << "an empty cell writes nothing";
  Record unicode = MakeRecord({{"website", "BÜCHER.DE"}});
  config->rules.Apply(unicode);
  EXPECT_EQ(TextOf(unicode, "industry"), "Einzelhandel");
  Record miss = MakeRecord({{"website", "globex.com"}});
  config->rules.Apply(miss);
  EXPECT_EQ(TextOf(miss, "industry"), "<null>");
  EXPECT_EQ(config->rules.table().at(0).rule->counters(),
            (Rule::Counters{{"hits", 3}, {"misses", 1}}));
}

TEST_F(LookupRuleTest, OverwritesAndFlagsWhenAsked) {
  const std::string table = Table("t.csv", "code,name\nDE,Germany\n");
  Record r = ApplyRules("  - lookup: { table: " + table +
                            ", key: country, column: code, fields: { name: country_name },"
                            " overwrite: true, case_insensitive: false, flag_misses: true }\n",
                        {{"country", "DE"}, {"country_name", "Deutschland"}});
  EXPECT_EQ(TextOf(r, "country_name"), "Germany");
  Record miss = ApplyRules("  - lookup: { table: " + table +
                               ", key: country, fields: { name: n }, case_insensitive: false,"
                               " flag_misses: true }\n",
                           {{"country", "de"}});
  EXPECT_EQ(FlagMessages(miss, "lookup.miss").size(), 1u);
}

TEST_F(LookupRuleTest, BadTablesAreConfigErrorsWithFileAndLine) {
  const std::string broken = Table("broken.csv", "a,b\n1,2\n3,\"4\n");
  EXPECT_TRUE(AnyErrorMentions(
      ConfigErrors("version: 1\nrules:\n  - lookup: { table: " + broken +
                   ", key: k, fields: { b: null } }\n"),
      "broken.csv:3: a quoted cell is not closed"));
  const std::string ragged = Table("ragged.csv", "a,b\n1,2\n3\n");
  EXPECT_TRUE(AnyErrorMentions(
      ConfigErrors("version: 1\nrules:\n  - lookup: { table: " + ragged +
                   ", key: k, fields: { b: null } }\n"),
      "ragged.csv:3: expected 2 cells, found 1"));
  const std::string twice = Table("twice.csv", "a,b\nx,1\nX,2\n");
  EXPECT_TRUE(AnyErrorMentions(
      ConfigErrors("version: 1\nrules:\n  - lookup: { table: " + twice +
                   ", key: k, fields: { b: null } }\n"),
      "twice.csv:3: key \"X\" is also on line 2"));
  const std::string ok = Table("ok.csv", "a,b\nx,1\n");
  EXPECT_TRUE(AnyErrorMentions(
      ConfigErrors("version: 1\nrules:\n  - lookup: { table: " + ok +
                   ", key: k, fields: { c: null } }\n"),
      "no column \"c\" (it has a, b)"));
  EXPECT_TRUE(AnyErrorMentions(
      ConfigErrors("version: 1\nrules:\n  - lookup: { table: " + (dir_ / "none.csv").string() +
                   ", key: k, fields: { b: null } }\n"),
      "cannot read"));
  EXPECT_TRUE(AnyErrorMentions(
      ConfigErrors("version: 1\nrules:\n  - lookup: { table: " + ok +
                   ", key: k, fields: { b: null }, fuzzy: true }\n"),
      "unknown key \"fuzzy\""));
}

}  // namespace
}  // namespace pdc
