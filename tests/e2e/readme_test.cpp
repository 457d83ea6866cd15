// The README's rules reference is generated from the option tables; this keeps it in step.
#include <gtest/gtest.h>

#include "tests/e2e/process.h"

namespace pdc::e2e {
namespace {

TEST(ReadmeTest, RulesReferenceMatchesTheOptionTables) {
  const std::string readme = ReadFile(PDC_SOURCE_DIR "/README.md");
  const std::string begin = "<!-- rules:begin -->\n";
  const auto from = readme.find(begin);
  const auto to = readme.find("<!-- rules:end -->");
  ASSERT_NE(from, std::string::npos);
  ASSERT_NE(to, std::string::npos);
  const std::string documented = readme.substr(from + begin.size(), to - from - begin.size());
  TempDir dir;
  const Output generated = Shell(CleanBinary() + " rules --markdown", dir);
  ASSERT_EQ(generated.code, 0);
  EXPECT_EQ(documented, generated.out) << "run scripts/update-readme to regenerate the reference";
}

TEST(ReadmeTest, OpensWithTheTwoCommands) {
  const std::string readme = ReadFile(PDC_SOURCE_DIR "/README.md");
  const auto demo = readme.find("scripts/demo");
  const auto test = readme.find("scripts/test");
  ASSERT_NE(demo, std::string::npos);
  ASSERT_NE(test, std::string::npos);
  EXPECT_LT(demo, readme.find("## "));
  EXPECT_LT(test, readme.find("## "));
}

}  // namespace
}  // namespace pdc::e2e
