// End-to-end: native rule plugins (plugins/pdc_plugin.h) loaded by the real binary from a
// config's `plugins:` list: the example score_model plugin, and fixture plugins that misbehave
// on purpose (tests/e2e/plugins/fixture_plugin.cpp).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "tests/e2e/process.h"

namespace pdc::e2e {
namespace {

namespace fs = std::filesystem;

const std::string kScoreModel = PDC_BINARY_DIR "/plugins/score_model/libpdc_score_model.so";
std::string Fixture(const std::string& variant) {
  return PDC_BINARY_DIR "/tests/libpdc_fixture_" + variant + ".so";
}

class PluginTest : public ::testing::Test {
 protected:
  Output Clean(const std::string& args, const std::string& env = "") {
    return Shell(env + (env.empty() ? "" : " ") + CleanBinary() + " " + args, dir_);
  }
  // A config naming `plugins` (YAML list items) and `rules`, written as c.yaml.
  void Config(const std::string& plugins, const std::string& rules) {
    WriteFile(dir_ / "c.yaml", "version: 1\nplugins:\n" + plugins + "rules:\n" + rules);
  }
  TempDir dir_;
};

TEST_F(PluginTest, ScoreModelRunsEndToEndFromAPathRelativeToTheConfig) {
  // The config sits in conf/ and names lib/libscore.so from there; the run starts one level up.
  fs::create_directories(dir_.path() / "conf" / "lib");
  fs::copy_file(kScoreModel, dir_.path() / "conf" / "lib" / "libscore.so");
  WriteFile(dir_ / "in.csv",
            "id,email,phone,company\n1,a@example.com,,Acme\n2,,555 0100,\" \"\n3,,,\n");
  WriteFile(dir_ / "conf/c.yaml", R"(version: 1
plugins:
  - native: lib/libscore.so
rules:
  - score_model: { weights: { email: 10, phone: 2.5, company: -1 }, base: 1, field: lead_score }
tests:
  - given:  { email: "x@example.com", company: "Ünïcode GmbH" }
    expect: { lead_score: "10" }
)");
  Output r = Clean("run conf/c.yaml --input in.csv --output out.csv");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(ReadFile(dir_ / "out.csv"),
            "id,email,phone,company,lead_score\n"
            "1,a@example.com,,Acme,10\n"
            "2,,555 0100,\" \",3.5\n"
            "3,,,,1\n");
  EXPECT_NE(r.out.find("score_model@1"), std::string::npos) << r.out;

  r = Clean("test conf/c.yaml");
  EXPECT_EQ(r.code, 0) << r.out << r.err;
}

TEST_F(PluginTest, RulesWithTheConfigDescribesThePluginRule) {
  Config("  - native: " + kScoreModel + "\n", "  - score_model: { weights: { email: 1 } }\n");
  Output r = Clean("rules --config c.yaml score_model");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("score_model@1: score a prospect"), std::string::npos) << r.out;
  for (const char* option : {"weights", "field", "base"}) {
    EXPECT_NE(r.out.find(std::string("  ") + option + " "), std::string::npos) << option;
  }
  EXPECT_NE(r.out.find("default score"), std::string::npos) << r.out;

  r = Clean("rules --config c.yaml");
  EXPECT_NE(r.out.find("score_model@1"), std::string::npos) << r.out;
  // Without the config the rule does not exist.
  r = Clean("rules score_model");
  EXPECT_EQ(r.code, 2);
}

TEST_F(PluginTest, PluginRuleOptionsAreCheckedWithLocations) {
  Config("  - native: " + kScoreModel + "\n",
         "  - score_model: { weights: { email: 1 }, colour: red }\n"
         "  - score_model: { field: s }\n"
         "  - score_model: { weights: { email: ten } }\n"
         "  - score_model: { weights: { email: 1 }, base: high }\n");
  const Output r = Clean("validate c.yaml");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("c.yaml:5:43: unknown key \"colour\" in score_model options"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("c.yaml:6:5: score_model: missing required option \"weights\""),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("c.yaml:7:29: score_model.weights: the weight of email is not a number"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("c.yaml:8:49: score_model.base: expected a number"), std::string::npos)
      << r.err;
}

TEST_F(PluginTest, OnlyTheLibrariesTheConfigNamesAreLoaded) {
  // Fixture libraries lie beside the config; each notes in `loaded` that it was opened.
  for (const char* variant : {"abi999", "no_entry", "refusing"}) {
    fs::copy_file(Fixture(variant), dir_.path() / ("lib" + std::string(variant) + ".so"));
  }
  const std::string env = "PDC_FIXTURE_LOADED='" + (dir_ / "loaded") + "'";
  Config("  - native: " + kScoreModel + "\n", "  - score_model: { weights: { email: 1 } }\n");
  Output r = Clean("validate c.yaml", env);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_FALSE(fs::exists(dir_.path() / "loaded"));

  // The marker works: naming one fixture opens that one only.
  Config("  - native: ./librefusing.so\n", "  - refuse_always: {}\n");
  r = Clean("validate c.yaml", env);
  EXPECT_EQ(ReadFile(dir_ / "loaded"), "refusing\n");
}

TEST_F(PluginTest, AnAbiMismatchIsRefusedBeforeThePluginRuns) {
  // The fixture's entry point aborts: reaching it would kill the process instead of exit 2.
  Config("  - native: " + Fixture("abi999") + "\n", "  - score_model: { weights: { a: 1 } }\n");
  const Output r = Clean("run c.yaml --input in.csv --output out.csv");
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_NE(r.err.find("c.yaml:3:13: plugin " + Fixture("abi999") +
                       ": built for plugin ABI version 999; this pardot-clean loads version 1"),
            std::string::npos)
      << r.err;
}

TEST_F(PluginTest, ALibraryWithoutTheEntryPointOrNotALibraryIsRefused) {
  WriteFile(dir_ / "text.so", "not a shared library\n");
  Config("  - native: " + Fixture("no_entry") + "\n  - native: text.so\n",
         "  - set: { field: a, value: b }\n");
  const Output r = Clean("validate c.yaml");
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_NE(r.err.find("c.yaml:3:13: plugin " + Fixture("no_entry") +
                       ": not a pardot-clean plugin: it does not export pdc_plugin_init_v1"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("c.yaml:4:13: plugin text.so: cannot load: "), std::string::npos) << r.err;
}

TEST_F(PluginTest, ACreateFailureIsReportedAtTheRule) {
  Config("  - native: " + Fixture("refusing") + "\n",
         "  - set: { field: a, value: b }\n  - refuse_always: {}\n");
  const Output r = Clean("validate c.yaml");
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_NE(r.err.find("c.yaml:6:5: refuse_always: the model file is missing"), std::string::npos)
      << r.err;
}

TEST_F(PluginTest, UnknownPluginKindsAndClashingRulesAreLocatedErrors) {
  Config(
      "  - wasm: ./scorer\n  - native: " + kScoreModel + "\n  - native: " + kScoreModel + "\n",
      "  - score_model: { weights: { a: 1 } }\n");
  const Output r = Clean("validate c.yaml");
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_NE(r.err.find("c.yaml:3:5: unknown key \"wasm\" in a plugins item (expected one of: "
                       "native, command, timeout_ms, processes)"),
            std::string::npos)
      << r.err;
  EXPECT_NE(
      r.err.find("c.yaml:5:13: plugin " + kScoreModel + ": rule score_model is registered twice"),
      std::string::npos)
      << r.err;
}

TEST_F(PluginTest, ApplyRunsConcurrentlyOverThousandsOfRows) {
  constexpr int kRows = 6000;
  std::string in = "id,email,phone,company\n";
  std::string expected = "id,email,phone,company,score\n";
  for (int i = 0; i < kRows; ++i) {
    const bool email = i % 2 == 0, phone = i % 3 == 0, company = i % 5 == 0;
    const std::string row = std::to_string(i) + "," +
                            (email ? "p" + std::to_string(i) + "@x.com" : "") + "," +
                            (phone ? "555" : "") + "," + (company ? "Acme" : "");
    in += row + "\n";
    const double score = 0.5 + (email ? 4 : 0) + (phone ? 2 : 0) + (company ? 1 : 0);
    char text[32];
    std::snprintf(text, sizeof text, "%g", score);
    expected += row + "," + text + "\n";
  }
  WriteFile(dir_ / "in.csv", in);
  Config("  - native: " + kScoreModel + "\n",
         "  - score_model: { weights: { email: 4, phone: 2, company: 1 }, base: 0.5 }\n");
  const Output r = Clean("run c.yaml --input in.csv --output out.csv --threads 4");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(ReadFile(dir_ / "out.csv"), expected);
}

}  // namespace
}  // namespace pdc::e2e
