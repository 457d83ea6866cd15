// End-to-end: progress goes to a terminal only; into a pipe or a file, stderr stays empty unless
// --verbose asks for the final count and the stage timings. File runs, and runs against the
// Pardot emulator (v4 with its count, v5 without one), in a pipe and on a pseudo-terminal.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <regex>
#include <string>

#include "tests/e2e/process.h"
#include "tests/emulator/test_client.h"

namespace pdc::e2e {
namespace {

using emulator::testing::EmulatorProcess;
using emulator::testing::HttpClient;

// Verbose output off a terminal: plain final lines ending with the total, no redrawing and no
// escape sequences.
void ExpectPlainFinalLines(const std::string& err) {
  EXPECT_NE(err.find("\ntotal: "), std::string::npos) << err;
  EXPECT_EQ(err.find('\r'), std::string::npos) << "no redrawing off a terminal";
  EXPECT_EQ(err.find('\033'), std::string::npos) << "no escape sequences off a terminal";
}

class ProgressE2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteFile(dir_ / "c.yaml", "version: 1\nrules:\n  - email: {}\ndedupe:\n");
    std::string csv = "id,first_name,last_name,email\n";
    for (int i = 0; i < 500; ++i) {
      csv += std::to_string(i + 1) + ",Ann,Lee" + std::to_string(i % 50) + ",ann" +
             std::to_string(i % 250) + "@Example.com\n";
    }
    WriteFile(dir_ / "in.csv", csv);
  }
  Output Run(const std::string& flags) {
    return Shell(CleanBinary() + " run c.yaml --input in.csv --output out.csv " + flags, dir_);
  }
  TempDir dir_;
};

TEST_F(ProgressE2eTest, ARunIntoAPipeWritesNothingOnStderr) {
  const Output r = Run("");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_FALSE(r.out.empty());
}

TEST_F(ProgressE2eTest, VerboseGivesTheFinalCountAndTimingsAsPlainLines) {
  Output r = Run("--verbose");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("cleaning: 500 records in "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("\ndedupe: "), std::string::npos) << r.err;
  ExpectPlainFinalLines(r.err);

  r = Run("--verbose --quiet");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "");
}

const std::string kSamples = PDC_SOURCE_DIR "/samples/prospects.csv";

std::string PardotConfig(const EmulatorProcess& emulator, int version, bool dedupe = false) {
  return "version: 1\nsource:\n  pardot:\n    api_version: " + std::to_string(version) +
         "\n    base_url: \"" + emulator.url() +
         "\"\n    business_unit_id: 0Uv000000000001AAA\n    auth: { access_token: tok }\n"
         "rules:\n  - name_case: { fields: [first_name, last_name] }\n  - email: {}\n" +
         (dedupe ? "dedupe:\n" : "");
}

// The v4 prospect queries the emulator has answered (pages, and a count when one was asked for).
long long Queries(const EmulatorProcess& emulator) {
  HttpClient client(emulator.url());
  const auto stats = boost::json::parse(client.Get("/_emulator/stats", {}).body);
  const auto* n = stats.at("by_endpoint").as_object().if_contains("v4 prospect query");
  return n ? n->as_int64() : 0;
}

class PardotProgressE2eTest : public ::testing::Test {
 protected:
  Output Run(const std::string& flags) {
    return Shell(CleanBinary() + " run c.yaml " + flags, dir_);
  }
  TempDir dir_;
};

TEST_F(PardotProgressE2eTest, InAPipeStderrStaysEmptyAndNothingIsCounted) {
  for (const int version : {4, 5}) {
    EmulatorProcess emulator({"--token", "tok", "--ampsea", "--prospects", kSamples});
    WriteFile(dir_ / "c.yaml", PardotConfig(emulator, version));
    const Output r = Run("--apply");
    EXPECT_EQ(r.code, 0) << "v" << version << ": " << r.err;
    EXPECT_EQ(r.err, "") << "v" << version;
    EXPECT_NE(r.out.find("1000 records read"), std::string::npos) << r.out;
    // No live line, so no request for a count: the pages alone (the last one short).
    if (version == 4) {
      EXPECT_EQ(Queries(emulator), 1000 / 200 + 1);
    }
  }
}

TEST_F(PardotProgressE2eTest, VerboseGivesAFinalLineForEachPhase) {
  for (const bool dedupe : {false, true}) {
    EmulatorProcess emulator({"--token", "tok", "--ampsea", "--prospects", kSamples});
    WriteFile(dir_ / "c.yaml", PardotConfig(emulator, 4, dedupe));
    Output r = Run("--apply --verbose");
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.err.rfind("pull: 1,000 prospects in ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find("\ncleaning: 1,000 records in "), std::string::npos) << r.err;
    EXPECT_TRUE(std::regex_search(r.err, std::regex("\nwrites: ([0-9,]+) of \\1 planned in ")))
        << r.err;
    EXPECT_EQ(r.err.find("\ndedupe: ") != std::string::npos, dedupe) << r.err;
    ExpectPlainFinalLines(r.err);

    r = Run("--verbose --quiet");
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.err, "");
  }
}

// On a terminal the line is redrawn in place while the pull goes, v4 with the count it asked
// for (one request more) and so a share done, v5 with no count and so neither share nor ETA;
// the final lines replace it.
TEST_F(PardotProgressE2eTest, OnATerminalTheLineIsLiveAndV4KnowsItsTotal) {
  for (const int version : {4, 5}) {
    EmulatorProcess emulator(
        {"--token", "tok", "--ampsea", "--prospects", kSamples, "--latency-ms", "150"});
    WriteFile(dir_ / "c.yaml", PardotConfig(emulator, version));
    const Output r = ShellOnTerminal(CleanBinary() + " run c.yaml", dir_);
    ASSERT_EQ(r.code, 0) << r.out;
    EXPECT_NE(r.out.find("\r\033[Kpulled "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\r\033[Kpull: 1,000 prospects in "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("cleaning: 1,000 records in "), std::string::npos) << r.out;
    const bool counted = std::regex_search(r.out, std::regex("pulled [0-9,]+/1,000 "));
    if (version == 4) {
      EXPECT_TRUE(counted) << r.out;
      EXPECT_NE(r.out.find("%"), std::string::npos) << r.out;
      EXPECT_EQ(Queries(emulator), 1000 / 200 + 1 + 1);
    } else {
      EXPECT_FALSE(counted) << r.out;
      EXPECT_EQ(r.out.find("ETA"), std::string::npos) << r.out;
      EXPECT_EQ(r.out.find("%"), std::string::npos) << r.out;
    }
  }
}

TEST_F(PardotProgressE2eTest, QuietAndJsonDrawNothingOnATerminal) {
  EmulatorProcess emulator({"--token", "tok", "--ampsea", "--prospects", kSamples});
  WriteFile(dir_ / "c.yaml", PardotConfig(emulator, 4));
  for (const char* flag : {"--quiet", "--json"}) {
    const Output r = ShellOnTerminal(CleanBinary() + " run c.yaml " + flag, dir_);
    EXPECT_EQ(r.code, 0) << r.out;
    EXPECT_EQ(r.out.find('\033'), std::string::npos) << flag << ": " << r.out;
    EXPECT_EQ(r.out.find("pull"), std::string::npos) << flag << ": " << r.out;
  }
  EXPECT_EQ(Queries(emulator), 2 * (1000 / 200 + 1));  // no count asked for
}

}  // namespace
}  // namespace pdc::e2e
