// End-to-end: the pair and cluster tests of a config, run by `pardot-clean test`, and the sample
// config's own tests.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "tests/e2e/process.h"

namespace pdc::e2e {
namespace {

namespace json = boost::json;

const char* kRules = R"(version: 1
rules:
  - text: { fields: [first_name, last_name, company] }
  - name_case: { fields: [first_name, last_name] }
  - email: { key_to: email_key }
tests:
  - name: nickname and one email
    pair:
      - { first_name: Bob, last_name: Smith, email: bob.smith@acme.com }
      - { first_name: ROBERT, last_name: smith, email: Bob.Smith@Acme.com }
    expect: match
  - name: one address, two CRM contacts
    pair:
      - { first_name: Ann, last_name: Lee, email: ann@acme.com, crm_contact_fid: 003A }
      - { first_name: Ann, last_name: Lee, email: ann@acme.com, crm_contact_fid: 003B }
    expect: no_match
  - name: the opt-out survives the merge
    cluster:
      - { id: "10", first_name: Bob, last_name: Smith, email: bob@acme.com, crm_contact_fid: 003A,
          opted_out: "false" }
      - { id: "11", first_name: Robert, last_name: Smith, email: bob@acme.com, opted_out: "true" }
    expect_survivor: { id: "10", opted_out: "true", crm_contact_fid: 003A }
)";

const char* kFailing = R"(  - name: different people
    pair:
      - { first_name: Bob, last_name: Smith, email: bob.smith@acme.com }
      - { first_name: Jane, last_name: Doe, email: jane@globex.com }
    expect: match
  - name: one left apart
    cluster:
      - { first_name: Bob, last_name: Smith, email: bob@acme.com }
      - { first_name: Robert, last_name: Smith, email: bob@acme.com }
      - { first_name: Jane, last_name: Doe, email: jane@globex.com }
    expect_survivor: { id: "1" }
  - name: wrong survivor
    cluster:
      - { first_name: Bob, last_name: Smith, email: bob@acme.com, opted_out: "true" }
      - { first_name: Robert, last_name: Smith, email: bob@acme.com }
    expect_survivor: { id: "2", opted_out: "false" }
)";

class MatchTestsTest : public ::testing::Test {
 protected:
  Output Clean(const std::string& args) { return Shell(CleanBinary() + " " + args, dir_); }
  TempDir dir_;
};

TEST_F(MatchTestsTest, PassingPairAndClusterTestsExitZero) {
  WriteFile(dir_ / "c.yaml", kRules);
  const Output r = Clean("test c.yaml");
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("ok   c.yaml:7:5 nickname and one email"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("c.yaml: 3 passed, 0 failed"), std::string::npos) << r.out;
}

TEST_F(MatchTestsTest, FailuresShowTheVerdictTheRecordsLeftApartAndTheSurvivor) {
  WriteFile(dir_ / "c.yaml", std::string(kRules) + kFailing);
  Output r = Clean("test c.yaml");
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  EXPECT_NE(
      r.out.find("FAIL c.yaml:23:5 different people\n"
                 "    expected match, got no_match\n"
                 "      no match: no group held\n"
                 "      first_name: different (jaro_winkler, score 0.00): \"bob\" / \"jane\""),
      std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("FAIL c.yaml:28:5 one left apart\n"
                       "    expected one cluster of all 3 records, got [1, 2]\n"
                       "      left apart: 3 (against 1: no match: no group held; no blocking "
                       "pass pairs them)"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("survivor: expected id \"2\", got \"1\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("survivor 1 opted_out: expected \"false\", got \"true\""), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("c.yaml: 3 passed, 3 failed"), std::string::npos) << r.out;

  r = Clean("test --json c.yaml");
  EXPECT_EQ(r.code, 1);
  const json::value v = json::parse(r.out);
  const auto& tests = v.at("tests").as_array();
  ASSERT_EQ(tests.size(), 6u);
  EXPECT_EQ(tests[0].at("kind").as_string(), "pair");
  EXPECT_TRUE(tests[0].at("passed").as_bool());
  EXPECT_EQ(tests[4].at("kind").as_string(), "cluster");
  EXPECT_FALSE(tests[4].at("passed").as_bool());
}

TEST_F(MatchTestsTest, TheConfigsDedupeSettingsApply) {
  // Under shared_email: merge the two CRM contacts on one address are one person.
  std::string merged = kRules;
  merged += "dedupe:\n  shared_email: merge\n";
  WriteFile(dir_ / "c.yaml", merged);
  const Output r = Clean("test c.yaml");
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("FAIL c.yaml:12:5 one address, two CRM contacts\n"
                       "    expected no_match, got match"),
            std::string::npos)
      << r.out;
}

// Without any rule the match keys still leave out role mailboxes: a pair on info@ alone is apart.
TEST_F(MatchTestsTest, ARoleMailboxIsNoIdentityEvenWithoutRules) {
  WriteFile(dir_ / "c.yaml", R"(version: 1
tests:
  - pair:
      - { first_name: Ann, last_name: Lee, email: info@acme.com }
      - { first_name: Ann, last_name: Lee, email: info@acme.com }
    expect: match
)");
  const Output r = Clean("test c.yaml");
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("email: missing (score 0.00): blank / blank"), std::string::npos) << r.out;
}

TEST_F(MatchTestsTest, ShapeMistakesAreConfigErrors) {
  WriteFile(dir_ / "c.yaml", "version: 1\ntests:\n  - pair: [{ a: \"1\" }]\n    expect: maybe\n");
  const Output r = Clean("test c.yaml");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("c.yaml:3:11: pair: expected a list of exactly 2 records, got 1"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("c.yaml:4:13: expect: expected one of match,no_match"), std::string::npos)
      << r.err;
}

TEST(SampleConfigTest, TheSampleConfigsTestsPass) {
  TempDir dir;
  const Output r = Shell(CleanBinary() + " test '" + PDC_SOURCE_DIR + "/samples/clean.yaml'", dir);
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find(" 0 failed"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace pdc::e2e
