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

TEST(ReadmeTest, TheDedupeExampleIsAValidConfig) {
  const std::string readme = ReadFile(PDC_SOURCE_DIR "/README.md");
  const auto section = readme.find("## Deduplication");
  ASSERT_NE(section, std::string::npos);
  const std::string fence = "```yaml\n";
  const auto from = readme.find(fence, section);
  const auto to = readme.find("```", from + fence.size());
  ASSERT_NE(from, std::string::npos);
  ASSERT_NE(to, std::string::npos);
  TempDir dir;
  WriteFile(dir / "d.yaml",
            "version: 1\n" + readme.substr(from + fence.size(), to - from - fence.size()));
  const Output checked = Shell(CleanBinary() + " validate d.yaml", dir);
  EXPECT_EQ(checked.code, 0) << checked.out << checked.err;
}

}  // namespace
}  // namespace pdc::e2e
