// End-to-end: `pardot-clean explain` on a small CSV: a matching pair, a pair kept apart, the
// JSON form, and the usage errors.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "tests/e2e/process.h"
#include "tests/emulator/test_client.h"

namespace pdc::e2e {
namespace {

namespace json = boost::json;

const char* kProspects =
    "id,first_name,last_name,email,company,city,country,crm_contact_fid\n"
    "1,Bob,Smith,Bob.Smith@Acme.com,Acme,Boston,US,\n"
    "2,ROBERT,smith,bob.smith@acme.com,ACME,boston,USA,\n"
    "3,Jane,Doe,jane@globex.com,Globex,Springfield,US,\n"
    "4,Ann,Lee,ann@shared.com,Shared,Paris,FR,003A\n"
    "5,Ann,Lee,ann@shared.com,Shared,Paris,FR,003B\n";

const char* kConfig = R"(version: 1
source:
  file: { path: prospects.csv }
rules:
  - text: { fields: [first_name, last_name, company] }
  - name_case: { fields: [first_name, last_name] }
  - email: { key_to: email_key }
  - country: {}
)";

class ExplainTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteFile(dir_ / "prospects.csv", kProspects);
    WriteFile(dir_ / "c.yaml", kConfig);
  }
  Output Clean(const std::string& args) { return Shell(CleanBinary() + " " + args, dir_); }
  TempDir dir_;
};

TEST_F(ExplainTest, ANicknameWithTheSameEmailMatches) {
  const Output r = Clean("explain c.yaml 1 2");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("dedupe settings: the defaults (the config has no `dedupe:` section)"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("paired by \"bob.smith@acme.com\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("not paired: keys differ (\"acme.com|b|SM0\" / \"acme.com|r|SM0\")"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("first_name: strong (nickname, score 1.00): \"bob\" / \"robert\""),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("group held: first_name+last_name+email"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("skipped blocks"), std::string::npos) << r.out;
  EXPECT_TRUE(r.out.ends_with("\nMATCH\n")) << r.out;
}

TEST_F(ExplainTest, DifferentPeopleDoNotMatchAndAreNotEvenPaired) {
  const Output r = Clean("explain c.yaml 1 3");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("no key (- / -)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("no pass pairs them"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("no group held"), std::string::npos) << r.out;
  EXPECT_TRUE(r.out.ends_with("\nNO MATCH\n")) << r.out;
}

TEST_F(ExplainTest, JsonShowsKeysPassesFieldsAndTheVeto) {
  Output r = Clean("explain --json c.yaml 1 2");
  ASSERT_EQ(r.code, 0) << r.err;
  json::value v = json::parse(r.out);
  EXPECT_EQ(v.at("decision").as_string(), "MATCH");
  EXPECT_TRUE(v.at("match").as_bool());
  EXPECT_TRUE(v.at("default_settings").as_bool());
  EXPECT_EQ(v.at("group").as_string(), "first_name+last_name+email");
  EXPECT_TRUE(v.at("veto").is_null());
  const auto& records = v.at("records").as_array();
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].at("id").as_string(), "2");
  EXPECT_EQ(records[1].at("match_keys").at("first_name").as_string(), "robert");
  EXPECT_EQ(records[1].at("match_keys").at("country").as_string(), "US");
  const auto& passes = v.at("passes").as_array();
  ASSERT_EQ(passes.size(), 8u);
  EXPECT_EQ(passes[0].at("pass").as_string(), "email_key");
  EXPECT_EQ(passes[0].at("pairing").as_string(), "paired");
  EXPECT_EQ(passes[1].at("pairing").as_string(), "no_key");
  EXPECT_EQ(passes[2].at("pairing").as_string(), "keys_differ");
  EXPECT_TRUE(v.at("paired").as_bool());
  bool nickname = false;
  for (const auto& f : v.at("fields").as_array()) {
    if (f.at("field").as_string() != "first_name") continue;
    nickname = f.at("level").as_string() == "strong" && f.at("basis").as_string() == "nickname" &&
               f.at("score").to_number<double>() == 1.0;
  }
  EXPECT_TRUE(nickname) << r.out;

  r = Clean("explain --json c.yaml 4 5");
  ASSERT_EQ(r.code, 0) << r.err;
  v = json::parse(r.out);
  EXPECT_EQ(v.at("decision").as_string(), "NO MATCH");
  EXPECT_EQ(v.at("veto").as_string(), "crm");
  EXPECT_TRUE(v.at("group").is_null());
  EXPECT_EQ(v.at("passes").at(6).at("pairing").as_string(), "keys_differ");
}

TEST_F(ExplainTest, TheConfigsDedupeSectionDecides) {
  WriteFile(dir_ / "strict.yaml", std::string(kConfig) +
                                      "dedupe:\n  block: [email_key]\n  match:\n"
                                      "    - [first_name: 1.0, last_name, email]\n");
  const Output r = Clean("explain strict.yaml 1 2 --input prospects.csv");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.find("the defaults"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("phone_e164                   not used"), std::string::npos) << r.out;
  EXPECT_TRUE(r.out.ends_with("\nMATCH\n")) << "a nickname scores 1: " << r.out;
}

TEST_F(ExplainTest, RareNamesAreCountedOverTheWholeFile) {
  // 300 Johnsons, half of them John, and one rare name twice: a person who changed employer.
  std::string rows = "id,first_name,last_name,email,company,city,country\n";
  for (int i = 0; i < 300; ++i) {
    rows += std::to_string(100 + i) + "," + (i % 2 ? "John" : "Mary") + ",Johnson,j" +
            std::to_string(i) + "@corp" + std::to_string(i) + ".com,Corp " + std::to_string(i) +
            ",Austin,US\n";
  }
  rows += "1,Thaddeus,Quibblesworth,tq@acme.com,Acme,Austin,US\n";
  rows += "2,Thaddeus,Quibblesworth,thaddeus@globex.com,Globex,Austin,US\n";
  WriteFile(dir_ / "people.csv", rows);
  WriteFile(dir_ / "rare.yaml", std::string(kConfig) +
                                    "dedupe:\n  match:\n"
                                    "    - [first_name, last_name, city, rare_name: 0.05]\n");
  Output r = Clean("explain rare.yaml 1 2 --input people.csv");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("name_city                    paired by"), std::string::npos) << r.out;
  // The rare_name pass serves groups without the city: this config has none.
  EXPECT_NE(r.out.find("rare_name                    no key"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("rare_name: 0.00"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("group held: first_name+last_name+city+rare_name"), std::string::npos)
      << r.out;
  EXPECT_TRUE(r.out.ends_with("\nMATCH\n")) << r.out;

  // 150 John Johnsons in one city are not one person.
  r = Clean("explain --json rare.yaml 101 103 --input people.csv");
  ASSERT_EQ(r.code, 0) << r.err;
  const json::value v = json::parse(r.out);
  EXPECT_EQ(v.at("decision").as_string(), "NO MATCH") << r.out;
  EXPECT_GT(v.at("namesakes").to_number<double>(), 10.0) << r.out;
}

TEST_F(ExplainTest, AMissingIdOrInputIsAUsageError) {
  Output r = Clean("explain c.yaml 1 99");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("ID_B: no prospect with id 99 in prospects.csv"), std::string::npos)
      << r.err;
  EXPECT_EQ(r.out, "");

  r = Clean("explain c.yaml 42 1 --input prospects.csv");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("ID_A: no prospect with id 42 in prospects.csv"), std::string::npos)
      << r.err;

  r = Clean("explain c.yaml 1 2 --input missing.csv");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("missing.csv"), std::string::npos) << r.err;

  r = Clean("explain c.yaml 1");
  EXPECT_EQ(r.code, 2);

  WriteFile(dir_ / "bad.yaml", "version: 1\ndedupe:\n  block: [emial_key]\n");
  r = Clean("explain bad.yaml 1 2 --input prospects.csv");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("bad.yaml:3:11"), std::string::npos) << r.err;
}

// A Pardot source: each prospect is read by id (one request each, v4 and v5); an id the business
// unit does not hold is a usage error naming it.
TEST(ExplainPardotTest, ReadsBothProspectsByIdAndNamesAMissingOne) {
  emulator::testing::EmulatorProcess emulator(
      {"--token", "tok", "--ampsea", "--prospects", PDC_SOURCE_DIR "/samples/prospects.csv"});
  emulator::testing::HttpClient http(emulator.url());
  const json::value state = json::parse(http.Get("/_emulator/state", {}).body);
  const auto& prospects = state.at("units").at(0).at("prospects").as_array();
  ASSERT_GE(prospects.size(), 2u);
  const std::string a = std::to_string(prospects[0].at("id").as_int64());
  const std::string b = std::to_string(prospects[1].at("id").as_int64());
  const std::string email(prospects[1].at("values").at("email").as_string());
  TempDir dir;
  for (const int version : {4, 5}) {
    WriteFile(dir / "p.yaml", "version: 1\nsource:\n  pardot:\n    api_version: " +
                                  std::to_string(version) + "\n    base_url: \"" + emulator.url() +
                                  "\"\n    business_unit_id: 0Uv000000000001AAA\n"
                                  "    auth: { access_token: tok }\nrules:\n  - email: {}\n");
    Output r =
        Shell(CleanBinary() + " explain p.yaml " + a + " " + b + " --json --journal j.db", dir);
    ASSERT_EQ(r.code, 0) << "v" << version << ": " << r.err;
    const json::value v = json::parse(r.out);
    EXPECT_EQ(v.at("source").as_string(), "pardot:0Uv000000000001AAA");
    EXPECT_EQ(v.at("records").at(0).at("id").as_string(), a);
    if (!email.empty()) {
      EXPECT_FALSE(v.at("records").at(1).at("match_keys").at("address").is_null()) << r.out;
    }

    r = Shell(CleanBinary() + " explain p.yaml " + a + " 999999999 --journal j.db", dir);
    EXPECT_EQ(r.code, 2) << "v" << version << ": " << r.out;
    EXPECT_NE(r.err.find("ID_B: no prospect with id 999999999 in Pardot business unit "
                         "0Uv000000000001AAA"),
              std::string::npos)
        << r.err;
  }
}

}  // namespace
}  // namespace pdc::e2e
