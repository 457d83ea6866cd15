// End-to-end: progress goes to a terminal only; into a pipe or a file, stderr stays empty unless
// --verbose asks for the final count and the stage timings.
#include <gtest/gtest.h>

#include <string>

#include "tests/e2e/process.h"

namespace pdc::e2e {
namespace {

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
  EXPECT_NE(r.err.find("\ntotal: "), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find('\r'), std::string::npos) << "no redrawing off a terminal";
  EXPECT_EQ(r.err.find('\033'), std::string::npos) << "no escape sequences off a terminal";

  r = Run("--verbose --quiet");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "");
}

}  // namespace
}  // namespace pdc::e2e
