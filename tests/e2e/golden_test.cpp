// The golden files: one per rule in tests/rules/golden/, each a config whose `tests:` pin the rule's
// behaviour on real, messy, international values. They run through the real binary's `test`
// command, exactly as a data-ops team runs its own rule tests.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "tests/e2e/process.h"

namespace pdc::e2e {
namespace {

namespace fs = std::filesystem;

fs::path GoldenDir() { return fs::path(PDC_SOURCE_DIR) / "tests" / "rules" / "golden"; }

std::vector<std::string> GoldenFiles() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(GoldenDir())) {
    if (entry.path().extension() == ".yaml") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// Rules whose golden file must hold at least 30 cases.
const std::set<std::string> kWellCovered = {"name",    "email",   "phone",
                                            "country", "company", "job_title"};

class GoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenTest, EveryCasePasses) {
  TempDir dir;
  const fs::path file = GoldenDir() / (GetParam() + ".yaml");
  const Output r = Shell(CleanBinary() + " test '" + file.string() + "'", dir);
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(r.out, m, std::regex(R"((\d+) passed, (\d+) failed)"))) << r.out;
  EXPECT_EQ(m[2].str(), "0") << r.out;
  if (kWellCovered.count(GetParam())) {
    EXPECT_GE(std::stoi(m[1].str()), 30) << GetParam() << " needs at least 30 golden cases";
  }
}

INSTANTIATE_TEST_SUITE_P(Rules, GoldenTest, ::testing::ValuesIn(GoldenFiles()),
                         [](const ::testing::TestParamInfo<std::string>& rule) { return rule.param; });

TEST(GoldenFilesTest, TheWellCoveredRulesHaveAGoldenFile) {
  const auto names = GoldenFiles();
  for (const auto& rule : kWellCovered) {
    EXPECT_TRUE(std::count(names.begin(), names.end(), rule)) << "no golden file for " << rule;
  }
}

}  // namespace
}  // namespace pdc::e2e
